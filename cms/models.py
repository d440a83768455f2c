"""The models Django loads for the cms app: the page types of the public site and its settings;
the shared page base (page_base.py), the open letter and pledge (signing/), the winners page
(winners/) and the partners (sponsors/) are imported here."""

import zoneinfo
from datetime import datetime

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from awards_site.caching.memo import until_content_changes
from awards_site.reach.conversions import CONVERSIONS, record_conversion
from awards_site.views import rate_limited
from awards_site.vocabularies.countries import COUNTRY_CHOICES, country_name
from cms.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from cms.campaigns.models import (  # noqa: F401  (Django loads the app's models from here)
    CampaignDelivery,
    CampaignEmailPage,
    CampaignSend,
    Subscriber,
)
from cms.choices import PartnerTier
from cms.enquiries import fields as enquiries
from cms.page_base import (  # noqa: F401  (Django loads the app's models from here)
    LEAD_PANELS,
    BasePage,
    public,
    public_form_rate_limited,
    social_image_field,
)
from cms.signing.models import (  # noqa: F401  (Django loads the app's models from here)
    OpenLetterPage,
    OpenLetterSignature,
    PledgePage,
    PledgeSignature,
    Signature,
    SignaturePage,
    SignatureQuerySet,
)
from cms.sponsors.models import (  # noqa: F401  (Django loads the app's models from here)
    Partner,
    SponsorMember,
    partner_support,
)
from cms.translations.models import (  # noqa: F401  (Django loads the app's models from here)
    ReviewedTranslation,
)
from cms.winners.models import (  # noqa: F401  (Django loads the app's models from here)
    PLACINGS,
    WinnersPage,
    WinnersPageForm,
    WinnerStory,
)
from nominations import phones
from nominations.models import Category

AFRICAN_TIME_ZONES = sorted(z for z in zoneinfo.available_timezones() if z.startswith("Africa/"))


class HomePage(BasePage):
    hero_title = models.CharField(_("headline"), max_length=160)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.StandardPage",
        "cms.ProgramActionIndexPage",
        "cms.OpenLetterPage",
        "cms.CXDayPage",
        "cms.PledgePage",
        "cms.PartnersPage",
        "cms.NewsIndexPage",
        "cms.EnquiryFormPage",
        # The best-practice library (library/cases/models.py; cms may name library, not vice versa).
        "library.CaseStudyIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # An article not translated yet is an alias showing the English: its card says so
        # (lang), so the French page's text is French and screen readers read it in English.
        context["latest_news"] = (
            public(NewsArticlePage.objects.live())
            .filter(locale_id=self.locale_id)
            .select_related("alias_of__locale")
            .order_by("-date")[:3]
        )
        return context


class StandardPage(BasePage):
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage", "cms.WinnersPage"]

    class Meta:
        verbose_name = _("standard page")


class ProgramActionIndexPage(BasePage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ProgramActionPage"]

    class Meta:
        verbose_name = _("program actions index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["actions"] = public(ProgramActionPage.objects.child_of(self).live())
        return context


class ProgramActionPage(BasePage):
    summary = models.CharField(
        _("summary"), max_length=200, help_text=_("One or two sentences shown on the card.")
    )

    search_fields = [*BasePage.search_fields, index.SearchField("summary")]
    content_panels = [*LEAD_PANELS, FieldPanel("summary"), FieldPanel("body")]
    parent_page_types = ["cms.ProgramActionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("program action")


class CXDayPage(RoutablePageMixin, BasePage):
    event_date = models.DateField(_("date"))
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=[(zone, zone) for zone in AFRICAN_TIME_ZONES],
        default="Africa/Lagos",
    )

    content_panels = [
        *LEAD_PANELS,
        MultiFieldPanel(
            [
                FieldPanel("event_date"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        FieldPanel("body"),
        InlinePanel("activities", heading=_("Activities by country"), label=_("Activity")),
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Public Sector CX Day page")

    @property
    def starts(self):
        zone = zoneinfo.ZoneInfo(self.time_zone)
        return datetime.combine(self.event_date, self.start_time, tzinfo=zone)

    @property
    def ends(self):
        zone = zoneinfo.ZoneInfo(self.time_zone)
        return datetime.combine(self.event_date, self.end_time, tzinfo=zone)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        activities = list(self.activities.all())
        for activity in activities:
            activity.country_name = country_name(activity.country)
        context["activities"] = sorted(activities, key=lambda a: (str(a.country_name), a.city))
        return context

    @path("calendar/", name="calendar")
    def calendar(self, request):
        from cms.calendar import cx_day_calendar

        response = HttpResponse(cx_day_calendar(self, request), content_type="text/calendar")
        response["Content-Disposition"] = 'attachment; filename="public-sector-cx-day.ics"'
        return response


class CXDayActivity(Orderable):
    page = ParentalKey(CXDayPage, on_delete=models.CASCADE, related_name="activities")
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES)
    city = models.CharField(_("city or region"), max_length=120)
    title = models.CharField(_("activity"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    organiser = models.CharField(_("organised by"), max_length=160, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("organiser"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("CX Day activity")


class PartnersPage(BasePage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.EnquiryFormPage", "cms.StandardPage"]

    class Meta:
        verbose_name = _("partners page")

    def get_context(self, request, *args, **kwargs):
        # Read only when the template's kept fragment is missing (cms/templates/cms/
        # partners_page.html, awards_site/caching/fragments.py).
        context = super().get_context(request, *args, **kwargs)
        partners = SimpleLazyObject(self.partners)
        context["tiers"] = SimpleLazyObject(lambda: partners_by_tier(partners))
        context["support"] = SimpleLazyObject(lambda: partner_support(partners))
        context["enquiry_page"] = SimpleLazyObject(
            lambda: public(EnquiryFormPage.objects.child_of(self).live()).first()
        )
        return context

    def partners(self):
        return list(
            Partner.objects.select_related("logo").prefetch_related(
                "logo__renditions",
                "cycles",
                Prefetch("categories", Category.objects.select_related("cycle")),
            )
        )


def partners_by_tier(partners):
    """[(tier's label, [partner, ...]), ...] in the tiers' order, tiers without partners left
    out."""
    tiers = []
    for tier, label in PartnerTier.choices:
        members = [p for p in partners if p.tier == tier]
        if members:
            tiers.append((label, members))
    return tiers


class EnquiryFormField(AbstractFormField):
    page = ParentalKey("EnquiryFormPage", on_delete=models.CASCADE, related_name="form_fields")
    # Wagtail's field types and "Phone number" (cms/enquiries/fields.py).
    field_type = models.CharField(
        verbose_name=_("field type"), max_length=16, choices=enquiries.FIELD_TYPES
    )
    field_type.required_on_save = True


class EnquiryFormPage(AbstractEmailForm):
    """The sponsorship and partnership enquiry form, built with Wagtail's form builder (with a
    phone number field type), its submissions downloaded through the site's writer."""

    form_builder = enquiries.EnquiryFormBuilder

    intro = models.TextField(_("introduction"), blank=True, max_length=400)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("above the form"))
    thank_you_text = RichTextField(_("thank-you message"), blank=True, features=RICH_TEXT_FEATURES)
    social_image = social_image_field()

    promote_panels = [*AbstractEmailForm.promote_panels, FieldPanel("social_image")]

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email to the team"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.PartnersPage", "cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("enquiry form page")

    def get_form_class(self):
        from awards_site.forms import HoneypotMixin

        form_class = super().get_form_class()
        return type("EnquiryForm", (HoneypotMixin, form_class), {})

    def get_submissions_list_view_class(self):
        from cms.enquiries.admin_views import (
            EnquirySubmissionsView,  # admin views: not at import time
        )

        return EnquirySubmissionsView

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            if public_form_rate_limited(request):
                return rate_limited(request)
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if form.is_spam:
                return self.render_landing_page(request, None, *args, **kwargs)
        return super().serve(request, *args, **kwargs)

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        if form_submission is not None:  # an enquiry stored, not a bot's answered in kind
            record_conversion(request, CONVERSIONS.ENQUIRY_SENT)
        return super().render_landing_page(request, form_submission, *args, **kwargs)

    def process_form_submission(self, form):
        # The honeypot is not part of the enquiry: keep it out of the stored data and the email.
        form.cleaned_data.pop(form.honeypot_field_name, None)
        del form.fields[form.honeypot_field_name]
        return super().process_form_submission(form)


class NewsIndexPage(BasePage):
    parent_page_types = ["cms.HomePage"]
    # Campaign emails live here too: each page is its email's web version (cms/campaigns/).
    subpage_types = ["cms.NewsArticlePage", "cms.CampaignEmailPage"]
    page_size = 10

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (
            public(NewsArticlePage.objects.child_of(self).live())
            .select_related("alias_of__locale")  # an alias's card says its language (lang)
            .order_by("-date", "-pk")
        )
        number = request.GET.get("page")
        # Read only when the template's kept fragment for this page number is missing.
        context["articles"] = SimpleLazyObject(
            lambda: Paginator(articles, self.page_size).get_page(number)
        )
        return context


class NewsArticlePage(BasePage):
    date = models.DateField(_("date"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(_("image alternative text"), max_length=250, blank=True)

    search_fields = [*BasePage.search_fields, index.FilterField("date")]
    content_panels = [
        *LEAD_PANELS,
        FieldPanel("date"),
        FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")]),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(
        _("contact phone"),
        max_length=40,
        blank=True,
        validators=[phones.validate_number],
        help_text=_("With the country code, for example +237 651 781 862."),
    )
    hashtag = models.CharField(_("hashtag"), max_length=60, blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("hashtag")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("linkedin_url"),
                FieldPanel("x_url"),
                FieldPanel("facebook_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social media"),
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading=_("Footer links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_site(cls, site):
        """Every page reads the settings: kept until public content changes (they are public
        content: saving them moves the generation on)."""
        if site is None:
            return super().for_site(site)

        def look_up():
            return super(SiteSettings, cls).for_site(site)

        return until_content_changes(("site settings", site.pk), look_up)

    def social_links(self):
        links = [
            ("LinkedIn", self.linkedin_url),
            ("X", self.x_url),
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]
