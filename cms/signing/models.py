"""The open letter and the pledge: their pages (a SignaturePage serves its own form) and the
signatures, stored against the page's translation key so both languages share one list."""

from django.apps import apps
from django.contrib import messages
from django.db import models
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from awards_site.reach.conversions import CONVERSIONS, record_conversion
from awards_site.views import rate_limited
from awards_site.vocabularies.countries import COUNTRY_CHOICES, country_name
from cms.blocks import RICH_TEXT_FEATURES
from cms.choices import PledgeKind
from cms.page_base import (
    LEAD_PANELS,
    BasePage,
    mailbox_rate_limited,
    public_form_rate_limited,
)


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
        """The confirmed signatures: only those count and are listed
        (cms/signing/confirmation.py)."""
        model = apps.get_model("cms", self.signature_model_name)
        return model.objects.confirmed().filter(page_key=self.translation_key)

    def serve(self, request, *args, **kwargs):
        """The page with an empty form. The form posts to `sign` (cms/signing/views.py): the
        page carries no CSRF token, so it is shared between visitors like any other."""
        return self.render_with_form(request, import_string(self.form_class_path)(page=self))

    def render_with_form(self, request, form):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context)

    def sign(self, request):
        """A visitor's POST of the form: an unconfirmed signature and its email, then back to
        the page with a message; or the page again with the errors and what was typed."""
        if public_form_rate_limited(request):
            return rate_limited(request)
        form = import_string(self.form_class_path)(request.POST, page=self)
        if form.is_spam:
            # Answer a bot as if it succeeded, so it learns nothing, and store nothing.
            return redirect(self.url)
        if form.is_valid():
            # The same answer whether the address is new, waiting for its confirmation or
            # signed already: the mailbox is told which (cms/signing/confirmation.py). Past
            # the few emails an hour one address may get, nothing is stored or sent.
            if not mailbox_rate_limited(request, form.cleaned_data["email"]):
                form.save(language=get_language())
            record_conversion(request, CONVERSIONS.SIGNED)
            messages.success(request, self.check_email_message)
            return redirect(self.url)
        return self.render_with_form(request, form)


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
        # Both read only when the template's kept fragment is missing (awards_site/caching/):
        # a callable for the count (a template calls it), the organisations a lazy queryset.
        context["signature_count"] = signatures.count
        context["listed_organisations"] = (
            signatures.filter(list_publicly=True)
            .exclude(organisation="")
            .values_list("organisation", flat=True)
            .order_by("organisation")
            .distinct()
        )
        return context


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
    person or an organisation with an address they do not read (cms/signing/confirmation.py)."""

    page_key = models.UUIDField(db_index=True, editable=False)
    name = models.CharField(_("full name"), max_length=160)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES)
    email = models.EmailField(
        _("email address"),
        help_text=_("We use it only to make sure each person signs once. It is never shown."),
    )
    language = models.CharField(max_length=8, editable=False, default="en")
    wants_news = models.BooleanField(
        _(
            "Also send me the program’s news by email (about once a month; I can unsubscribe "
            "with one click)"
        ),
        default=False,
    )
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
