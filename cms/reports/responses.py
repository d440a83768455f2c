"""Report files as HTTP responses: attachments, never cached by a shared cache."""

from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.text import slugify

from awards_site import exports
from cms.reports.summary_pdf import report_pdf
from cms.reports.workbook import report_workbook

PDF = "application/pdf"


def report_filename(scope, extension):
    """e.g. "cx-awards-cx27-digital-public-service-report.xlsx"."""
    parts = ["cx-awards", scope.cycle.code]
    if scope.category is not None:
        parts.append(scope.category.name_en)
    if scope.full:
        parts.append("full")
    return f"{slugify(' '.join(parts))}-report.{extension}"


def _attachment(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, private=True, no_cache=True, max_age=0)
    return response


def workbook_response(scope, language):
    with translation.override(language):
        content = report_workbook(scope)
    return exports.xlsx_response(report_filename(scope, "xlsx"), content)


def pdf_response(scope, language):
    with translation.override(language):
        content = report_pdf(scope)
    return _attachment(content, PDF, report_filename(scope, "pdf"))
