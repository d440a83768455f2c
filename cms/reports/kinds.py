"""The kinds of report: one declaration (REPORT_KINDS) carrying, for each kind, its file, its
words and the function that writes it. The administrators' and the sponsors' URLs, the two
download screens and the report responses all read it.

A new kind (say, a CSV of the nominations) is one entry here, the function that writes its
bytes from a ReportScope (cms/reports/access.py), and the French of its words. Who may download
it is the rule every report follows (cms/reports/access.py), so there is nothing else to grant.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from awards_site.exports import XLSX_CONTENT_TYPE
from awards_site.vocabularies.terms import Term, Vocabulary


@dataclass(frozen=True)
class ReportKind(Term):
    extension: str = ""
    content_type: str = ""
    # The link in the sponsor area.
    download: Promise | str = ""
    # The dotted path of the function writing the file's bytes from a ReportScope. It is imported
    # at the first download, so a web worker loads openpyxl or WeasyPrint only when asked to.
    writer: str = ""

    @property
    def format_name(self):
        return self.extension.upper()

    @property
    def sponsor_url(self):
        return f"sponsors:{self.value}"

    @property
    def admin_url(self):
        return f"cms_reports_{self.value}"

    def write(self, scope):
        return import_string(self.writer)(scope)


REPORT_KINDS = Vocabulary(
    "report kinds",
    [
        ReportKind(
            "workbook",
            _("Excel workbook"),
            extension="xlsx",
            content_type=XLSX_CONTENT_TYPE,
            download=_("Download the Excel workbook"),
            writer="cms.reports.workbook.report_workbook",
        ),
        ReportKind(
            "summary",
            _("PDF summary"),
            extension="pdf",
            content_type="application/pdf",
            download=_("Download the PDF summary"),
            writer="cms.reports.summary_pdf.report_pdf",
        ),
    ],
)
