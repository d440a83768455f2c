"""The program's news by email: who asked for it (Subscriber, with the consent they gave), the
campaign emails editors write as pages, and which subscriber each campaign was sent to
(CampaignDelivery: one row per page and subscriber, so a second send mails no one twice)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from awards_site.vocabularies.countries import COUNTRY_CHOICES
from cms.choices import Audience, SubscriptionSource, SubscriptionStatus
from cms.page_base import LEAD_PANELS, BasePage


class SubscriberQuerySet(models.QuerySet):
    def consenting(self):
        """Whoever confirmed their subscription and has not left: the only people mailed or
        exported."""
        return self.filter(status=SubscriptionStatus.CONFIRMED)


class Subscriber(models.Model):
    """An address that asked for the program's news, in one language and optionally about one
    country. It receives campaigns only once confirmed (double opt-in), and keeps the wording
    it agreed to and when (cms/campaigns/subscribing.py)."""

    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        choices=COUNTRY_CHOICES,
        help_text=_("Leave empty for news about every country."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubscriptionStatus.choices,
        default=SubscriptionStatus.PENDING,
    )
    source = models.CharField(
        _("subscribed through"),
        max_length=20,
        choices=SubscriptionSource.choices,
        default=SubscriptionSource.FORM,
    )
    consent_wording = models.TextField(_("consent given"))
    consented_at = models.DateTimeField(_("consent given at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("news subscriber")
        verbose_name_plural = _("news subscribers")
        ordering = ["-consented_at"]
        indexes = [models.Index(fields=["status", "language"], name="subscriber_segment")]

    def __str__(self):
        return self.email


class CampaignEmailPage(BasePage):
    """An email to the news subscribers, written with the same blocks as every page. Its page
    is the email's web version; it is sent from the admin (Send to subscribers) to the confirmed
    subscribers of its language, narrowed by audience and country (cms/campaigns/sending.py)."""

    subject = models.CharField(
        _("email subject"),
        max_length=150,
        help_text=_("The subject line people see in their inbox. Keep it under 60 characters."),
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        choices=COUNTRY_CHOICES,
        help_text=_(
            "Send only to subscribers who chose this country. Leave empty to send to everyone "
            "in the audience."
        ),
    )

    content_panels = [
        *LEAD_PANELS,
        FieldPanel("subject"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("country")],
            heading=_("Who receives it"),
            help_text=_(
                "It goes to the confirmed subscribers of the page's language. Publish the page, "
                "then choose “Send to subscribers” in its menu."
            ),
        ),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []
    template = "cms/campaigns/campaign_email_page.html"

    class Meta:
        verbose_name = _("campaign email")


class CampaignSend(models.Model):
    """One press of "Send": who sent which campaign, when, to how many."""

    page = models.ForeignKey(CampaignEmailPage, on_delete=models.CASCADE, related_name="sends")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    planned = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.page_id} @ {self.started_at:%Y-%m-%d %H:%M}"


class CampaignDelivery(models.Model):
    """A campaign claimed for one subscriber (before it is sent, so two sends never both mail
    them), and when it left."""

    page = models.ForeignKey(CampaignEmailPage, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    send = models.ForeignKey(CampaignSend, on_delete=models.CASCADE, related_name="deliveries")
    claimed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "subscriber"], name="one_campaign_delivery_per_subscriber"
            )
        ]

    def __str__(self):
        return f"{self.page_id} → {self.subscriber_id}"
