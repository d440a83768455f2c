"""The editors' report "Translations awaiting review" (Reports ▸ Translations awaiting review):
the strings of the Portuguese and Arabic catalogues still marked `awaiting native review`
(catalogues.py) and the Portuguese and Arabic pages no native speaker has reviewed yet
(models.ReviewedTranslation), with spreadsheet export as every Wagtail report, and the action
that marks a page reviewed. Visible to whoever may edit pages (editors, administrators); each
sees the pages they may edit, and every string.

    admin/reports/translations-to-review/                   cms_translation_review_report
    admin/reports/translations-to-review/results/           cms_translation_review_report_results
    admin/reports/translations-to-review/<page id>/reviewed/    cms_translation_mark_reviewed
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from awards_site import exports
from awards_site.i18n import language_name
from cms.rules import TRANSLATION_REPORT_ACTIONS
from cms.translations.catalogues import DRAFT_LANGUAGES, awaiting_review
from cms.translations.models import ReviewedTranslation

STRING = _("Interface text")
PAGE = _("Page")


class ReviewRow:
    """A string or a page awaiting review, as the report shows it."""

    def __init__(self, kind, language, source, translation, location, page=None):
        self.kind = kind
        self.language = language_name(language)
        self.source = source
        self.translation = translation
        self.location = location
        self.page = page

    @property
    def action_label(self):
        return gettext("Mark reviewed") if self.page is not None else ""

    @property
    def action_url(self):
        if self.page is None:
            return None
        return reverse("cms_translation_mark_reviewed", args=[self.page.pk])


class ActionColumn(TitleColumn):
    """The row's action as a link; empty for a string (nothing to do in the admin), where
    TitleColumn would show "(blank)"."""

    empty_value_display = ""


def pages_awaiting_review(user):
    """The pages in the draft languages, not aliases, that no one has marked reviewed and that
    `user` may edit; the site's roots left out. Two queries."""
    pages = (
        Page.objects.filter(
            locale__language_code__in=DRAFT_LANGUAGES,
            alias_of__isnull=True,
            depth__gt=1,
            translation_review__isnull=True,
        )
        .select_related("locale")
        .order_by("locale__language_code", "path")
    )
    if not user.has_perm("cms.edit_every_page"):
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
        pages = pages.filter(pk__in=editable.values("pk"))
    return list(pages)


def review_rows(user):
    rows = [
        ReviewRow(
            PAGE,
            page.locale.language_code,
            page.title,
            page.title,
            page.url_path,
            page=page,
        )
        for page in pages_awaiting_review(user)
    ]
    rows += [
        ReviewRow(STRING, entry.language, entry.msgid, entry.msgstr, entry.location)
        for entry in awaiting_review()
    ]
    return rows


class TranslationReviewReportView(exports.SpreadsheetExport, ReportView):
    page_title = _("Translations awaiting review")
    header_icon = "globe"
    index_url_name = "cms_translation_review_report"
    index_results_url_name = "cms_translation_review_report_results"
    model = Page  # for Wagtail's page permission policy
    any_permission_required = TRANSLATION_REPORT_ACTIONS
    paginate_by = 100
    columns = [
        Column("kind", label=_("What"), width="10%"),
        Column("language", label=_("Language"), width="10%"),
        Column("source", label=_("Original"), width="30%"),
        Column("translation", label=_("Translation"), width="30%"),
        ActionColumn(
            "action_label", label=_("To do"), get_url=lambda row: row.action_url, width="20%"
        ),
    ]
    list_export = ["kind", "language", "source", "translation", "location"]
    export_headings = {
        "kind": _("What"),
        "language": _("Language"),
        "source": _("Original"),
        "translation": _("Translation"),
        "location": _("Where"),
    }

    @cached_property
    def no_results_message(self):
        return _("Every Portuguese and Arabic translation has been reviewed.")

    def get_filename(self):
        return "translations-awaiting-review"

    def get_queryset(self):
        return review_rows(self.request.user)


class MarkReviewedView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm (GET), then mark the page's translation reviewed by the user (POST). Only for a
    page in a draft language that the user may edit; anyone else gets a 403."""

    template_name = "cms/translations/mark_reviewed.html"
    page_title = _("Mark a translation reviewed")
    header_icon = "globe"

    @cached_property
    def page(self):
        return get_object_or_404(
            Page.objects.select_related("locale").filter(
                locale__language_code__in=DRAFT_LANGUAGES, alias_of__isnull=True
            ),
            pk=self.kwargs["page_id"],
        ).specific_deferred

    def dispatch(self, request, *args, **kwargs):
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("cms_translation_review_report"),
                "label": _("Translations awaiting review"),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.page,
            language=language_name(self.page.locale.language_code),
            reviewed=ReviewedTranslation.objects.filter(page=self.page).first(),
        )
        return context

    def post(self, request, *args, **kwargs):
        ReviewedTranslation.objects.get_or_create(
            page_id=self.page.pk, defaults={"reviewed_by": request.user}
        )
        messages.success(
            request,
            gettext("“%(title)s” is marked reviewed: it is no longer a draft translation.")
            % {"title": self.page.title},
        )
        return redirect("cms_translation_review_report")


def urlpatterns():
    return [
        path(
            "reports/translations-to-review/",
            TranslationReviewReportView.as_view(),
            name="cms_translation_review_report",
        ),
        path(
            "reports/translations-to-review/results/",
            TranslationReviewReportView.as_view(results_only=True),
            name="cms_translation_review_report_results",
        ),
        path(
            "reports/translations-to-review/<int:page_id>/reviewed/",
            MarkReviewedView.as_view(),
            name="cms_translation_mark_reviewed",
        ),
    ]
