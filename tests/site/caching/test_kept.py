"""What web workers keep until public content changes (awards_site/caching/memo.py, lookups.py,
cms/pages/routing.py) and the page parts kept for everyone (fragments.py): a signed-in visitor, who
never gets the shared page, sees every change on the next request too; a preview shows what the
editor has not saved; a restriction added to a page applies at once."""

import re

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from cms.models import NewsArticlePage, Partner, StandardPage
from tests.factories.cms import OpenLetterSignatureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(nominator):
    client = Client()
    client.force_login(nominator)
    return client


def read(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_a_partner_renamed_shows_to_a_signed_in_visitor(signed_in):
    read(signed_in, "/")  # the home page's body, with the partners' logos, is kept
    partner = Partner.objects.order_by("pk").first()
    partner.name = "Renamed partner office"
    partner.save()
    assert "Renamed partner office" in read(signed_in, "/")


def test_a_new_page_answers_at_its_address_at_once(signed_in, page_by_slug):
    read(signed_in, "/about/")  # the routes of the page tree are kept
    about = page_by_slug("about")
    child = StandardPage(title="Our judges", slug="our-judges")
    about.add_child(instance=child)
    child.save_revision().publish()
    assert "Our judges" in read(signed_in, "/about/our-judges/")


def test_a_renamed_slug_answers_at_the_new_address(signed_in, page_by_slug):
    read(signed_in, "/about/")
    about = page_by_slug("about")
    about.slug = "who-we-are"
    about.save_revision().publish()
    assert signed_in.get("/about/").status_code in (301, 404)
    assert about.title in read(signed_in, "/who-we-are/")


def test_a_french_page_published_shows_on_the_french_site(signed_in, page_by_slug):
    read(signed_in, "/fr/")
    read(Client(), "/fr/")
    french_about = page_by_slug("about").get_translation(Locale.objects.get(language_code="fr"))
    french_about.title = "Qui nous sommes, en bref"
    french_about.save_revision().publish()
    assert "Qui nous sommes, en bref" in read(signed_in, french_about.url)
    assert "Qui nous sommes, en bref" in read(Client(), "/fr/")  # the French menu


def test_a_restriction_added_to_a_page_applies_at_once(page_by_slug):
    """The attack: a page is made private while its address is still being visited; the site
    knew a moment ago that no page was restricted."""
    read(Client(), "/about/")
    PageViewRestriction.objects.create(
        page=page_by_slug("about"), restriction_type=PageViewRestriction.LOGIN
    )
    response = Client().get("/about/")
    assert response.status_code == 302
    assert "/login" in response["Location"] or "/accounts/" in response["Location"]


def test_a_preview_shows_the_unsaved_body_not_the_kept_one(page_by_slug):
    home = page_by_slug("home")
    first_paragraph = next(block for block in home.body if block.block_type == "paragraph")
    kept = read(Client(), "/")
    assert str(first_paragraph.value) in kept or first_paragraph.value.source[:40] in kept
    home.body = [("paragraph", "<p>Words the editor has not published yet.</p>")]
    preview = home.make_preview_request().content.decode()
    assert "Words the editor has not published yet." in preview
    assert "Words the editor has not published yet." not in read(Client(), "/")


def test_a_page_behind_a_password_opens_with_the_password(page_by_slug):
    about = page_by_slug("about")
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="open sesame"
    )
    visitor = Client()
    asked = visitor.get("/about/").content.decode()
    assert 'name="password"' in asked and about.title not in asked.split("<main", 1)[-1]
    answer = visitor.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{about.pk}/",
        {"password": "open sesame", "return_url": "/about/"},
    )
    assert answer.status_code == 302
    assert about.intro[:40] in read(visitor, "/about/")


def test_a_confirmed_signature_counts_at_once_for_a_signed_in_visitor(signed_in, page_by_slug):
    before = read(signed_in, "/open-letter/")
    letter = page_by_slug("open-letter")
    count = letter.signatures().count()
    OpenLetterSignatureFactory(
        page_key=letter.translation_key,
        organisation="Kept Fragments Ministry",
        list_publicly=True,
        confirmed_at=timezone.now(),
    )
    after = read(signed_in, "/open-letter/")
    assert re.search(rf"\b{count} (person has|people have) co-signed", before)
    assert re.search(rf"\b{count + 1} (person has|people have) co-signed", after)
    assert "Kept Fragments Ministry" in after


def test_each_page_of_the_news_is_kept_apart(signed_in, page_by_slug):
    index = page_by_slug("news")
    for number in range(index.page_size):
        article = NewsArticlePage(title=f"Bulletin {number}", slug=f"bulletin-{number}")
        article.date = f"2027-01-{number + 10}"
        index.add_child(instance=article)
        article.save_revision().publish()
    first, second = read(signed_in, "/news/"), read(signed_in, "/news/?page=2")
    assert "Bulletin 9" in first and "Bulletin 9" not in second
    assert read(signed_in, "/news/?page=2") == second


def test_previews_of_new_pages_show_their_own_breadcrumbs(page_by_slug):
    """Two pages not saved yet (no id) previewed under different parents: the breadcrumbs kept
    for one must not show on the other."""
    trails = []
    for parent_slug in ("about", "program-actions"):
        parent = page_by_slug(parent_slug)
        draft = StandardPage(title="A page not saved yet", slug="draft-preview")
        draft.set_url_path(parent)
        draft.depth, draft.path = parent.depth + 1, parent.path + "9999"
        html = draft.make_preview_request().content.decode()
        trail = html.split('class="breadcrumbs', 1)[1].split("</nav>", 1)[0]
        trails.append((parent.title, trail))
    for title, trail in trails:
        assert title in trail
    assert trails[0][1] != trails[1][1]
