"""Page types, snippets and site settings of the public site."""

import zoneinfo
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Prefetch
from django.forms import CheckboxSelectMultiple
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from awards_site.countries import COUNTRY_CHOICES, country_name
from awards_site.views import rate_limited
from cms import enquiries
from cms.admin_forms import PartnerForm, SponsorMemberForm
from cms.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from cms.choices import PartnerTier, PledgeKind
from nominations import phones
from nominations.choices import NominationStatus
from nominations.models import Category

AFRICAN_TIME_ZONES = sorted(z for z in zoneinfo.available_timezones() if z.startswith("Africa/"))


def public_form_rate_limited(request):
    """Count one use of a public form from this address; True once over the limit."""
    return is_ratelimited(
        request,
        group="public-forms",
        key="ip",
        rate=settings.PUBLIC_FORM_RATE,
        method="POST",
        increment=True,
    )


LEAD_PANELS = [*Page.content_panels, FieldPanel("intro")]


class BasePage(Page):
    """What every content page has: a lead paragraph that doubles as search description."""

    intro = models.TextField(_("introduction"), blank=True, max_length=400)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    menu_title = models.CharField(
        _("menu title"),
        max_length=40,
        blank=True,
        help_text=_("A short title for the main menu, when the page title is long."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("menu_title")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [*LEAD_PANELS, FieldPanel("body")]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.intro


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
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # An article not translated yet is an alias showing the English: its card says so
        # (lang), so the French page's text is French and screen readers read it in English.
        context["latest_news"] = (
            NewsArticlePage.objects.live()
            .public()
            .filter(locale=self.locale)
            .select_related("alias_of__locale")
            .order_by("-date")[:3]
        )
        return context


class StandardPage(BasePage):
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage", "cms.WinnersPage"]

    class Meta:
        verbose_name = _("standard page")


# A cycle's places on its winners page, in the order they are shown within a category.
PLACINGS = [NominationStatus.WINNER, NominationStatus.MERIT, NominationStatus.FINALIST]


class WinnersPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        cycle = cleaned_data.get("cycle")
        stories = self.formsets.get("stories")
        if cycle and stories is not None and stories.is_valid():
            for form in stories.forms:
                nomination = form.cleaned_data.get("nomination")
                deleted = form.cleaned_data.get("DELETE")
                if nomination and not deleted and nomination.cycle_id != cycle.pk:
                    form.add_error(
                        "nomination",
                        _(
                            "This entry belongs to another cycle. Choose an entry of "
                            "%(cycle)s, or change the page's cycle."
                        )
                        % {"cycle": cycle},
                    )
        return cleaned_data


class WinnersPage(BasePage):
    """A cycle's winners, merit awards and finalists by category, read from the nominations'
    statuses once results are published, with the stories editors write about them."""

    cycle = models.ForeignKey(
        "nominations.AwardCycle",
        verbose_name=_("award cycle"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    content_panels = [
        *LEAD_PANELS,
        FieldPanel("cycle"),
        InlinePanel(
            "stories",
            heading=_("Stories"),
            label=_("Story"),
            help_text=_("A short story about a winner, merit award or finalist of the cycle."),
        ),
        FieldPanel("body"),
    ]
    base_form_class = WinnersPageForm
    parent_page_types = ["cms.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("winners page")

    def results_published(self):
        return self.cycle.rounds.filter(results_published_at__isnull=False).exists()

    def placings(self):
        """[(category, [(heading, status, [(nomination, story)])])]: each category with placed
        entries, in order; in it the winners, merit awards and finalists, each entry with the
        editors' story (or ""). Three queries, however many entries and stories."""
        from nominations.models import Nomination

        stories = {story.nomination_id: story.story for story in self.stories.all()}
        rank = {status: position for position, status in enumerate(PLACINGS)}
        nominations = sorted(
            Nomination.objects.filter(
                cycle=self.cycle_id, status__in=PLACINGS, category__isnull=False
            ).select_related("category"),
            key=lambda n: (
                n.category.sort_order,
                n.category_id,
                rank[n.status],
                n.organisation_name.casefold(),
            ),
        )
        by_category = {}
        for nomination in nominations:
            groups = by_category.setdefault(nomination.category_id, (nomination.category, {}))[1]
            groups.setdefault(nomination.status, []).append(
                (nomination, stories.get(nomination.pk, ""))
            )
        headings = {
            NominationStatus.WINNER: (_("Winner"), _("Winners")),
            NominationStatus.MERIT: (_("Certificate of merit"), _("Certificates of merit")),
            NominationStatus.FINALIST: (_("Finalist"), _("Finalists")),
        }
        return [
            (
                category,
                [
                    (headings[status][len(entries) > 1], status, entries)
                    for status, entries in groups.items()
                ],
            )
            for category, groups in by_category.values()
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["results_published"] = self.results_published()
        context["placings"] = self.placings() if context["results_published"] else []
        return context


class WinnerStory(Orderable):
    page = ParentalKey(WinnersPage, on_delete=models.CASCADE, related_name="stories")
    nomination = models.ForeignKey(
        "nominations.Nomination",
        verbose_name=_("entry"),
        on_delete=models.CASCADE,
        related_name="+",
        # Entries that reached the shortlist; the page's cycle is checked on saving.
        limit_choices_to={
            "status__in": [NominationStatus.SHORTLISTED, *PLACINGS],
        },
    )
    story = RichTextField(_("story"), features=["bold", "italic", "link"])

    panels = [FieldPanel("nomination"), FieldPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = _("winner's story")
        verbose_name_plural = _("winners' stories")

    def __str__(self):
        return str(self.nomination)


class ProgramActionIndexPage(BasePage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ProgramActionPage"]

    class Meta:
        verbose_name = _("program actions index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["actions"] = ProgramActionPage.objects.child_of(self).live().public()
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


class SignaturePage(BasePage):
    """A page people sign with a form (the open letter, the pledge). Signatures belong to the
    page's translation key, so the English and French versions share one list."""

    signature_model_name = ""  # e.g. "OpenLetterSignature"
    form_class_path = ""  # dotted path of the form (forms.py imports this module)
    thanks_message = ""  # once the signature is confirmed
    check_email_message = _(
        "Thank you. Check your email: we have sent you a link to confirm your signature. "
        "It counts, and your name or organisation is shown, once you have confirmed it."
    )

    class Meta:
        abstract = True

    def signatures(self):
        """The confirmed signatures: only those count and are listed (cms/signatures.py)."""
        model = apps.get_model("cms", self.signature_model_name)
        return model.objects.confirmed().filter(page_key=self.translation_key)

    def serve(self, request, *args, **kwargs):
        form_class = import_string(self.form_class_path)
        form = form_class(page=self)
        if request.method == "POST":
            if public_form_rate_limited(request):
                return rate_limited(request)
            form = form_class(request.POST, page=self)
            if form.is_spam:
                # Answer a bot as if it succeeded, so it learns nothing, and store nothing.
                return redirect(self.url)
            if form.is_valid() and form.save(language=get_language()):
                # The same answer whether the address is new, waiting for its confirmation or
                # signed already: the mailbox is told which (cms/signatures.py).
                messages.success(request, self.check_email_message)
                return redirect(self.url)
        context = self.get_context(request, *args, **kwargs)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context)


class OpenLetterPage(SignaturePage):
    publication_date = models.DateField(_("publication date"))
    letter = RichTextField(_("letter"), features=RICH_TEXT_FEATURES)
    signature_intro = models.TextField(
        _("invitation to co-sign"), blank=True, help_text=_("Shown above the co-signing form.")
    )

    search_fields = [*BasePage.search_fields, index.SearchField("letter")]
    content_panels = [
        *LEAD_PANELS,
        FieldPanel("publication_date"),
        FieldPanel("letter"),
        FieldPanel("signature_intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    signature_model_name = "OpenLetterSignature"
    form_class_path = "cms.forms.OpenLetterSignatureForm"
    thanks_message = _("Thank you: your name has been added to the letter.")

    class Meta:
        verbose_name = _("open letter page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        signatures = self.signatures()
        context["signature_count"] = signatures.count()
        context["listed_organisations"] = (
            signatures.filter(list_publicly=True)
            .exclude(organisation="")
            .values_list("organisation", flat=True)
            .order_by("organisation")
            .distinct()
        )
        return context


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


class PledgePage(SignaturePage):
    pledge_text = RichTextField(_("the pledge"), features=RICH_TEXT_FEATURES)

    search_fields = [*BasePage.search_fields, index.SearchField("pledge_text")]
    content_panels = [*LEAD_PANELS, FieldPanel("pledge_text"), FieldPanel("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    signature_model_name = "PledgeSignature"
    form_class_path = "cms.forms.PledgeForm"
    thanks_message = _("Thank you for signing the pledge.")

    class Meta:
        verbose_name = _("pledge page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        signatures = self.signatures()
        by_kind = dict(signatures.values_list("kind").annotate(n=Count("id")).order_by())
        context["counts_by_kind"] = [
            (label, by_kind.get(kind, 0)) for kind, label in PledgeKind.choices
        ]
        context["signature_count"] = sum(by_kind.values())
        public = signatures.filter(show_publicly=True).order_by("-created_at")
        context["public_signatories"] = public[:50]
        context["counts_by_country"] = [
            (country_name(code), n)
            for code, n in signatures.values_list("country")
            .annotate(n=Count("id"))
            .order_by("-n", "country")
        ]
        return context


class SignatureQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)


class Signature(models.Model):
    """Someone who signed a page; `page_key` is the signed page's translation key. A signature
    counts once its email address is confirmed (`confirmed_at`): nobody signs in the name of a
    person or an organisation with an address they do not read (cms/signatures.py)."""

    page_key = models.UUIDField(db_index=True, editable=False)
    name = models.CharField(_("full name"), max_length=160)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES)
    email = models.EmailField(
        _("email address"),
        help_text=_("We use it only to make sure each person signs once. It is never shown."),
    )
    language = models.CharField(max_length=8, editable=False, default="en")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(
        _("confirmed"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the signer confirmed with the link emailed to them; empty: not yet."),
    )

    objects = SignatureQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


class OpenLetterSignature(Signature):
    list_publicly = models.BooleanField(
        _("Show my organisation's name in the public list of co-signers"), default=False
    )

    class Meta(Signature.Meta):
        verbose_name = _("open letter co-signature")
        verbose_name_plural = _("open letter co-signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["page_key", "email"], name="one_letter_signature_per_email"
            )
        ]


class PledgeSignature(Signature):
    kind = models.CharField(_("who is signing"), max_length=20, choices=PledgeKind.choices)
    show_publicly = models.BooleanField(
        _("Show this name among the people and organisations who signed"), default=False
    )

    class Meta(Signature.Meta):
        verbose_name = _("pledge signature")
        verbose_name_plural = _("pledge signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["page_key", "email"], name="one_pledge_signature_per_email"
            )
        ]


class Partner(models.Model):
    name = models.CharField(_("name"), max_length=160)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tier = models.CharField(_("tier"), max_length=20, choices=PartnerTier.choices)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES, blank=True)
    website = models.URLField(_("website"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    # A sponsor: what it supports decides the reports its users download (cms/reports/access.py).
    cycles = models.ManyToManyField(
        "nominations.AwardCycle",
        verbose_name=_("cycles supported"),
        blank=True,
        related_name="+",
        help_text=_("Its users download the reports of these cycles from the sponsor area."),
    )
    categories = models.ManyToManyField(
        "nominations.Category",
        verbose_name=_("categories supported"),
        blank=True,
        related_name="+",
        help_text=_(
            "Leave empty to support whole cycles. With categories of a cycle ticked, its users "
            "see only those categories' reports of that cycle."
        ),
    )

    base_form_class = PartnerForm
    panels = [
        FieldPanel("name"),
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("tier"), FieldPanel("country")]),
        FieldPanel("website"),
        FieldPanel("sort_order"),
        MultiFieldPanel(
            [
                # What a partner sponsors decides which reports its users download: for
                # administrators only (editors change names, logos, tiers; cms/editors.py).
                FieldPanel(
                    "cycles", widget=CheckboxSelectMultiple, permission="cms.manage_sponsorship"
                ),
                FieldPanel(
                    "categories",
                    widget=CheckboxSelectMultiple,
                    permission="cms.manage_sponsorship",
                ),
            ],
            heading=_("Sponsorship"),
            help_text=_(
                "The users of this partner (Sponsor users) download reports of what it supports."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["sort_order", "name"]
        permissions = [("manage_sponsorship", _("Can choose what a sponsor supports"))]

    def __str__(self):
        return self.name


class SponsorMember(models.Model):
    """A user of a sponsor organisation (a Partner): they download its reports at /sponsors/.
    A user belongs to one sponsor."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="sponsor_membership",
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("sponsor"), on_delete=models.CASCADE, related_name="members"
    )
    added_at = models.DateTimeField(_("added"), default=timezone.now, editable=False)

    base_form_class = SponsorMemberForm
    panels = [FieldPanel("email"), FieldPanel("partner"), FieldPanel("language")]

    class Meta:
        verbose_name = _("sponsor user")
        verbose_name_plural = _("sponsor users")
        ordering = ["partner__name", "user__email"]

    def __str__(self):
        return f"{self.user} ({self.partner})"


def partner_support(partners):
    """[(partner, [(cycle, [category, ...]), ...]), ...]: the cycles each partner supports,
    newest first, each with the categories it supports in it (none: the whole cycle). Only
    partners that support a cycle; reads the prefetched `cycles` and `categories`."""
    rows = []
    for partner in partners:
        cycles = sorted(partner.cycles.all(), key=lambda c: c.nominations_open_at, reverse=True)
        if not cycles:
            continue
        categories = sorted(partner.categories.all(), key=lambda c: (c.sort_order, c.name))
        rows.append(
            (
                partner,
                [(cycle, [c for c in categories if c.cycle_id == cycle.pk]) for cycle in cycles],
            )
        )
    return rows


class PartnersPage(BasePage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.EnquiryFormPage", "cms.StandardPage"]

    class Meta:
        verbose_name = _("partners page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = Partner.objects.select_related("logo").prefetch_related(
            "cycles", Prefetch("categories", Category.objects.select_related("cycle"))
        )
        tiers = []
        for tier, label in PartnerTier.choices:
            members = [p for p in partners if p.tier == tier]
            if members:
                tiers.append((label, members))
        context["tiers"] = tiers
        context["support"] = partner_support(partners)
        context["enquiry_page"] = EnquiryFormPage.objects.child_of(self).live().public().first()
        return context


class EnquiryFormField(AbstractFormField):
    page = ParentalKey("EnquiryFormPage", on_delete=models.CASCADE, related_name="form_fields")
    # Wagtail's field types and "Phone number" (cms/enquiries.py).
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
        from cms.enquiry_admin import EnquirySubmissionsView  # admin views: not at import time

        return EnquirySubmissionsView

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            if public_form_rate_limited(request):
                return rate_limited(request)
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if form.is_spam:
                return self.render_landing_page(request, None, *args, **kwargs)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        # The honeypot is not part of the enquiry: keep it out of the stored data and the email.
        form.cleaned_data.pop(form.honeypot_field_name, None)
        del form.fields[form.honeypot_field_name]
        return super().process_form_submission(form)


class NewsIndexPage(BasePage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsArticlePage"]
    page_size = 10

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (
            NewsArticlePage.objects.child_of(self)
            .live()
            .public()
            .select_related("alias_of__locale")  # an alias's card says its language (lang)
            .order_by("-date", "-pk")
        )
        context["articles"] = Paginator(articles, self.page_size).get_page(request.GET.get("page"))
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

    def social_links(self):
        links = [
            ("LinkedIn", self.linkedin_url),
            ("X", self.x_url),
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]
