"""Documents uploaded in the Wagtail admin (its document pages, its multiple upload and its
choosers) pass the checks of the nominators' evidence files (nominations/wizard/evidence.py): the
content decides what a file is, it must be what its name says, and nothing a browser would run
(HTML, SVG, XML, programs) gets in. WAGTAILDOCS_EXTENSIONS says which names are accepted and
WAGTAILDOCS_MAX_UPLOAD_SIZE how big; both are checked by Wagtail, with our wording here.

Wagtail's multiple upload only refuses a file whose errors are on the "file" field, so every
check here is in clean_file."""

import os
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from nominations.wizard.evidence import detect_kind

# What a name's extension promises the content is.
EXPECTED_KIND = {
    "pdf": "pdf",
    "docx": "docx",
    "xlsx": "xlsx",
    "odt": "odt",
    "ods": "ods",
    "csv": "text",
    "txt": "text",
}
KIND_LABELS = {
    "pdf": _("a PDF document"),
    "docx": _("a Word (DOCX) document"),
    "xlsx": _("an Excel (XLSX) workbook"),
    "odt": _("an OpenDocument text (ODT)"),
    "ods": _("an OpenDocument spreadsheet (ODS)"),
    "text": _("plain text"),
}
OPEN_DOCUMENT_TYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
# Bytes no text file has: a program, an image or a package, whatever its name.
BINARY_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20))
# Text a browser would treat as a page or a drawing.
MARKUP = (b"<html", b"<script", b"<svg", b"<iframe", b"<object", b"<embed", b"<?xml", b"<!doctype")


def document_kind(uploaded):
    """pdf, docx, xlsx, odt, ods, text, markup (text that is HTML, SVG or XML), or None."""
    kind = detect_kind(uploaded)
    if kind in ("pdf", "docx", "xlsx"):
        return kind
    if kind is not None:  # a JPEG or PNG image
        return None
    return _open_document_kind(uploaded) or _text_kind(uploaded)


def _open_document_kind(uploaded):
    """An OpenDocument file is a ZIP package whose "mimetype" entry names its type."""
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as package:
            media_type = package.read("mimetype").strip()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return None
    finally:
        uploaded.seek(0)
    return OPEN_DOCUMENT_TYPES.get(media_type)


def _text_kind(uploaded):
    uploaded.seek(0)
    content = b"".join(uploaded.chunks())
    uploaded.seek(0)
    if BINARY_BYTES.intersection(content) or not _decodes(content):
        return None
    lowered = content.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(b"<") or any(tag in lowered for tag in MARKUP):
        return "markup"
    return "text"


def _decodes(content):
    """UTF-8, or the Windows encoding a spreadsheet program may still save CSV in."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            content.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


def check_document(uploaded):
    """Refuse an upload whose content is not what its name says; say what to do instead."""
    extension = os.path.splitext(uploaded.name)[1].lower().lstrip(".")
    expected = EXPECTED_KIND.get(extension)
    if expected is None:
        return  # Wagtail refuses the extension and lists the accepted ones
    kind = document_kind(uploaded)
    if kind == "markup":
        raise ValidationError(
            _(
                "This file contains web page code (HTML, SVG or XML), which is not accepted "
                "as a document. Put its content on a page instead, or upload it as a PDF."
            ),
            code="markup",
        )
    if kind != expected:
        raise ValidationError(
            _(
                "This file's name ends in .%(extension)s but it is not %(expected)s. Save or "
                "export it as %(expected)s from the program that made it, then upload it again."
            )
            % {"extension": extension, "expected": KIND_LABELS[expected]},
            code="wrong_type",
        )


def explain_refusals(field):
    """Django's and Wagtail's messages for an empty or too big file, saying what to do next."""
    limit = field.max_upload_size_text
    field.error_messages["empty"] = _("The selected file is empty. Choose a file that has content.")
    field.error_messages["file_too_large"] = _(
        "This file is %(file_size)s, more than the %(max_filesize)s allowed. Make it smaller "
        "(for a PDF, export it again with compressed images) or split it, then upload it again."
    )
    field.error_messages["file_too_large_unknown_size"] = _(
        "This file is larger than the %(max_filesize)s allowed. Make it smaller (for a PDF, "
        "export it again with compressed images) or split it, then upload it again."
    ) % {"max_filesize": limit}


class CheckedDocumentForm(BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: every form of the admin that takes a document file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            explain_refusals(self.fields["file"])

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):  # not the file already kept, when editing
            check_document(uploaded)
        return uploaded
