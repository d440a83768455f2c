"""The editors' report "Translations to update" (Reports ▸ Translations to update): the pages
missing in a language, or whose translation is unpublished or older than its source, by the
rule of status.py, with a link to do what each needs. Spreadsheet export as every Wagtail
report. Visible to whoever may edit pages; each sees the pages they may edit.

    admin/reports/translations/             cms_translation_report
    admin/reports/translations/results/     cms_translation_report_results (filters, paging)
"""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page

from awards_site import exports
from cms.rules import TRANSLATION_REPORT_ACTIONS
from cms.translations.names import language_name
from cms.translations.status import TranslationState, gaps_for_user


class ReportRow:
    """A gap as the report shows it: names, dates and the links of its row."""

    def __init__(self, gap, languages):
        self.gap = gap
        self.source_title = gap.source.title
        self.source_language = languages[gap.source.locale_id]
        self.language = languages[gap.locale_id]
        self.state = gap.state.label
        self.source_published_at = gap.source.last_published_at
        translation = gap.translation
        real = translation is not None and not translation.is_alias
        self.translation_title = translation.title if real else ""
        self.translation_published_at = translation.last_published_at if real else None

    @property
    def source_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.gap.source.id])

    @property
    def action_label(self):
        language = {"language": self.language}
        if self.gap.state == TranslationState.NOT_TRANSLATED:
            return _("Translate into %(language)s") % language
        if self.gap.state == TranslationState.NOT_PUBLISHED:
            return _("Finish and publish the %(language)s version") % language
        return _("Update the %(language)s version") % language

    @property
    def action_url(self):
        translation = self.gap.translation
        if translation is None:
            return reverse("simple_translation:submit_page_translation", args=[self.gap.source.id])
        if translation.is_alias:
            # Wagtail's own conversion; it then opens the converted page's editor.
            return reverse("wagtailadmin_pages:convert_alias", args=[translation.id])
        return reverse("wagtailadmin_pages:edit", args=[translation.id])


class TranslationReportView(exports.SpreadsheetExport, ReportView):
    """Downloads through the site's writer: dates in the site's time zone to the minute, page
    titles as text."""

    page_title = _("Translations to update")
    header_icon = "globe"
    index_url_name = "cms_translation_report"
    index_results_url_name = "cms_translation_report_results"
    model = Page  # for Wagtail's page permission policy
    # Wagtail's page policy, for the actions cms.see_translation_report asks (cms/rules.py).
    any_permission_required = TRANSLATION_REPORT_ACTIONS
    columns = [
        TitleColumn(
            "source_title", label=_("Page"), get_url=lambda row: row.source_url, width="30%"
        ),
        Column("language", label=_("Translation into"), width="12%"),
        Column("state", label=_("State"), width="12%"),
        DateColumn("source_published_at", label=_("Page published"), width="12%"),
        DateColumn("translation_published_at", label=_("Translation published"), width="14%"),
        TitleColumn(
            "action_label", label=_("To do"), get_url=lambda row: row.action_url, width="20%"
        ),
    ]
    list_export = [
        "source_title",
        "source_language",
        "language",
        "state",
        "translation_title",
        "source_published_at",
        "translation_published_at",
    ]
    export_headings = {
        "source_title": _("Page"),
        "source_language": _("Written in"),
        "language": _("Translation into"),
        "state": _("State"),
        "translation_title": _("Translation"),
        "source_published_at": _("Page published"),
        "translation_published_at": _("Translation published"),
    }

    @cached_property
    def no_results_message(self):
        return _("Every page is translated and up to date.")

    def get_filename(self):
        return "translations-to-update"

    def get_queryset(self):
        languages = {locale.pk: language_name(locale) for locale in Locale.objects.all()}
        gaps = gaps_for_user(self.request.user, locale_ids=list(languages))
        return [ReportRow(gap, languages) for gap in gaps]


def urlpatterns():
    return [
        path(
            "reports/translations/",
            TranslationReportView.as_view(),
            name="cms_translation_report",
        ),
        path(
            "reports/translations/results/",
            TranslationReportView.as_view(results_only=True),
            name="cms_translation_report_results",
        ),
    ]
