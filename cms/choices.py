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
