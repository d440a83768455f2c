"""Evidence files: checked by their content (the name and the browser's content type are
never trusted; kept here, not delegated to libmagic, because the rule is narrow and strict:
exactly five kinds, and an Office file must really be a Word or Excel package), and attached
within the limits the wizard promises (`attach`): 5 files, 10 MB each, so 50 MB in all.

The limits hold when uploads arrive at the same moment (two tabs, a script): `attach` counts
the nomination's files under the nomination's row lock, in the transaction that inserts the
new one, so a second upload waits for the first and counts it. On SQLite the transaction's
write lock does the same (settings: BEGIN IMMEDIATE).
"""

import hashlib
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Sum
from django.http import FileResponse
from django.utils.translation import gettext_lazy as _

from nominations.models import EvidenceFile, Nomination

# kind -> (label, content type for downloads)
KINDS = {
    "pdf": ("PDF", "application/pdf"),
    "jpeg": ("JPEG", "image/jpeg"),
    "png": ("PNG", "image/png"),
    "docx": (
        "Word (DOCX)",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": ("Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}
EXTENSIONS = {"pdf": "pdf", "jpeg": "jpg", "png": "png", "docx": "docx", "xlsx": "xlsx"}
ACCEPT = ".pdf,.jpg,.jpeg,.png,.docx,.xlsx"


@dataclass(frozen=True)
class CheckedFile:
    kind: str
    size: int
    sha256: str
    safe_name: str


def detect_kind(uploaded):
    """The kind of file from its first bytes (and, for Office files, its package contents)."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(uploaded)
    return None


def _office_kind(uploaded):
    try:
        with zipfile.ZipFile(uploaded) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        uploaded.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def safe_file_name(name, kind):
    """A display name without folders, control characters or a misleading extension."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = unicodedata.normalize("NFC", name)
    name = re.sub(r"[\x00-\x1f\x7f<>:\"|?*]", "", name).strip(" .")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = stem[:150] or "evidence"
    return f"{stem}.{EXTENSIONS[kind]}"


def check_evidence(uploaded, max_bytes):
    """Validate one upload; raise a ValidationError that says what to do next."""
    if uploaded.size == 0:
        raise ValidationError(
            _("The selected file is empty. Choose a file that has content."), code="empty"
        )
    if uploaded.size > max_bytes:
        raise ValidationError(
            _(
                "The selected file is larger than %(limit)d MB. Choose "
                "a smaller file, or reduce its size."
            )
            % {"limit": max_bytes // (1024 * 1024)},
            code="too_big",
        )
    kind = detect_kind(uploaded)
    if kind is None:
        raise ValidationError(
            _("The selected file must be a PDF, JPEG, PNG, Word (DOCX) or Excel (XLSX) file."),
            code="wrong_type",
        )
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return CheckedFile(kind, uploaded.size, digest.hexdigest(), safe_file_name(uploaded.name, kind))


class LimitReached(ValidationError):
    """An upload the nomination has no room for: the message says what to do next."""


def limit_problem(count, total_bytes, size):
    """The LimitReached error for a file of `size` bytes added to `count` files of `total_bytes`,
    or None when it fits."""
    if count >= EvidenceFile.MAX_FILES:
        return LimitReached(
            _("You can attach %(max)d files at most. Remove one before adding another.")
            % {"max": EvidenceFile.MAX_FILES},
            code="too_many",
        )
    if total_bytes + size > EvidenceFile.MAX_TOTAL_BYTES:
        return LimitReached(
            _(
                "The files of a nomination can add up to %(limit)d MB at most, and this one "
                "would go over. Remove a file, or reduce this one's size, then add it again."
            )
            % {"limit": EvidenceFile.MAX_TOTAL_BYTES // (1024 * 1024)},
            code="too_much",
        )
    return None


def attach(nomination, upload, checked):
    """Attach a checked upload (`check_evidence`) to the nomination, within the limits, and
    count one revision more (nominations/wizard/drafts.py). Raises LimitReached when it does not
    fit.
    The nomination's row is locked first, so uploads at the same moment are counted one after
    the other (see the module docstring)."""
    with transaction.atomic():
        Nomination.objects.select_for_update(of=("self",)).filter(pk=nomination.pk).values(
            "pk"
        ).get()
        held = EvidenceFile.objects.filter(nomination=nomination.pk).aggregate(
            count=Count("pk"), total=Sum("size")
        )
        problem = limit_problem(held["count"], held["total"] or 0, checked.size)
        if problem:
            raise problem
        evidence = EvidenceFile.objects.create(
            nomination=nomination,
            file=upload,
            original_name=checked.safe_name,
            kind=checked.kind,
            size=checked.size,
            sha256=checked.sha256,
        )
        Nomination.objects.filter(pk=nomination.pk).update(revision=F("revision") + 1)
    nomination.refresh_from_db(fields=["revision"])
    return evidence


def evidence_response(evidence):
    """The file as a download, never rendered by the browser, whoever is allowed to ask."""
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=KINDS[evidence.kind][1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
