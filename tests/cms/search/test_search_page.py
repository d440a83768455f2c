"""The public search page (/search/) as a visitor uses it: what they type never fails."""

import re
from html import unescape

import pytest
from django.test import Client

from cms.search.results import RESOURCES_FIRST

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ['huduma "centres', '"', "-", "OR", "(", "*", "a OR", "l'"])
def test_odd_queries_answer_a_results_page(query):
    response = Client().get("/search/", {"q": query})
    assert response.status_code == 200
    assert "cms/search.html" in [template.name for template in response.templates]


def results(response):
    """The results a visitor sees: (title, kind) of each, in order."""
    html = response.content.decode()
    found = re.findall(
        r'<li class="search-result">\s*<h2><a href="[^"]*">([^<]*)</a></h2>\s*'
        r'<p class="meta">([^<·]*)',
        html,
    )
    return [(unescape(title), kind.strip()) for title, kind in found]


def titles(response):
    return [title for title, _kind in results(response)]


@pytest.mark.parametrize("word", ["nominate", "nomination", "entry", "apply"])
def test_nomination_words_find_the_nomination_form_and_the_awards_page(word):
    response = Client().get("/search/", {"q": word})
    assert ("Nominate a public office", "Nomination form") in results(response)
    assert 'href="/nominate/"' in response.content.decode()
    assert "The CX Awards" in titles(response)


def test_french_words_without_accents_find_the_page_with_them():
    response = Client().get("/fr/search/", {"q": "demarches"})
    found = titles(response)
    assert any("Cap-Occidental" in title for title in found), found
    assert "<mark>démarches</mark>" in response.content.decode()


def test_results_in_the_active_language_only():
    english = titles(Client().get("/search/", {"q": "red carpet"}))
    french = titles(Client().get("/fr/search/", {"q": "red carpet"}))
    assert any("Western Cape" in title for title in english)
    assert not any("Western Cape" in title for title in french)
    assert any("Cap-Occidental" in title for title in french)


def test_a_result_shows_its_kind_date_and_a_highlighted_escaped_snippet():
    response = Client().get("/search/", {"q": "red tape"})
    html = response.content.decode()
    assert (
        "“Less red tape, more red carpet”: how the Western Cape treats citizens as customers",
        "News article",
    ) in results(response)
    assert '<time datetime="2019-06-12">' in html
    assert "<mark>red</mark> <mark>tape</mark>" in html


def test_filter_by_kind():
    everything = results(Client().get("/search/", {"q": "service"}))
    response = Client().get("/search/", {"q": "service", "kind": "newsarticlepage"})
    news = results(response)
    assert news and len(news) < len(everything) or len(everything) == 10
    assert {kind for _title, kind in news} == {"News article"}
    html = response.content.decode()
    assert '<span aria-current="page">News article' in html
    assert 'href="?q=service">Everything</a>' in html


def test_unknown_kind_shows_everything():
    assert titles(Client().get("/search/", {"q": "service", "kind": "<script>"})) == titles(
        Client().get("/search/", {"q": "service"})
    )


def test_nothing_found_says_what_to_try():
    html = Client().get("/search/", {"q": "zzyzx qwxz"}).content.decode()
    assert "0 results" in html
    assert "Check the spelling of each word." in html
    assert 'href="/"' in html  # browse from the home page


def test_nothing_to_search_for_says_what_to_type():
    html = Client().get("/search/", {"q": "👍 ()"}).content.decode()
    assert "There are no words to search for in what you typed." in html


def test_phrase_and_left_out_words():
    phrase = titles(Client().get("/search/", {"q": '"red carpet"'}))
    assert any("Western Cape" in title for title in phrase)
    without = titles(Client().get("/search/", {"q": '"red carpet" -"western cape"'}))
    assert not any("Western Cape" in title for title in without)


def test_query_count_does_not_grow_with_the_results(django_assert_max_num_queries):
    """Six queries (view restrictions, kinds, count, the page of results, the guides and tools
    found and their count), one for the first guides and tools shown when some are found, and
    one per kind of page shown (Wagtail's specific(): one query per page type, never per
    result). Two more: the one-pass ranking reads the results' ids and scores
    (awards_site/search/backend.py)."""
    ranking = 2
    client = Client()
    client.get("/search/", {"q": "service"})  # caches warm (site root paths, content types)
    with django_assert_max_num_queries(7 + ranking):
        assert len(results(client.get("/search/", {"q": "red carpet"}))) == 1
    many = results(client.get("/search/", {"q": "service OR public OR the"}))
    assert len(many) == 10 + RESOURCES_FIRST
    page_kinds = {kind for _title, kind in many[RESOURCES_FIRST:]}
    with django_assert_max_num_queries(6 + 1 + len(page_kinds) + ranking):
        client.get("/search/", {"q": "service OR public OR the"})
