"""One nomination per organisation and category, when the cycle says so
(`AwardCycle.one_nomination_per_organisation`).

- An organisation is its name and country: names compare without case, accents, punctuation or
  extra spaces ("Ministère de la Fonction publique" and "MINISTERE DE LA FONCTION PUBLIQUE"
  are one organisation), so retyping a name differently does not make a second place.
- A sent nomination holds its organisation's place in its category: every status but draft
  and withdrawn (an ineligible one too, since the awards team may reopen it). Drafts hold
  nothing: many people may prepare one; the first to send takes the place.
- The step forms say so as soon as the place is taken (`problem`), with what to do next; the
  rule is decided where a nomination is sent or a sent one changes its organisation or
  category (`claim`), under the row lock of the category, so two nominations sent at the same
  moment are checked one after the other and only one gets the place.
"""

import re
import unicodedata

from django.utils.translation import gettext as _

from nominations.choices import NominationStatus
from nominations.models import Category, Nomination

# Statuses that do not hold an organisation's place.
NOT_HOLDING = (NominationStatus.DRAFT, NominationStatus.WITHDRAWN)


class AlreadyNominated(Exception):
    """The organisation's place in the category is taken; `message` says what to do next."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def organisation_key(name):
    """The name as compared: no accents, case, punctuation or repeated spaces."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def holder(cycle, category_id, organisation_name, country, exclude=None):
    """The sent nomination holding this organisation's place in the category, or None (also
    when the cycle has no such rule, or the answers do not name both yet)."""
    key = organisation_key(organisation_name)
    if not (cycle.one_nomination_per_organisation and category_id and key):
        return None
    candidates = (
        Nomination.objects.filter(cycle=cycle, category=category_id, country=country or "")
        .exclude(status__in=NOT_HOLDING)
        .exclude(pk=exclude)
        .select_related("category")
        .order_by("submitted_at", "pk")
    )
    return next(
        (other for other in candidates if organisation_key(other.organisation_name) == key), None
    )


def problem(nomination, category_id=None, organisation_name=None, country=None):
    """The message when the nomination (with the answers given instead of its saved ones)
    would be a second one of its organisation in its category, else None."""
    category_id = category_id if category_id is not None else nomination.category_id
    name = organisation_name if organisation_name is not None else nomination.organisation_name
    country = country if country is not None else nomination.country
    other = holder(nomination.cycle, category_id, name, country, exclude=nomination.pk)
    if other is None:
        return None
    category = other.category.name if other.category else ""
    if other.nominator_id == nomination.nominator_id:
        return _(
            "You already sent a nomination of %(organisation)s in “%(category)s” "
            "(%(reference)s), and an organisation can be nominated once per category. Change "
            "that nomination instead, or choose another category."
        ) % {"organisation": name.strip(), "category": category, "reference": other.reference}
    return _(
        "%(organisation)s has already been nominated in “%(category)s” this cycle, and an "
        "organisation can be nominated once per category. Choose another category, or write "
        "to the awards team if you think this is a mistake."
    ) % {"organisation": name.strip(), "category": category}


def claim(nomination):
    """Within the transaction that sends the nomination (or saves a sent one's organisation or
    category): lock its category's row, then refuse with AlreadyNominated when another sent
    nomination holds the place. The lock makes nominations sent at the same moment wait for
    each other, so the second one sees the first."""
    if not (nomination.cycle.one_nomination_per_organisation and nomination.category_id):
        return
    Category.objects.select_for_update().filter(pk=nomination.category_id).values("pk").first()
    message = problem(nomination)
    if message:
        raise AlreadyNominated(message)
