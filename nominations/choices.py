from django.db import models
from django.utils.translation import gettext_lazy as _


class NominationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ELIGIBLE = "eligible", _("Eligible")
    INELIGIBLE = "ineligible", _("Not eligible")
    # Outcomes of judging, set when a round's results are published (judging/decisions.py).
    SHORTLISTED = "shortlisted", _("Shortlisted")
    FINALIST = "finalist", _("Finalist")
    MERIT = "merit", _("Certificate of merit")
    WINNER = "winner", _("Winner")


class OrganisationKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry or government department")
    AGENCY = "agency", _("Public agency")
    MUNICIPALITY = "municipality", _("Municipality or local government")
    STATE_OWNED = "soe", _("State-owned enterprise")
    OTHER = "other", _("Other public body")


class Relation(models.TextChoices):
    SELF = "self", _("I work for this organisation and nominate it")
    THIRD_PARTY = "third_party", _("I nominate an organisation I do not work for")


class TimeUnit(models.TextChoices):
    HOURS = "hours", _("hours")
    DAYS = "days", _("days")


class ConsentPurpose(models.TextChoices):
    # The only consent the product asks for: the declaration of the nomination wizard (sign-up
    # asks for an email and a password only, and there is no newsletter). A new purpose is a new
    # value here and a place that records it (privacy.record_consent).
    NOMINATION_DECLARATION = "nomination_declaration", _("Nomination declaration")


class DeletionRequestStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    COMPLETED = "completed", _("Completed")
    REFUSED = "refused", _("Refused")
