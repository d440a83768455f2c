"""Report files as HTTP responses: attachments, never cached by a shared cache."""

from django.utils import translation
from django.utils.text import slugify

from awards_site import exports


def report_filename(scope, extension):
    """e.g. "cx-awards-cx27-digital-public-service-report.xlsx"."""
    parts = ["cx-awards", scope.cycle.code]
    if scope.category is not None:
        parts.append(scope.category.name_en)
    if scope.full:
        parts.append("full")
    return f"{slugify(' '.join(parts))}-report.{extension}"


def report_response(kind, scope, language):
    """The report of this kind (cms/reports/kinds.py) for `scope`, written in `language`."""
    with translation.override(language):
        content = kind.write(scope)
    return exports.attachment_response(
        report_filename(scope, kind.extension), content, kind.content_type
    )
