"""The guides and tools of the library (library/resources/) in the site's search (issue 20):
found by their title and summary in the visitor's language, the first few before the pages, all
of them under the kind "Guides and tools", each linking to its download; drafts never."""

import pytest
from django.test import Client

from library.resources.models import Resource
from tests.cms.search.test_search_page import results, titles

pytestmark = pytest.mark.django_db

GUIDE = "Journey mapping for public services: a field guide"


def test_a_guide_is_found_before_the_pages_with_its_kind_and_download_link():
    response = Client().get("/search/", {"q": "journey mapping"})
    found = results(response)
    assert found[0] == (GUIDE, "Guide")
    guide = Resource.objects.get(title=GUIDE)
    assert f'href="/resources/{guide.pk}/download/"' in response.content.decode()
    assert "<mark>journey</mark>" in response.content.decode().lower()


def test_the_kind_guides_and_tools_lists_every_one_found_and_only_them():
    everything = Client().get("/search/", {"q": "guide OR checklist OR template"})
    listed = Client().get("/search/", {"q": "guide OR checklist OR template", "kind": "resource"})
    html = everything.content.decode()
    assert "Guides and tools (" in html
    shown = titles(listed)
    expected = Resource.objects.filter(live=True, locale__language_code="en")
    assert set(shown) <= set(expected.values_list("title", flat=True))
    assert len(shown) > 3  # more than the few shown before the pages
    assert f"See all {len(shown)} guides and tools found" in html


def test_a_french_visitor_finds_the_french_translation():
    found = titles(Client().get("/fr/search/", {"q": "parcours"}))
    assert "Cartographier le parcours des usagers\u202f: guide de terrain" in found
    assert GUIDE not in found


def test_a_draft_is_not_found():
    guide = Resource.objects.get(title=GUIDE)
    guide.live = False
    guide.save()
    assert GUIDE not in titles(Client().get("/search/", {"q": "journey mapping"}))
    assert GUIDE not in titles(Client().get("/search/", {"q": "journey", "kind": "resource"}))
