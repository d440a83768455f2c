"""The public library (/resources/): the published resources in the visitor's language, by
kind, language and country, and searched through the site's reader of search text; an empty
result says what to try; the query count stays the same however many resources there are."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from library.resources.listing import listing
from library.resources.models import Resource
from tests.library.resources.conftest import make_resource

INDEX = "/resources/"


def titles(response):
    return [resource.title for resource in response.context["listing"].page]


def test_the_library_lists_the_demos_published_resources(client, db):
    response = client.get(INDEX)
    assert response.status_code == 200
    shown = titles(response)
    assert len(shown) == Resource.objects.filter(live=True, locale__language_code="en").count()
    assert "Service charter template" in shown
    body = response.content.decode()
    assert "CC BY 4.0" in body and 'rel="license noopener"' in body
    assert (
        reverse("resources:download", kwargs={"pk": response.context["listing"].page[0].pk}) in body
    )


def test_unpublished_resources_are_not_listed(client, db):
    make_resource(title="Secret draft guide", live=False)
    assert "Secret draft guide" not in titles(client.get(INDEX))


def test_filter_by_kind(client, db):
    shown = titles(client.get(INDEX, {"kind": "checklist"}))
    assert shown and all(
        Resource.objects.get(title=title, locale__language_code="en").kind == "checklist"
        for title in shown
    )


def test_filter_by_language(client, db):
    assert titles(client.get(INDEX, {"language": "pt"})) == [
        "Formação: a experiência do cidadão nos serviços públicos"
    ]


def test_filter_by_country_includes_resources_for_all_of_africa(client, db):
    shown = titles(client.get(INDEX, {"country": "KE"}))
    assert "Service charter template" in shown  # Kenya among its countries
    assert "Journey mapping for public services: a field guide" in shown  # all of Africa
    assert "Guide de l’accueil des usagers au guichet" not in shown  # Cameroon, Senegal, CI


def test_filters_combine(client, db):
    shown = titles(client.get(INDEX, {"country": "KE", "kind": "video"}))
    assert shown == ["Video: what customer experience means in a public hospital"]


def test_search_finds_words_of_the_summary(client, db):
    shown = titles(client.get(INDEX, {"q": "hospital"}))
    assert shown == ["Video: what customer experience means in a public hospital"]


@pytest.mark.parametrize("text", ['"unbalanced', "-", "((()))", "NOT", "' OR 1=1 --", "*:*"])
def test_no_text_makes_the_search_fail(client, db, text):
    assert client.get(INDEX, {"q": text}).status_code == 200


def test_text_without_words_says_so(client, db):
    response = client.get(INDEX, {"q": "!!! ???"})
    assert "There are no words to search for" in response.content.decode()


def test_an_empty_result_says_what_to_try(client, db):
    response = client.get(INDEX, {"q": "zanzibarquux"})
    body = response.content.decode()
    assert "Nothing found: what to try" in body
    assert "See every resource" in body


def test_a_bad_filter_value_says_what_to_do_and_keeps_the_others(client, db):
    response = client.get(INDEX, {"kind": "poster", "language": "pt"})
    body = response.content.decode()
    assert "This choice is not in the list" in body
    assert titles(response) == ["Formação: a experiência do cidadão nos serviços públicos"]


def test_french_visitors_see_the_french_translation_and_the_rest_in_english(client, db):
    with translation.override("fr"):
        url = reverse("resources:index")
    assert url.startswith("/fr/")
    shown = titles(client.get(url))
    assert "Liste de contrôle : avant d’ouvrir un point d’avis citoyen" in shown
    assert "Checklist: before you open a citizen feedback point" not in shown
    assert "Service charter template" in shown  # not translated: the English one


def test_the_french_list_marks_english_entries_as_english(client, db):
    with translation.override("fr"):
        url = reverse("resources:index")
    body = client.get(url).content.decode()
    assert '<li class="resource" lang="en">' in body
    assert '<li class="resource" lang="fr">' in body


def test_the_listing_rule_directly(db):
    english = Locale.objects.get(language_code="en")
    outcome = listing({"language": "ar"}, locale=english)
    assert [resource.language for resource in outcome.page] == ["ar"]
    assert outcome.filtered and not outcome.searched


def test_the_footer_links_to_the_library(client, db):
    assert 'href="/resources/"' in client.get("/").content.decode()


@pytest.mark.parametrize("params", [{}, {"country": "KE", "kind": "guide"}, {"q": "guide"}])
def test_query_count_does_not_grow_with_resources(
    client, db, django_assert_max_num_queries, params
):
    client.get(INDEX, params)  # what every page looks up once, kept until content changes
    for number in range(12):
        make_resource(title=f"Extra guide {number}", summary="A guide for counters.")
    with django_assert_max_num_queries(6):
        response = client.get(INDEX, params)
    assert response.status_code == 200
