"""Public pages shared between visitors who are not signed in (awards_site/caching/pages.py):
what an editor, an administrator or the clock changes shows on the next request; nothing
personal is ever served to someone else; a repeat visit is a 304."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format

from cms.models import Partner, SiteSettings
from judging.models import RoundDecision
from nominations.models import AwardCycle

pytestmark = pytest.mark.django_db


def visit(path, client=None):
    response = (client or Client()).get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_a_second_visitor_gets_the_page_without_a_query(django_assert_num_queries):
    first = visit("/")
    with django_assert_num_queries(0):
        second = visit("/")
    assert second == first


def test_a_repeat_visit_to_an_unchanged_page_is_a_304():
    client = Client()
    etag = client.get("/program-actions/").headers["ETag"]
    repeat = client.get("/program-actions/", HTTP_IF_NONE_MATCH=etag)
    assert repeat.status_code == 304
    assert repeat.content == b""


# Every edit shows on the next request ---------------------------------------------------------


def test_a_published_change_shows(page_by_slug):
    assert "Fresh words" not in visit("/about/")
    page = page_by_slug("about")
    page.title = "Fresh words about us"
    page.save_revision().publish()
    assert "Fresh words about us" in visit("/about/")
    assert "Fresh words about us" in visit("/")  # the main menu too


def test_an_unpublished_page_is_gone_at_once(page_by_slug):
    visit("/program-actions/media/")
    page_by_slug("media").unpublish()
    assert Client().get("/program-actions/media/").status_code == 404
    assert 'href="/program-actions/media/"' not in visit("/program-actions/")


def test_a_moved_page_answers_at_its_new_address(page_by_slug):
    visit("/about/")
    page_by_slug("about").move(page_by_slug("cx-awards"), pos="last-child")
    # Wagtail leaves a redirect behind: the old address sends on to the new one.
    old = Client().get("/about/")
    assert (old.status_code, old["Location"]) == (301, "/cx-awards/about/")
    visit("/cx-awards/about/")


def test_a_deleted_page_leaves_the_menu(page_by_slug):
    assert 'href="/news/"' in visit("/")
    page_by_slug("news").delete()
    assert 'href="/news/"' not in visit("/")


def test_a_settings_change_shows_in_the_footer():
    visit("/")
    settings_row = SiteSettings.objects.get()
    settings_row.contact_email = "new-desk@example.org"
    settings_row.save()
    assert "new-desk@example.org" in visit("/")


def test_a_partner_renamed_in_its_snippet_shows():
    visit("/")
    partner = Partner.objects.order_by("pk").first()
    partner.name = "A partner with a new name"
    partner.save()
    assert "A partner with a new name" in visit("/")


def test_a_cycle_deadline_moved_shows_on_the_nominate_page():
    visit("/nominate/")
    cycle = AwardCycle.objects.current()
    cycle.nominations_close_at = timezone.now() + timedelta(days=40, hours=3)
    cycle.save()
    deadline = date_format(timezone.localtime(cycle.nominations_close_at), "DATETIME_FORMAT")
    assert deadline in visit("/nominate/")


def test_results_published_show_on_the_winners_page(page_by_slug):
    url = "/cx-awards/2026-winners/"
    published = page_by_slug("2026-winners").cycle.rounds.filter(results_published_at__isnull=False)
    winners = RoundDecision.objects.filter(round__in=published, outcome="winner").first().nomination
    assert winners.organisation_name in visit(url)
    # Publishing saves the round (judging/results/decisions.py); taking it back does the same.
    for round_ in published:
        round_.results_published_at = None
        round_.save(update_fields=["results_published_at"])
    assert winners.organisation_name not in visit(url)


def test_no_page_is_kept_past_the_moment_nominations_close(settings):
    from awards_site.caching.pages import seconds_to_keep

    settings.PAGE_CACHE_SECONDS = 300
    cycle = AwardCycle.objects.current()
    now = timezone.now()
    cycle.nominations_open_at = now - timedelta(days=1)
    cycle.nominations_close_at = now + timedelta(seconds=42)
    cycle.save()
    assert seconds_to_keep(now) == 42
    cycle.nominations_close_at = now - timedelta(seconds=1)
    cycle.save()
    assert seconds_to_keep(now) == 300


# Nothing personal is shared --------------------------------------------------------------------


def test_a_signed_in_person_never_gets_the_shared_page_nor_leaves_theirs(nominator):
    visit("/")  # the shared copy exists
    signed_in = Client()
    signed_in.force_login(nominator)
    own = visit("/", signed_in)
    assert "Sign out" in own
    assert "Sign out" not in visit("/")
    assert "Sign out" in visit("/", signed_in)


def test_two_visitors_of_a_page_with_a_form_get_their_own_token():
    first, second = Client(), Client()
    first.get("/partners/become-a-partner/")
    second.get("/partners/become-a-partner/")
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


@pytest.mark.parametrize("path", ["/open-letter/", "/pledge/"])
def test_the_signature_pages_are_shared_without_a_token(path, django_assert_num_queries):
    """Their forms carry no CSRF token (cms/signing/views.py checks the browser's origin
    headers instead), so the letter and the pledge are served like any other page."""
    first = Client().get(path)
    assert "csrftoken" not in first.cookies
    assert "csrfmiddlewaretoken" not in first.content.decode()
    with django_assert_num_queries(0):
        assert visit(path) == first.content.decode()


def test_a_visitor_with_a_message_waiting_sees_it(nominator):
    visit("/")  # the shared copy, without any message
    leaving = Client()
    leaving.force_login(nominator)
    # Signing out leaves a message for the next page, in a cookie: it must be shown there.
    page = leaving.post("/accounts/logout/", follow=True).content.decode()
    assert "You have signed out." in page
    assert "You have signed out." not in visit("/")
