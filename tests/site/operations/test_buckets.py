"""Media in S3-compatible buckets (awards_site/settings/storage.py), against moto's in-process
S3: private files are written with no public grant, public images readable by anyone, Wagtail's
documents (which may be private) not. The live stack proves the same against a server
(tests/stack/test_files.py)."""

import boto3
import pytest
from django.core.files.base import ContentFile
from django.utils.module_loading import import_string
from moto import mock_aws

from awards_site.settings.storage import media_storages

ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


@pytest.fixture
def buckets(monkeypatch, tmp_path):
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "media")
    monkeypatch.setenv("AWS_PRIVATE_STORAGE_BUCKET_NAME", "private")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="media")
        s3.create_bucket(Bucket="private")
        _, configured = media_storages(tmp_path)
        made = {
            name: import_string(entry["BACKEND"])(**entry["OPTIONS"])
            for name, entry in configured.items()
        }
        yield s3, made


def public_grants(s3, bucket, key):
    grants = s3.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    return [g["Permission"] for g in grants if g["Grantee"].get("URI") == ALL_USERS]


def test_evidence_goes_to_the_private_bucket_without_a_public_grant(buckets):
    s3, made = buckets
    name = made["private"].save("evidence/abc/0123", ContentFile(b"%PDF-1.7 evidence"))
    assert s3.get_object(Bucket="private", Key=name)["Body"].read() == b"%PDF-1.7 evidence"
    assert public_grants(s3, "private", name) == []
    # Should code ever ask for an address, it is signed and expires.
    assert "X-Amz-Signature=" in made["private"].url(name)
    assert "X-Amz-Expires=60" in made["private"].url(name)


def test_images_are_public_and_documents_are_not(buckets):
    s3, made = buckets
    image = made["default"].save("original_images/logo.png", ContentFile(b"\x89PNG"))
    document = made["default"].save("documents/board-minutes.pdf", ContentFile(b"%PDF"))
    assert public_grants(s3, "media", image) == ["READ"]
    assert public_grants(s3, "media", document) == []
    assert "X-Amz-Signature" not in made["default"].url(image)
