"""`make backup` and `make restore`: the database (pg_dump's custom format) and the media (every
object of both buckets, or the two media folders) in one folder per backup, with the settings of
the environment the site runs with (DATABASE_URL, AWS_*, MEDIA_ROOT, PRIVATE_MEDIA_ROOT).

    deploy/backup.py backup BACKUP_DIR     -> BACKUP_DIR/<UTC moment>/{database.dump, media/...}
    deploy/backup.py restore BACKUP_FOLDER -> into DATABASE_URL (which must be empty or new)
                                              and the buckets (or folders) named now

Restore goes into a fresh database and fresh buckets: the drill of docs/operations.md
(tests/stack/test_backup.py) restores into others than the live ones and checks them.
Runs where the site runs, with its environment (deploy/systemd/cxawards.env.example)."""

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AREAS = {"public": "AWS_STORAGE_BUCKET_NAME", "private": "AWS_PRIVATE_STORAGE_BUCKET_NAME"}


def database_url():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to the PostgreSQL database (backups are PostgreSQL's).")
    return url.replace("postgres://", "postgresql://", 1)


def s3_client():
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        region_name=os.environ.get("AWS_S3_REGION_NAME") or None,
    )


def media_folder(area):
    var_dir = Path(os.environ.get("VAR_DIR", ROOT / "var"))
    if area == "public":
        return Path(os.environ.get("MEDIA_ROOT", var_dir / "media"))
    return Path(os.environ.get("PRIVATE_MEDIA_ROOT", var_dir / "private"))


def copy_out(area, target):
    """Every file of one media area into `target`; returns how many."""
    bucket = os.environ.get(AREAS[area])
    if not bucket:
        source = media_folder(area)
        if source.exists():
            shutil.copytree(source, target, dirs_exist_ok=True)
        return sum(1 for p in target.rglob("*") if p.is_file()) if target.exists() else 0
    s3, count = s3_client(), 0
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for item in page.get("Contents", []):
            path = target / item["Key"]
            path.parent.mkdir(parents=True, exist_ok=True)
            s3.download_file(bucket, item["Key"], str(path))
            count += 1
    return count


def copy_in(area, source):
    """Every file of a backup's media area into the bucket (or folder) named now. Private files
    are written without any public grant; public images readable by anyone, as the site writes
    them (awards_site/operations/storage.py)."""
    if not source.exists():
        return 0
    bucket = os.environ.get(AREAS[area])
    files = [p for p in source.rglob("*") if p.is_file()]
    if not bucket:
        shutil.copytree(source, media_folder(area), dirs_exist_ok=True)
        return len(files)
    s3 = s3_client()
    public = ("original_images/", "images/")
    for path in files:
        key = path.relative_to(source).as_posix()
        extra = {"ACL": "public-read"} if area == "public" and key.startswith(public) else {}
        s3.upload_file(str(path), bucket, key, ExtraArgs=extra)
    return len(files)


def backup(backup_dir):
    folder = Path(backup_dir) / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder.mkdir(parents=True)
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", "--file", str(folder / "database.dump"),
         database_url()],
        check=True,
    )  # fmt: skip
    counts = {area: copy_out(area, folder / "media" / area) for area in AREAS}
    (folder / "backup.json").write_text(json.dumps({"files": counts}, indent=2))
    print(f"{folder}: database.dump, {counts['public']} public, {counts['private']} private files")
    return folder


def restore(folder):
    folder = Path(folder)
    if not (folder / "database.dump").exists():
        raise SystemExit(f"{folder} holds no database.dump: not a backup of deploy/backup.py")
    subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", "--single-transaction",
         "--dbname", database_url(), str(folder / "database.dump")],
        check=True,
    )  # fmt: skip
    counts = {area: copy_in(area, folder / "media" / area) for area in AREAS}
    print(f"restored {folder}: {counts['public']} public and {counts['private']} private files")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("backup", "restore"):
        raise SystemExit(f"usage: {sys.argv[0]} backup BACKUP_DIR | restore BACKUP_FOLDER")
    (backup if sys.argv[1] == "backup" else restore)(sys.argv[2])
