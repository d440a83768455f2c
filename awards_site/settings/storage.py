"""Where media live: folders on this machine by default, S3-compatible buckets when named (any
S3 service: AWS, MinIO, Ceph, a provider's object storage). Part of the settings every mode
shares (base.py). Several web nodes must use buckets (or one shared folder): a file written on
one node's disk is not on the other's.

Public media (images, logos) go to AWS_STORAGE_BUCKET_NAME, read at the bucket's own address.
Private files (evidence, certificates) go to AWS_PRIVATE_STORAGE_BUCKET_NAME, written without any
public grant and read only by the site, which streams them through views that check who asks
(nominations/mine/views.py, judging/certificates/views.py): no address of the bucket is ever
handed out for them. Only django-storages and boto3 are used: any S3 endpoint works."""

import os
from pathlib import Path


def media_storages(var_dir):
    """The STORAGES entries "default" (public media) and "private", from the environment."""
    private_root = Path(os.environ.get("PRIVATE_MEDIA_ROOT", var_dir / "private"))
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        # Never served directly: only through views that check who asks.
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": private_root, "base_url": "/private-files-are-not-served/"},
        },
    }
    if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
        storages["default"] = {
            # Images public, Wagtail's documents private (awards_site/operations/storage.py).
            "BACKEND": "awards_site.operations.storage.PublicMediaStorage",
            "OPTIONS": {
                "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
                "querystring_auth": False,
                "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            },
        }
    if os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME"):
        storages["private"] = {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": os.environ["AWS_PRIVATE_STORAGE_BUCKET_NAME"],
                # No ACL sent: the object is the bucket owner's alone (S3's default), and a
                # bucket that refuses ACLs (AWS's default since 2023) takes it too.
                "default_acl": None,
                # A link, should code ever ask for one, is signed and short-lived; the views
                # stream the files instead.
                "querystring_auth": True,
                "querystring_expire": int(os.environ.get("AWS_PRIVATE_URL_SECONDS", "60")),
                "file_overwrite": False,
            },
        }
    return private_root, storages


# Read by django-storages for both buckets (credentials come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, or the machine's role, through boto3).
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE") or None
AWS_S3_SIGNATURE_VERSION = "s3v4"
