"""Which pages need translating, and which translations are out of date.

Pages that translate each other share a *translation key* (Wagtail's localisation), one page
per locale. The rule, applied to each such group:

- The **source** is the group's original: the page created first (the lowest id). Every other
  page of the group was made from it (copied by the Translate action, or an alias the synced
  page tree made), so a page first written in French is the source of its English version.
- Only a live source counts (readers see nothing of a draft or an unpublished page).
- For every other locale of the site, the page in that locale is
  - **not translated** when there is none, or only an alias (an alias shows the source's
    content, in the source's language);
  - **not published** when it is a real page but not live;
  - **out of date** when it was last published no later than the source was: the source
    changed after the translation was last published. A page converted from an alias carries
    the source's publication time until someone publishes it, so it stays out of date until
    its translation is published;
  - up to date otherwise (published after the source's latest publication).

A user sees the work they can do: the gaps whose page (the translation, or the source when
there is no translation yet) they may edit.

`translation_gaps` is the rule over plain facts; `gaps_for_user` reads the facts in a fixed
number of queries, however many pages there are.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy


class TranslationState(models.TextChoices):
    """What is wrong with a translation, in the order the report lists them: most urgent first.
    A translation out of date tells readers something its source no longer says; one not
    published is work nearly done; a page not translated at all (with four languages, the
    longest list) is read in another language meanwhile."""

    OUT_OF_DATE = "out_of_date", _("Out of date")
    NOT_PUBLISHED = "not_published", _("Translation not published")
    NOT_TRANSLATED = "not_translated", _("Not translated")


STATE_ORDER = {state: position for position, state in enumerate(TranslationState)}


@dataclass(frozen=True)
class PageFacts:
    """What the rule needs to know of a page."""

    id: int
    translation_key: UUID
    locale_id: int
    title: str
    is_alias: bool
    live: bool
    last_published_at: datetime | None


@dataclass(frozen=True)
class TranslationGap:
    """A locale in which a source page is missing, or has an outdated translation."""

    source: PageFacts
    locale_id: int
    translation: PageFacts | None  # None: no page at all in that locale
    state: TranslationState

    @property
    def page_to_work_on(self):
        """The page an editor opens to fix it: the translation, or the source to translate."""
        return self.translation or self.source


def state_of(source, translation):
    """The translation's state against its source, or None when it is up to date."""
    if translation is None or translation.is_alias:
        return TranslationState.NOT_TRANSLATED
    if not translation.live:
        return TranslationState.NOT_PUBLISHED
    if (
        translation.last_published_at is None
        or translation.last_published_at <= source.last_published_at
    ):
        return TranslationState.OUT_OF_DATE
    return None


def translation_gaps(pages, locale_ids):
    """Every gap among `pages` (PageFacts) for the `locale_ids` of the site: missing and
    alias-only translations first, then unpublished, then out of date; within each, the most
    recently published source first."""
    groups = defaultdict(list)
    for page in pages:
        groups[page.translation_key].append(page)
    gaps = []
    for members in groups.values():
        source = min(members, key=lambda page: page.id)
        if source.is_alias or not source.live or source.last_published_at is None:
            continue
        by_locale = {page.locale_id: page for page in members}
        for locale_id in locale_ids:
            if locale_id == source.locale_id:
                continue
            translation = by_locale.get(locale_id)
            state = state_of(source, translation)
            if state is not None:
                gaps.append(TranslationGap(source, locale_id, translation, state))
    gaps.sort(
        key=lambda gap: (
            STATE_ORDER[gap.state],
            -gap.source.last_published_at.timestamp(),
            gap.source.id,
            gap.locale_id,
        )
    )
    return gaps


def page_facts(pages=None):
    """PageFacts of every page but the tree's root, in one query."""
    pages = Page.objects.all() if pages is None else pages
    rows = pages.filter(depth__gt=1).values_list(
        "id",
        "translation_key",
        "locale_id",
        "draft_title",
        "alias_of_id",
        "live",
        "last_published_at",
    )
    return [
        PageFacts(id, key, locale_id, title, alias_of_id is not None, live, published)
        for id, key, locale_id, title, alias_of_id, live, published in rows
    ]


def gaps_for_user(user, locale_ids=None):
    """The gaps `user` can work on: those whose page to work on they may edit. Three queries
    (locales unless given, pages, the pages the user may edit), plus those of the user's
    permissions."""
    if locale_ids is None:
        locale_ids = list(Locale.objects.values_list("pk", flat=True))
    gaps = translation_gaps(page_facts(), locale_ids)
    if user.has_perm("cms.edit_every_page"):
        return gaps
    editable = set(
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "change")
        .values_list("pk", flat=True)
    )
    return [gap for gap in gaps if gap.page_to_work_on.id in editable]
