"""Each language is searched in its own words (awards_site/search/postgres_languages.py): on
PostgreSQL a French page is indexed and a French search read with French stemming, an English
one with English; SQLite has no stemming at all (docs/search.md)."""

import pytest
from django.db import connection
from django.test import Client
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from tests.cms.search.test_search_page import titles

pytestmark = pytest.mark.django_db

STEMMED = connection.vendor == "postgresql"


def found(path, text):
    return titles(Client().get(path, {"q": text}))


def test_a_french_search_finds_french_word_forms():
    """The query "provinciaux" is the plural of the French page's "provincial": French stemming
    joins them, English stemming (the server's default before) kept them apart."""
    results = found("/fr/search/", "provinciaux")
    assert any("Cap-Occidental" in title for title in results) == STEMMED, results


def test_an_english_search_finds_english_word_forms():
    results = found("/search/", "carpets")
    assert any("Western Cape" in title for title in results) == STEMMED, results


def test_pages_of_both_languages_indexed_together_keep_their_own_languages():
    """`update_index` gives the index pages of several languages at once."""
    pages = [page.specific for page in Page.objects.live().filter(depth__gt=2)]
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    index = get_search_backend().get_index_for_model(Page)
    mixed = [
        group
        for group in by_model.values()
        if {page.locale.language_code for page in group} >= {"en", "fr"}
    ]
    assert mixed  # at least one batch holds pages of both languages
    for model, group in by_model.items():
        index.add_items(model, group)
    french = found("/fr/search/", "provinciaux")
    assert any("Cap-Occidental" in title for title in french) == STEMMED, french
    english = found("/search/", "carpets")
    assert any("Western Cape" in title for title in english) == STEMMED, english
