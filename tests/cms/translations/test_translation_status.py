"""Which translations need work (cms/translations/status.py): the rule over plain facts, the
demo's examples, what editing pages does to the list, and the report editors read in the admin
(Reports ▸ Translations to update), whose query count does not grow with the pages."""

import csv
import io
import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from cms.demo.content import PAGES
from cms.models import NewsArticlePage, NewsIndexPage
from cms.translations.status import (
    PageFacts,
    TranslationState,
    gaps_for_user,
    translation_gaps,
)
from tests.pages import page_text

EN, FR, PT = 1, 2, 3
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
REPORT = "/admin/reports/translations/"
KENYA_FR = "Kenya\u202f: l’Institut de l’expérience client salue l’essor des Huduma Centres"


def report_pages(client):
    """Every page of the report (Portuguese and Arabic rows make it longer than one page).
    Wagtail's pager always shows "Previous" and "Next" (greyed out at the ends) and serves the
    last page for any number past it, so the pages are counted from its "Page 1 of N" ("Page 1
    sur N") line rather than by looking for a "Next" link."""
    first = client.get(REPORT)
    assert first.status_code == 200
    responses = [first]
    counted = re.search(r"Page 1 (?:of|sur) (\d+)", page_text(first))
    for number in range(2, int(counted.group(1)) + 1 if counted else 2):
        response = client.get(REPORT, {"p": number})
        assert response.status_code == 200
        responses.append(response)
    return responses


def report_text(client):
    """The text of every page of the report."""
    return " ".join(page_text(response) for response in report_pages(client))


def facts(id, key, locale, *, alias=False, live=True, published=T0, title=None):
    return PageFacts(id, key, locale, title or f"page {id}", alias, live, published)


def states(gaps):
    return [(gap.source.id, gap.locale_id, gap.state) for gap in gaps]


# The rule ----------------------------------------------------------------------------------------


def test_a_translation_published_after_its_source_is_up_to_date():
    key = uuid.uuid4()
    pages = [facts(1, key, EN), facts(2, key, FR, published=T0 + timedelta(minutes=5))]
    assert translation_gaps(pages, [EN, FR]) == []


def test_a_source_published_after_its_translation_makes_it_out_of_date():
    key = uuid.uuid4()
    pages = [
        facts(1, key, EN, published=T0 + timedelta(days=2)),
        facts(2, key, FR, published=T0),
    ]
    [gap] = translation_gaps(pages, [EN, FR])
    assert (gap.source.id, gap.locale_id, gap.translation.id) == (1, FR, 2)
    assert gap.state == TranslationState.OUT_OF_DATE
    assert gap.page_to_work_on.id == 2


def test_no_page_or_only_an_alias_is_not_translated():
    missing, aliased = uuid.uuid4(), uuid.uuid4()
    pages = [
        facts(1, missing, EN),
        facts(3, aliased, EN),
        facts(4, aliased, FR, alias=True, published=T0 + timedelta(days=1)),
    ]
    gaps = translation_gaps(pages, [EN, FR])
    assert states(gaps) == [
        (1, FR, TranslationState.NOT_TRANSLATED),
        (3, FR, TranslationState.NOT_TRANSLATED),
    ]
    # Missing: the source is the page to translate; an alias: the alias, to convert.
    assert [gap.page_to_work_on.id for gap in gaps] == [1, 4]


def test_a_translation_that_is_not_live_is_not_published():
    key = uuid.uuid4()
    pages = [facts(1, key, EN), facts(2, key, FR, live=False, published=None)]
    assert states(translation_gaps(pages, [EN, FR])) == [(1, FR, TranslationState.NOT_PUBLISHED)]


def test_a_converted_alias_stays_out_of_date_until_its_translation_is_published():
    """A converted alias carries its source's publication time (or none at all)."""
    same, never = uuid.uuid4(), uuid.uuid4()
    pages = [
        facts(1, same, EN),
        facts(2, same, FR, published=T0),
        facts(3, never, EN),
        facts(4, never, FR, published=None),
    ]
    assert states(translation_gaps(pages, [EN, FR])) == [
        (1, FR, TranslationState.OUT_OF_DATE),
        (3, FR, TranslationState.OUT_OF_DATE),
    ]


def test_the_source_is_the_page_created_first_whatever_its_language():
    """A page written in French first: its English version is the translation."""
    key = uuid.uuid4()
    pages = [
        facts(8, key, EN, alias=True, published=T0 + timedelta(days=1)),
        facts(5, key, FR),
    ]
    [gap] = translation_gaps(pages, [EN, FR])
    assert (gap.source.id, gap.locale_id, gap.state) == (5, EN, TranslationState.NOT_TRANSLATED)


def test_drafts_and_unpublished_sources_ask_for_nothing():
    draft, unpublished = uuid.uuid4(), uuid.uuid4()
    pages = [
        facts(1, draft, EN, live=False, published=None),
        facts(2, unpublished, EN, live=False, published=T0),
        facts(3, unpublished, FR, published=T0 - timedelta(days=9)),
    ]
    assert translation_gaps(pages, [EN, FR]) == []


def test_every_locale_of_the_site_is_checked():
    key = uuid.uuid4()
    pages = [facts(1, key, EN), facts(2, key, FR, published=T0 + timedelta(hours=1))]
    assert states(translation_gaps(pages, [EN, FR, PT])) == [
        (1, PT, TranslationState.NOT_TRANSLATED)
    ]


def test_gaps_are_listed_most_urgent_first_then_newest_source_first():
    keys = [uuid.uuid4() for _ in range(4)]
    pages = [
        facts(1, keys[0], EN, published=T0 + timedelta(days=3)),
        facts(2, keys[0], FR, published=T0),  # out of date
        facts(3, keys[1], EN, published=T0),  # not translated, older source
        facts(4, keys[2], EN, published=T0 + timedelta(days=1)),  # not translated, newer
        facts(5, keys[3], EN),
        facts(6, keys[3], FR, live=False),  # not published
    ]
    assert states(translation_gaps(pages, [EN, FR])) == [
        (1, FR, TranslationState.OUT_OF_DATE),
        (5, FR, TranslationState.NOT_PUBLISHED),
        (4, FR, TranslationState.NOT_TRANSLATED),
        (3, FR, TranslationState.NOT_TRANSLATED),
    ]


# On the demo site and as pages change --------------------------------------------------------


def gap_titles(user):
    return {
        (gap.source.title, gap.state) for gap in gaps_for_user(user) if gap.locale_id == fr().pk
    }


def fr():
    return Locale.objects.get(language_code="fr")


def news(language="en"):
    """The news index in `language` (in Portuguese and Arabic an alias of the English one, with
    its slug)."""
    return NewsIndexPage.objects.get(
        slug={"en": "news", "fr": "actualites"}.get(language, "news"),
        locale__language_code=language,
    )


def new_article(title, slug, parent=None):
    article = NewsArticlePage(title=title, slug=slug, date="2026-02-01", intro="Intro.")
    (parent or news()).add_child(instance=article)
    article.save_revision().publish()
    return NewsArticlePage.objects.get(pk=article.pk)


@pytest.mark.django_db
def test_the_demo_shows_an_untranslated_and_an_out_of_date_page(editor):
    """Among the demo's pages (on PostgreSQL, browser journeys of an earlier run may have left
    pages of their own)."""
    demo_titles = {spec["en"]["title"] for spec in PAGES.values()}
    assert {gap for gap in gap_titles(editor) if gap[0] in demo_titles} == {
        (
            "Planning a CX Day activity? A checklist for public offices",
            TranslationState.NOT_TRANSLATED,
        ),
        (
            "Kenya's Institute of Customer Experience welcomes the growth of Huduma Centres",
            TranslationState.OUT_OF_DATE,
        ),
    }


@pytest.mark.django_db
def test_translating_and_changing_the_source_move_a_page_through_the_list(editor):
    article = new_article("Service charters", "service-charters")
    alias = article.copy_for_translation(fr(), alias=True)  # what the synced tree does
    entry = ("Service charters", TranslationState.NOT_TRANSLATED)
    assert entry in gap_titles(editor)

    ConvertAliasPageAction(Page.objects.get(pk=alias.pk).specific).execute()
    assert ("Service charters", TranslationState.OUT_OF_DATE) in gap_titles(editor)

    french = NewsArticlePage.objects.get(pk=alias.pk)
    french.title = "Chartes de service"
    french.save_revision().publish()
    assert not any(title == "Service charters" for title, _ in gap_titles(editor))

    article.intro = "A new introduction."
    article.save_revision().publish()
    assert ("Service charters", TranslationState.OUT_OF_DATE) in gap_titles(editor)


@pytest.mark.django_db
def test_editors_see_only_pages_they_may_edit(editor, admin_user):
    outside = Page.get_first_root_node().add_child(
        instance=NewsIndexPage(title="Archive", slug="archive-outside")
    )
    outside.save_revision().publish()
    entry = ("Archive", TranslationState.NOT_TRANSLATED)
    assert entry in gap_titles(admin_user)
    assert entry not in gap_titles(editor)


# The report in the admin -----------------------------------------------------------------------


@pytest.mark.django_db
def test_editors_find_the_report_in_the_reports_menu_with_links_to_do_the_work(client, editor):
    client.force_login(editor)
    assert REPORT in client.get("/admin/").content.decode()
    pages = report_pages(client)
    text = " ".join(page_text(response) for response in pages)
    assert "Translations to update" in text
    assert "Planning a CX Day activity? A checklist for public offices" in text
    assert "Translate into French" in text and "Update the French version" in text
    assert "Translate into Portuguese" in text and "Translate into Arabic" in text

    alias = Page.objects.get(slug="cx-day-activity-checklist", locale__language_code="fr")
    kenya_en = Page.objects.get(slug="kenya-huduma-centres", locale__language_code="en")
    kenya_fr = Page.objects.get(slug="kenya-centres-huduma")
    body = " ".join(response.content.decode() for response in pages)
    assert f'href="/admin/pages/{alias.pk}/convert_alias/"' in body  # the French alias
    assert f'href="/admin/pages/{kenya_en.pk}/edit/"' in body
    assert f'href="/admin/pages/{kenya_fr.pk}/edit/"' in body


@pytest.mark.django_db
def test_a_page_without_any_translation_links_to_the_translate_form(client, editor):
    article = new_article("Imported article", "imported-article")
    client.force_login(editor)
    body = client.get(REPORT).content.decode()
    assert f'href="/admin/translation/submit/page/{article.pk}/"' in body


@pytest.mark.django_db
def test_the_report_speaks_french(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(editor)
    text = report_text(client)
    assert "Traductions à mettre à jour" in text
    assert "Traduire en français" in text and "Mettre à jour la version en français" in text


@pytest.mark.django_db
def test_an_alias_row_links_to_its_conversion(client, editor):
    article = new_article("Queue times", "queue-times")
    alias = article.copy_for_translation(fr(), alias=True)
    client.force_login(editor)
    body = client.get(REPORT).content.decode()
    assert f'href="/admin/pages/{alias.pk}/convert_alias/"' in body


@pytest.mark.django_db
def test_the_report_exports_a_spreadsheet(client, editor):
    client.force_login(editor)
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0][:5] == ["Page", "Written in", "Translation into", "State", "Translation"]
    [kenya] = [row for row in rows[1:] if row[0].startswith("Kenya") and row[2] == "French"]
    assert kenya[1:5] == ["English", "French", "Out of date", KENYA_FR]
    # Publication dates in the site's time zone, to the minute.
    published = Page.objects.get(
        slug="kenya-huduma-centres", locale__language_code="en"
    ).last_published_at
    assert kenya[5] == timezone.localtime(published).strftime("%Y-%m-%d %H:%M")

    workbook = load_workbook(io.BytesIO(client.get(REPORT, {"export": "xlsx"}).getvalue()))
    sheet = workbook.active
    [row] = [
        row
        for row in sheet.iter_rows(values_only=True)
        if row[0].startswith("Kenya") and row[2] == "French"
    ]
    assert row[5] == timezone.make_naive(published).replace(second=0, microsecond=0)


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["nominator@demo.test", "judge1@demo.test"])
def test_people_without_admin_access_are_kept_out(client, email):
    client.force_login(get_user_model().objects.get(email=email))
    response = client.get(REPORT)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_the_report_costs_the_same_queries_with_more_pages(
    client, editor, django_assert_max_num_queries
):
    client.force_login(editor)
    client.get(REPORT)  # warm the user's and the site's caches
    with django_assert_max_num_queries(QUERIES) as before:
        assert client.get(REPORT).status_code == 200
    for number in range(15):
        article = new_article(f"Article {number}", f"article-{number}")
        if number % 3:
            article.copy_for_translation(fr(), alias=True)
    client.get(REPORT)  # the new pages moved the site's kept lookups on: warm them again
    with django_assert_max_num_queries(QUERIES) as after:
        response = client.get(REPORT)
    assert "Article 14" in page_text(response)
    assert len(after.captured_queries) == len(before.captured_queries)


# Measured on the demo site (SQLite and PostgreSQL): the page's own queries (pages, locales, the
# pages the user may edit, the user's permissions) plus the admin's frame (menus, session; the
# library's "Case study candidates" item asks whether the user is an editor or administrator).
QUERIES = 14
