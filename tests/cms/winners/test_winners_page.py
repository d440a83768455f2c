"""The winners page of a cycle: filled from the nominations' statuses once results are published
(winners, merit awards and finalists by category, with the editors' stories), in English and
French from one set of data, and hidden until publication."""

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import StandardPage, WinnersPage
from judging.models import Round
from nominations.choices import NominationStatus
from nominations.models import Nomination
from tests.factories.cms import WinnerStoryFactory

pytestmark = pytest.mark.django_db

WINNER = "Nairobi One-Stop Citizen Service Centre"
MERIT = "Lagos Water Corporation Customer Care"
FINALIST = "Arusha City Council Customer Desk"
NOT_SHORTLISTED = "Land Board Service Desk"


def winners_page(language="en"):
    return WinnersPage.objects.get(locale__language_code=language)


def get(client, language="en"):
    response = client.get(winners_page(language).url)
    assert response.status_code == 200
    return response.content.decode()


def test_english_page_lists_each_category_with_winner_merit_and_finalists_in_order(client):
    html = get(client)
    main = html[html.index("<main") :]
    # Categories in their order, each with its places in order, and the story under its entry.
    positions = [
        main.index(text)
        for text in [
            "Omni-channel service",
            ">Winner<",
            WINNER,
            "Residents used to visit four offices",
            ">Certificate of merit<",
            MERIT,
            ">Finalist<",
            FINALIST,
            "Digital public service",
            "Rwanda Online Permits Service",
            "CX leader of the year",
        ]
    ]
    assert positions == sorted(positions)
    assert "Kenya" in main and "All services under one roof, one ticket" in main
    assert NOT_SHORTLISTED not in main
    assert main.count("<h2") >= 5


def test_french_page_has_french_category_names_and_stories_and_the_same_entries(client):
    html = get(client, "fr")
    assert '<html lang="fr" dir="ltr">' in html
    assert "Service omnicanal" in html and "Omni-channel service" not in html
    assert "Les habitants devaient passer par quatre bureaux" in html
    assert "Residents used to visit four offices" not in html
    for name in (WINNER, MERIT, FINALIST):
        assert name in html
    # Nothing retyped: both pages read the same cycle, and the stories name the same entries.
    en, fr = winners_page("en"), winners_page("fr")
    assert en.cycle_id == fr.cycle_id
    assert set(en.stories.values_list("nomination", flat=True)) == set(
        fr.stories.values_list("nomination", flat=True)
    )


def test_the_page_follows_the_statuses(client):
    cycle = winners_page().cycle
    Nomination.objects.filter(cycle=cycle, organisation_name=WINNER).update(
        status=NominationStatus.ELIGIBLE
    )
    Nomination.objects.filter(cycle=cycle, organisation_name=NOT_SHORTLISTED).update(
        status=NominationStatus.WINNER
    )
    html = get(client)
    assert NOT_SHORTLISTED in html
    assert WINNER not in html
    # Its story is kept for the editors but not shown without a place.
    assert "Residents used to visit four offices" not in html


def test_results_stay_hidden_until_a_round_is_published(client):
    Round.objects.filter(cycle=winners_page().cycle).update(results_published_at=None)
    html = get(client)
    assert "Results will be announced on 23 June 2026." in html
    for name in (WINNER, MERIT, FINALIST):
        assert name not in html
    assert "23 juin 2026" in get(client, "fr")


def test_the_awards_page_links_to_the_winners(client, page_by_slug):
    html = client.get(page_by_slug("cx-awards").url).content.decode()
    assert f'href="{winners_page().url}"' in html


def test_query_count_does_not_grow_with_the_number_of_winners_and_stories(
    client, django_assert_max_num_queries, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the page's own queries, not the shared copy's
    page = winners_page()
    client.get(page.url)  # menus and settings cached, as on a live site
    with django_assert_max_num_queries(60) as captured:
        client.get(page.url)
    baseline = len(captured)
    # The 2026 entries the screening left unplaced (publishing made them "not placed").
    more = Nomination.objects.filter(cycle=page.cycle, status=NominationStatus.NOT_PLACED)
    names = list(more.values_list("organisation_name", flat=True))
    assert len(names) >= 5
    for order, nomination in enumerate(more):
        WinnerStoryFactory(
            page=page, nomination=nomination, story=f"<p>Story {order}.</p>", sort_order=10 + order
        )
    more.update(status=NominationStatus.FINALIST)
    client.get(page.url)  # the stories moved the menu's cache on: warm it again
    with django_assert_num_queries(baseline):
        html = client.get(page.url).content.decode()
    assert all(name in html for name in names)
    assert "Story 4." in html


class WinnersPageAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.awards = StandardPage.objects.get(slug="cx-awards")
        self.cycle = WinnersPage.objects.get(locale__language_code="en").cycle

    def data(self, nomination):
        return nested_form_data(
            {
                "title": "Winners again",
                "slug": "winners-again",
                "intro": "A lead.",
                "cycle": self.cycle.pk,
                "stories": inline_formset(
                    [{"nomination": nomination.pk, "story": rich_text("<p>A story.</p>")}]
                ),
                "body": streamfield([]),
                "menu_title": "",
            }
        )

    def test_lives_only_under_a_standard_page(self):
        self.assertAllowedParentPageTypes(WinnersPage, {StandardPage})
        self.assertAllowedSubpageTypes(WinnersPage, set())

    def test_editor_creates_a_winners_page_with_a_story(self):
        winner = Nomination.objects.get(cycle=self.cycle, organisation_name=WINNER)
        self.assertCanCreate(self.awards, WinnersPage, self.data(winner))

    def test_a_story_about_another_cycles_entry_is_refused_with_what_to_do(self):
        other = Nomination.objects.exclude(cycle=self.cycle).filter(reference__isnull=False)[0]
        other.status = NominationStatus.FINALIST
        other.save()
        url = reverse("wagtailadmin_pages:add", args=("cms", "winnerspage", self.awards.pk))
        response = self.client.post(url, self.data(other))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This entry belongs to another cycle.")
        self.assertFalse(WinnersPage.objects.filter(slug="winners-again").exists())
