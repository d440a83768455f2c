"""The best-practice library's pages: the case study index (CaseStudyIndexPage: the filtered
list, a page per country) and a case study (CaseStudyPage: problem, what changed, results,
what others can reuse, an organisational contact; its PDF; its agency's measured trend).

Both are ordinary Wagtail pages, translatable as every page of the site is; a case study made
from an entry keeps which one (`source_nomination`), so a withdrawn consent takes it off the
site (consent.py)."""

from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from awards_site.vocabularies.countries import COUNTRY_CHOICES, country_name
from library.cases.vocabularies import SECTORS, THEMES, sector_choices, theme_choices


def narrative(label, help_text):
    return models.TextField(label, blank=True, help_text=help_text)


class CaseStudyIndexPage(RoutablePageMixin, Page):
    """The library of case studies: the published ones of its language, filtered by country,
    sector, CX theme and year and searched (filters.py); /country/<code>/ lists one country's."""

    intro = models.TextField(_("introduction"), blank=True, max_length=400)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["library.CaseStudyPage"]
    max_count_per_parent = 1
    template = "library/cases/case_study_index_page.html"

    class Meta:
        verbose_name = _("case study library")

    def get_meta_description(self):
        return self.search_description or self.intro

    @path("")
    def library(self, request):
        from library.cases import filters

        listing = filters.listing(self, request.GET)
        return self.render(request, context_overrides={"listing": listing})

    @path("country/<str:code>/", name="country")
    def country(self, request, code):
        from library.cases import filters

        code = code.upper()
        if code not in dict(COUNTRY_CHOICES):
            raise Http404
        listing = filters.listing(
            self, {"country": code}, country_page=True, page_number=request.GET.get("page")
        )
        return self.render(
            request,
            template="library/cases/case_study_country_page.html",
            context_overrides={
                "listing": listing,
                "country_code": code,
                "country": country_name(code),
                "canonical_url": self.get_full_url(request)
                + self.reverse_subpage("country", args=[code.lower()]),
            },
        )


class CaseStudyPage(RoutablePageMixin, Page):
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("Two or three sentences shown in the library's list and search results."),
    )
    organisation_name = models.CharField(_("agency or organisation"), max_length=200)
    problem = narrative(_("the problem"), _("What was wrong for citizens before, and why."))
    change = narrative(
        _("what the agency changed"), _("What the agency did: people, process, technology.")
    )
    results = narrative(
        _("measured results"), _("What changed, with the figures and how they were measured.")
    )
    reusable = narrative(
        _("what others can reuse"),
        _("What another agency could copy, and what it would need to do so."),
    )
    contact = models.TextField(
        _("contact"),
        blank=True,
        max_length=400,
        help_text=_(
            "An organisational contact (a unit, a shared address, a web page), never a "
            "person's own email address or phone number."
        ),
    )
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES, db_index=True)
    sector = models.CharField(_("sector"), max_length=20, choices=sector_choices, db_index=True)
    theme = models.CharField(_("CX theme"), max_length=20, choices=theme_choices, db_index=True)
    year = models.PositiveSmallIntegerField(_("programme year"), db_index=True)
    change_date = models.DateField(
        _("date of the change"),
        null=True,
        blank=True,
        help_text=_(
            "When the change took effect: the measured trend shows the months before and after."
        ),
    )
    agency = models.ForeignKey(
        "feedback.Agency",
        verbose_name=_("agency on the feedback platform"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its citizens' measured satisfaction is shown month by month."),
    )
    source_nomination = models.ForeignKey(
        "nominations.Nomination",
        verbose_name=_("made from the entry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
        editable=False,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("sector")]),
                FieldRowPanel([FieldPanel("theme"), FieldPanel("year")]),
            ],
            heading=_("Filed under"),
        ),
        FieldPanel("problem"),
        FieldPanel("change"),
        FieldPanel("results"),
        FieldPanel("reusable"),
        FieldPanel("contact"),
        MultiFieldPanel(
            [FieldPanel("agency"), FieldPanel("change_date")],
            heading=_("Measured trend"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("organisation_name"),
        index.SearchField("problem"),
        index.SearchField("change"),
        index.SearchField("results"),
        index.SearchField("reusable"),
        index.FilterField("country"),
        index.FilterField("sector"),
        index.FilterField("theme"),
        index.FilterField("year"),
    ]
    parent_page_types = ["library.CaseStudyIndexPage"]
    subpage_types = []
    template = "library/cases/case_study_page.html"

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def get_meta_description(self):
        return self.search_description or self.summary

    @property
    def country_name(self):
        return country_name(self.country)

    @property
    def sector_label(self):
        return SECTORS.label(self.sector)

    @property
    def theme_label(self):
        return THEMES.label(self.theme)

    def consent_withdrawn(self):
        """Made from an entry whose nominator has withdrawn consent (one query, or none)."""
        from library.cases.rules import consent_withdrawn

        return consent_withdrawn(self)

    @path("")
    def case_study(self, request):
        from library.cases.trend import measured_trend

        if self.consent_withdrawn():
            raise Http404
        trend = measured_trend(self)
        library_url = self.get_parent().get_url(request) or ""
        return self.render(
            request,
            context_overrides={
                "trend": trend,
                "trend_groups": [
                    {"label": _("Before the change"), "months": trend.before},
                    {"label": _("After the change"), "months": trend.after},
                ]
                if trend
                else [],
                "country_url": f"{library_url}country/{self.country.lower()}/",
            },
        )

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from library.cases.pdf import case_study_pdf

        if self.consent_withdrawn():
            raise Http404
        if request.method not in ("GET", "HEAD"):
            return redirect(self.url)
        response = HttpResponse(case_study_pdf(self), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="case-study-{self.slug}.pdf"'
        return response
