from django.db import models
from django.utils.translation import gettext_lazy as _

# The statuses are a vocabulary with behaviour of their own, declared in statuses.py; named here
# too because most of the code reads its vocabularies from this module.
from nominations.statuses import (
    CHANGEABLE_STATUSES as CHANGEABLE_STATUSES,
)
from nominations.statuses import (
    SENT_CHANGEABLE_STATUSES as SENT_CHANGEABLE_STATUSES,
)
from nominations.statuses import (
    NominationStatus as NominationStatus,
)


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
