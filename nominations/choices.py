from django.db import models
from django.utils.translation import gettext_lazy as _


class NominationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ELIGIBLE = "eligible", _("Eligible")
    INELIGIBLE = "ineligible", _("Not eligible")
    # Outcomes of judging, set when a round's results are published (judging/results/decisions.py).
    SHORTLISTED = "shortlisted", _("Shortlisted")
    FINALIST = "finalist", _("Finalist")
    MERIT = "merit", _("Certificate of merit")
    WINNER = "winner", _("Winner")
    # An eligible entry that got no outcome when its round's results were published.
    NOT_PLACED = "not_placed", _("Not placed")


# Statuses in which the nominator may still change the nomination (until the cut-off,
# Nomination.changes_close_at): "Eligible" does not lock an entry.
CHANGEABLE_STATUSES = (
    NominationStatus.DRAFT,
    NominationStatus.SUBMITTED,
    NominationStatus.ELIGIBLE,
)
# Sent and being read: what a nominator may change and "Send changes".
SENT_CHANGEABLE_STATUSES = (NominationStatus.SUBMITTED, NominationStatus.ELIGIBLE)


class ChangesUntil(models.TextChoices):
    """Until when a sent nomination may be changed (AwardCycle.changes_until)."""

    DEADLINE = "deadline", _("The nomination deadline")
    JUDGING = "judging", _("The day judging starts")


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
    # value here and a place that records it (privacy/consents.py, record_consent).
    NOMINATION_DECLARATION = "nomination_declaration", _("Nomination declaration")


class DeletionRequestStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    COMPLETED = "completed", _("Completed")
    REFUSED = "refused", _("Refused")
