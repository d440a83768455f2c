"""Places a visitor may search for that are not Wagtail pages: the nomination form
(/nominate/, nominations' own view). Each is found by the words of its group in
awards_site/search/query.py's SYNONYMS, in either language."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from awards_site.search.query import SYNONYMS


@dataclass
class Destination:
    title: str
    url: str
    kind: str
    snippet: str
    date: object = None


def nomination_form():
    from nominations.cycles.models import CycleState
    from nominations.models import AwardCycle

    cycle = AwardCycle.objects.current()
    state = cycle.state() if cycle else None
    if state == CycleState.OPEN:
        text = _("Nominations for the %(name)s are open until %(date)s.") % {
            "name": cycle.name,
            "date": date_format(cycle.nominations_close_at, "DATE_FORMAT"),
        }
    elif state == CycleState.NOT_OPEN_YET:
        text = _("Nominations for the %(name)s open on %(date)s.") % {
            "name": cycle.name,
            "date": date_format(cycle.nominations_open_at, "DATE_FORMAT"),
        }
    else:
        text = _("What a nomination asks for, and when the next call opens.")
    return Destination(
        title=_("Nominate a public office"),
        url=reverse("nominations:start"),
        kind=_("Nomination form"),
        snippet=text,
    )


NOMINATION_WORDS = SYNONYMS[0]
DESTINATIONS = [(NOMINATION_WORDS, nomination_form)]


def destinations_for(parsed):
    """The places `parsed` (a ParsedQuery) asks for."""
    if not parsed:
        return []
    found = []
    for group, build in DESTINATIONS:
        if parsed.highlight & group:
            found.append(build())
    return found
