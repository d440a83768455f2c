"""The restore drill (docs/operations.md, "Backups"): `make backup`'s script saves the stack's
database and both buckets; restored into a new database and new buckets, the nominations,
evidence files, scores, certificates and citizens' feedback answers are all there, each file
with the bytes it had."""

import hashlib
import os
import subprocess
import sys

import psycopg
import pytest

from tests.stack.browser import ROOT

pytestmark = pytest.mark.stack
BACKUP = ROOT / "deploy" / "backup.py"
DRILL_DATABASE = "cxawards_stack_drill"
DRILL_BUCKETS = {"public": "cxawards-drill-media", "private": "cxawards-drill-private"}
COUNTED = [
    "nominations_nomination",
    "nominations_evidencefile",
    "judging_scoresheet",
    "judging_criterionscore",
    "judging_certificate",
    "feedback_response",
    "wagtailcore_page",
    "wagtailimages_image",
]


def counts(url):
    with psycopg.connect(url) as connection:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in COUNTED}  # fmt: skip


def run_backup(stack, *args, **overrides):
    env = {**os.environ, **{k: v for k, v in stack.items() if isinstance(v, str)}, **overrides}
    return subprocess.run(
        [sys.executable, str(BACKUP), *args], cwd=ROOT, env=env, check=True,
        capture_output=True, text=True,
    ).stdout  # fmt: skip


@pytest.fixture
def drill(stack, s3, sql):
    """A new, empty database and new buckets to restore into; removed afterwards."""
    sql(f'DROP DATABASE IF EXISTS "{DRILL_DATABASE}" WITH (FORCE)')
    sql(f'CREATE DATABASE "{DRILL_DATABASE}"')
    for bucket in DRILL_BUCKETS.values():
        s3.create_bucket(Bucket=bucket)
    url = stack["DATABASE_URL"].rsplit("/", 1)[0] + f"/{DRILL_DATABASE}"
    yield url
    for bucket in DRILL_BUCKETS.values():
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            for item in page.get("Contents", []):
                s3.delete_object(Bucket=bucket, Key=item["Key"])
        s3.delete_bucket(Bucket=bucket)
    sql(f'DROP DATABASE IF EXISTS "{DRILL_DATABASE}" WITH (FORCE)')


def a_certificate_downloaded(visitor, sql):
    """The nominator downloads a certificate: its PDF, rendered on this first download, is in
    the private bucket (whatever other tests ran before)."""
    code, uuid = sql(
        "SELECT c.code, n.uuid FROM judging_certificate c"
        " JOIN nominations_nomination n ON n.id = c.nomination_id"
        " JOIN awards_site_user u ON u.id = n.nominator_id"
        " WHERE u.email = 'nominator@demo.test' AND c.revoked_at IS NULL LIMIT 1"
    )[0]
    visitor.log_in("nominator@demo.test")
    pdf = visitor.get(f"/my-nominations/{uuid}/certificates/{code}/?language=en")
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"


def test_a_backup_restores_into_a_new_database_and_new_buckets(
    stack, s3, drill, tmp_path, visitor, sql
):
    a_certificate_downloaded(visitor, sql)
    before = counts(stack["DATABASE_URL"])
    assert all(before.values()), before  # the demo has some of each
    run_backup(stack, "backup", str(tmp_path))
    (folder,) = tmp_path.iterdir()

    run_backup(
        stack,
        "restore",
        str(folder),
        DATABASE_URL=drill,
        AWS_STORAGE_BUCKET_NAME=DRILL_BUCKETS["public"],
        AWS_PRIVATE_STORAGE_BUCKET_NAME=DRILL_BUCKETS["private"],
    )
    assert counts(drill) == before

    with psycopg.connect(drill) as restored:
        evidence = restored.execute("SELECT file, sha256 FROM nominations_evidencefile").fetchall()
        pdfs = restored.execute(
            "SELECT pdf_en FROM judging_certificate WHERE pdf_en <> ''"
            " UNION ALL SELECT pdf_fr FROM judging_certificate WHERE pdf_fr <> ''"
        ).fetchall()
        images = restored.execute("SELECT file FROM wagtailimages_image").fetchall()
    for key, sha256 in evidence:
        body = s3.get_object(Bucket=DRILL_BUCKETS["private"], Key=key)["Body"].read()
        assert hashlib.sha256(body).hexdigest() == sha256, key
    assert pdfs
    for (key,) in pdfs:
        assert s3.get_object(Bucket=DRILL_BUCKETS["private"], Key=key)["Body"].read()[:4] == b"%PDF"
    for (key,) in images:
        assert s3.head_object(Bucket=DRILL_BUCKETS["public"], Key=key)["ContentLength"] > 0
