from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerTier(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    STRATEGIC = "strategic", _("Strategic partner")
    GOLD = "gold", _("Gold sponsor")
    SILVER = "silver", _("Silver sponsor")
    SUPPORTER = "supporter", _("Supporter")
    MEDIA = "media", _("Media partner")


class PledgeKind(models.TextChoices):
    INDIVIDUAL = "individual", _("An individual")
    COMPANY = "company", _("A company or organisation")
    PUBLIC_SECTOR = "public", _("A public-sector organisation")


class SubscriptionStatus(models.TextChoices):
    """Where a subscription to the program's news stands (cms/campaigns/subscribing.py)."""

    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Subscribed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


class SubscriptionSource(models.TextChoices):
    """Where someone asked for the news."""

    FORM = "form", _("The subscription form")
    PLEDGE = "pledge", _("Signing the pledge")
    LETTER = "letter", _("Co-signing the open letter")


class Audience(models.TextChoices):
    """Whom a campaign email goes to, among the confirmed subscribers of its language
    (cms/campaigns/segments.py)."""

    EVERYONE = "everyone", _("Everyone subscribed")
    NOMINATORS = "nominators", _("Subscribers who have nominated")
    SIGNATORIES = "signatories", _("Subscribers who signed the pledge or the open letter")
    OTHERS = "others", _("Subscribers who have neither nominated nor signed")
