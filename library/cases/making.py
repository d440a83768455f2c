"""From an entry to a draft case study, in one action (issue 17).

The entry's answers fill the page's fields, and nothing personal is copied: the contact person's
details and the nominator are never read into the page, and the answers themselves are scrubbed
of email addresses, phone numbers and ID-like numbers (feedback/scrubbing.py) and of the names
of the contact person and the nominator (`scrub_people`). The draft goes under the case study
library of the entry's language, or the default language's when that has none; the editor
rewrites it and publishes it through the normal Wagtail workflow."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.log_actions import log
from wagtail.models import Locale

from feedback.models import Agency
from feedback.scrubbing import REMOVED, scrub
from library.cases.models import CaseStudyIndexPage, CaseStudyPage
from library.cases.rules import refusal
from library.cases.vocabularies import THEMES

SUMMARY_LENGTH = 400
# Parts of a name shorter than this are left (initials, "de", "Al").
SHORTEST_NAME_PART = 3


class CaseStudyRefused(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Made:
    page: CaseStudyPage
    created: bool  # False: the entry's case study existed already


@dataclass(frozen=True)
class People:
    """The names the answers may mention and the page must not: the contact person's and the
    nominator's. A whole name goes whatever its case; a part of one (a first or last name) goes
    where it is written with its capital, so "Contact" the surname goes and "first contact"
    stays."""

    whole: tuple
    parts: tuple


def people_of(nomination):
    user = nomination.nominator
    names = [nomination.contact_name, user.get_full_name(), user.first_name, user.last_name]
    names = {name.strip() for name in names if name and name.strip()}
    parts = {
        part
        for name in names
        for part in name.split()
        if len(part) >= SHORTEST_NAME_PART and part[0].isupper()
    }
    # Longest first, so a full name goes whole.
    return People(
        whole=tuple(sorted(names, key=len, reverse=True)),
        parts=tuple(sorted(parts - names, key=len, reverse=True)),
    )


def _words(name):
    return rf"(?<!\w){re.escape(name)}(?!\w)"


def scrub_people(text, people):
    """`text` without email addresses, phone numbers, long numbers and these people's names."""
    text = scrub(text)
    for name in people.whole:
        text = re.sub(_words(name), REMOVED, text, flags=re.IGNORECASE)
    for part in people.parts:
        text = re.sub(_words(part), REMOVED, text)
    return text


def _paragraphs(*parts):
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def _figures(nomination):
    """The entry's before-and-after figures, as sentences of the case study."""
    lines = []
    if nomination.nps_before is not None and nomination.nps_after is not None:
        lines.append(
            _("Net Promoter Score: %(before)s before, %(after)s after.")
            % {"before": nomination.nps_before, "after": nomination.nps_after}
        )
    if nomination.turnaround_before is not None and nomination.turnaround_after is not None:
        lines.append(
            _("Turnaround time: %(before)s %(unit)s before, %(after)s %(unit)s after.")
            % {
                "before": nomination.turnaround_before,
                "after": nomination.turnaround_after,
                "unit": nomination.get_turnaround_unit_display(),
            }
        )
    if nomination.satisfaction is not None:
        lines.append(_("Satisfaction: %(value)s%%.") % {"value": nomination.satisfaction})
    if nomination.first_contact_resolution is not None:
        lines.append(
            _("First-contact resolution: %(value)s%%.")
            % {"value": nomination.first_contact_resolution}
        )
    if lines and (nomination.baseline_period or nomination.latest_period):
        lines.append(
            _("Measured in %(before)s and %(after)s.")
            % {
                "before": nomination.baseline_period or "–",
                "after": nomination.latest_period or "–",
            }
        )
    return "\n".join(lines)


def _theme(nomination):
    """The CX theme named like the entry's category, or frontline service."""
    category = nomination.category
    if category is not None:
        for term in THEMES:
            with override("en"):
                if str(term.label).lower() == (category.name_en or "").lower():
                    return term.value
    return "frontline"


def library_for(nomination):
    """The case study library of the entry's language, or the default language's."""
    for code in (nomination.language, settings.LANGUAGE_CODE):
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        index = CaseStudyIndexPage.objects.filter(locale=locale).order_by("path").first()
        if index is not None:
            return index
    raise CaseStudyRefused(
        _("There is no case study library to put it in: add a case study library page first.")
    )


def _unique_slug(parent, title):
    base = slugify(title)[:70] or "case-study"
    slug, number = base, 2
    taken = set(parent.get_children().values_list("slug", flat=True))
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def draft_fields(nomination):
    """The page's fields from the entry, nothing personal."""
    names = people_of(nomination)

    def clean(*parts):
        return scrub_people(_paragraphs(*parts), names)

    summary = clean(nomination.summary)
    if len(summary) > SUMMARY_LENGTH:
        summary = summary[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    organisation = nomination.organisation_name
    title = nomination.initiative_title or organisation
    return {
        "title": scrub_people(title, names),
        "summary": summary,
        "organisation_name": organisation,
        "problem": clean(nomination.challenge),
        "change": clean(
            nomination.actions_people, nomination.actions_process, nomination.actions_technology
        ),
        "results": clean(nomination.results, _figures(nomination), nomination.citizen_impact),
        "reusable": clean(nomination.sustainability),
        # The organisation, never its contact person: the editor adds a unit or shared address.
        "contact": _paragraphs(organisation, nomination.website),
        "country": nomination.country,
        "sector": "other",
        "theme": _theme(nomination),
        "year": nomination.cycle.nominations_close_at.year,
        "agency": Agency.objects.filter(
            name__iexact=organisation, country=nomination.country
        ).first(),
    }


def alias_in_other_languages(page):
    """Aliases in the libraries of the other languages, as the synced page tree makes for a page
    added in the admin (WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE): published with the page, shown
    in its language until an editor translates them."""
    parent = page.get_parent()
    for locale in Locale.objects.exclude(pk=page.locale_id):
        if parent.has_translation(locale) and not page.has_translation(locale):
            page.copy_for_translation(locale, alias=True)


def make_case_study(nomination, user):
    """The entry's draft case study (made now, or the one made before). CaseStudyRefused when
    the entry may not become one."""
    existing = (
        CaseStudyPage.objects.filter(source_nomination=nomination, alias_of__isnull=True)
        .order_by("pk")
        .first()
    )
    if existing is not None:
        return Made(existing, created=False)
    message = refusal(nomination)
    if message:
        raise CaseStudyRefused(message)
    parent = library_for(nomination)
    with transaction.atomic():
        fields = draft_fields(nomination)
        page = CaseStudyPage(
            **fields,
            slug=_unique_slug(parent, fields["title"]),
            source_nomination=nomination,
            live=False,
            owner=user,
        )
        parent.add_child(instance=page)
        page.save_revision(user=user, log_action=False)
        log(page, "wagtail.create", user=user)
        alias_in_other_languages(page)
    return Made(page, created=True)
