"""Measured results for the awards: an agency's figures for a period, frozen into a nomination
(nominations/wizard/measured.py asks through the `measured_results_sources` hook, registered in
feedback/wagtail_hooks.py). Only the agencies the user is staff of (AgencyMembership) can be
chosen; the figures come from the daily roll-ups (results.py), as the public pages compute them.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from feedback.models import Agency
from feedback.results import Period, agency_measures

METHOD = _(
    "Answers of citizens to the platform's questions, counted per day. Shares satisfied and "
    "resolved with Wilson 95 per cent intervals; CES (1-7) mean with Student's t interval; NPS "
    "with a normal-approximation interval. A figure only from 10 answers."
)
PREFIX = "agency:"


def own_agencies(user):
    """The agencies the user is staff of, by name."""
    if not user.is_authenticated:
        return Agency.objects.none()
    return Agency.objects.filter(memberships__user=user).order_by("name", "pk")


def _figure(figure, digits):
    if figure is None:
        return None
    return {
        "value": round(figure.value, digits),
        "low": round(figure.low, digits),
        "high": round(figure.high, digits),
        "n": figure.n,
    }


def snapshot_of(agency, period, key=""):
    """The frozen figures of the agency for the period (a JSON-ready dict)."""
    measures = agency_measures(agency, Period(first=period.first, last=period.last))
    return {
        "source_name": agency.name,
        "source_slug": agency.slug,
        "country": agency.country,
        "period_key": key,
        "first": period.first.isoformat(),
        "last": period.last.isoformat(),
        "answers": measures.n,
        "measures": {
            "satisfied": _figure(measures.satisfied, 1),
            "effort": _figure(measures.effort, 2),
            "resolved": _figure(measures.resolved, 1),
            "nps": _figure(measures.nps, 1),
        },
        "method": str(METHOD),
        "taken_at": timezone.now().isoformat(),
    }


class AgencySource:
    """The source nominations/wizard/measured.py asks: the user's own agencies."""

    def choices(self, user):
        return [(f"{PREFIX}{agency.slug}", agency.name) for agency in own_agencies(user)]

    def snapshot(self, user, value, period):
        from nominations.wizard.measured import NotYours

        slug = value.removeprefix(PREFIX)
        agency = own_agencies(user).filter(slug=slug).first()
        if agency is None or not value.startswith(PREFIX):
            raise NotYours(value)
        return snapshot_of(agency, period, key=period.key)


SOURCE = AgencySource()


# The demo ---------------------------------------------------------------------------------------
DEMO_NOMINATOR = "nominator@demo.test"
DEMO_AGENCY = "ke-huduma"


def load_demo():
    """The demo nominator is staff of Huduma Kenya, and their first sent nomination of the
    current cycle carries Huduma's measured results for the last 12 months (and so does the
    version judges read). Called after the platform's own demo (feedback/wagtail_hooks.py,
    order 10), so the answers exist; running it again changes nothing."""
    from django.contrib.auth import get_user_model

    from feedback.models import AgencyMembership
    from nominations.models import AwardCycle, Nomination
    from nominations.wizard.measured import LAST_12, period

    user = get_user_model().objects.filter(email=DEMO_NOMINATOR).first()
    agency = Agency.objects.filter(slug=DEMO_AGENCY).first()
    cycle = AwardCycle.objects.current()
    if user is None or agency is None or cycle is None:
        return
    AgencyMembership.objects.get_or_create(agency=agency, user=user)
    own = Nomination.objects.for_nominator(user).filter(cycle=cycle)
    if own.exclude(measured_results=None).exists():
        return
    nomination = own.submitted().order_by("pk").first()
    if nomination is None:
        return
    snapshot = snapshot_of(agency, period(LAST_12, cycle), key=LAST_12)
    Nomination.objects.filter(pk=nomination.pk).update(measured_results=snapshot)
    for version in nomination.versions.all():
        version.answers["measured_results"] = snapshot
        version.save(update_fields=["answers"])
