"""The "download my data" archive: data.json and files, assembled from the account and the sections
every app adds through the ``personal_data_sections`` hook (hooks.py)."""

import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from wagtail import hooks

from nominations.privacy.hooks import PERSONAL_DATA_SECTIONS

ARCHIVE_FORMAT_VERSION = 1


@dataclass(frozen=True)
class ExportFile:
    """A file of the archive: its path inside the ZIP and a callable opening it for reading."""

    path: str
    open: Any


@dataclass(frozen=True)
class PersonalDataSection:
    """One part of a person's archive: `key` in data.json holds `data` (JSON-serialisable with
    Django's encoder: dates, decimals and UUIDs are fine), plus files stored beside it."""

    key: str
    data: Any
    files: list = field(default_factory=list)


def _account_section(user):
    from allauth.account.models import EmailAddress

    return PersonalDataSection(
        "account",
        {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "is_active": user.is_active,
            "password": "stored only as a one-way hash; not included",
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user).order_by("pk")
            ],
            **_account_extras(user),
        },
    )


def _account_extras(user):
    """Sign-in records and two-step verification devices, when those apps are installed (the
    devices' secrets are never exported)."""
    extras = {}
    if apps.is_installed("allauth.usersessions"):
        from allauth.usersessions.models import UserSession

        extras["sessions"] = list(
            UserSession.objects.filter(user=user)
            .order_by("created_at")
            .values("created_at", "last_seen_at", "ip", "user_agent")
        )
    if apps.is_installed("allauth.mfa"):
        from allauth.mfa.models import Authenticator

        extras["two_step_verification"] = list(
            Authenticator.objects.filter(user=user)
            .order_by("created_at")
            .values("type", "created_at", "last_used_at")
        )
    return extras


def personal_data_sections(user):
    """Every part of the person's archive: the account, then every app's (nominations' first)."""
    sections = [_account_section(user)]
    for hook in hooks.get_hooks(PERSONAL_DATA_SECTIONS):
        sections.extend(hook(user) or [])
    keys = [section.key for section in sections]
    if len(keys) != len(set(keys)):
        raise ValueError(f"Two sections of the personal data archive share a key: {keys}")
    return sections


def personal_data(user, now=None):
    """data.json of the archive, as a dict (before JSON encoding)."""
    sections = personal_data_sections(user)
    return _document(sections, now)


def _document(sections, now):
    return {
        "format_version": ARCHIVE_FORMAT_VERSION,
        "generated_at": now or timezone.now(),
        **{section.key: section.data for section in sections},
    }


def write_archive(user, target, now=None):
    """Write the person's ZIP archive (data.json and files/…) into `target`, a binary file."""
    sections = personal_data_sections(user)
    document = json.dumps(
        _document(sections, now), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", document)
        for section in sections:
            for export_file in section.files:
                with export_file.open() as source, archive.open(export_file.path, "w") as sink:
                    shutil.copyfileobj(source, sink, 64 * 1024)
    return target


def archive_file(user, now=None):
    """The archive in a temporary file (kept in memory up to 10 MB), rewound for reading."""
    target = tempfile.SpooledTemporaryFile(max_size=10 * 1024 * 1024)  # noqa: SIM115
    write_archive(user, target, now)
    target.seek(0)
    return target
