"""The site's search backend (awards_site/search/backend.py): on SQLite and on PostgreSQL,
results ordered by relevance are ranked in one pass of the index, in exactly the order Wagtail's
own compiler gives (best score first, then newest), with the same count."""

import pytest
from django.db import connection
from modelsearch.backends.database import SearchBackend as WagtailDatabaseBackend
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from awards_site.search.query import parse

pytestmark = pytest.mark.django_db

QUERIES = ["service", "public OR citizens", '"service centre"', "awards -kenya", "centre"]


def ranked(backend, text, start=0, stop=50):
    pages = Page.objects.live().filter(depth__gt=1)
    return [page.pk for page in backend.search(parse(text).query, pages)[start:stop]]


@pytest.mark.parametrize("text", QUERIES)
def test_the_order_is_wagtails_own(text):
    ours, wagtails = get_search_backend(), WagtailDatabaseBackend({})
    assert ranked(ours, text) == ranked(wagtails, text)
    assert ranked(ours, text, 3, 8) == ranked(wagtails, text, 3, 8)  # a page of results
    results = ours.search(parse(text).query, Page.objects.live().filter(depth__gt=1))
    assert results.count() == len(ranked(wagtails, text, stop=None))


@pytest.mark.parametrize("text", QUERIES)
def test_the_kinds_counted_are_wagtails_own(text):
    """The page types of the results (the search page's kinds), counted by the pass that ranks
    them on PostgreSQL, are the counts Wagtail's own facet gives."""
    pages = Page.objects.live().filter(depth__gt=1).specific()
    ours, wagtails = get_search_backend(), WagtailDatabaseBackend({})
    kinds = ours.search(parse(text).query, pages).facet("content_type_id")
    assert kinds  # every query finds some demo page
    assert dict(kinds) == dict(wagtails.search(parse(text).query, pages).facet("content_type_id"))


def test_the_one_pass_ranking_is_used_on_sqlite_and_postgresql():
    compiler = get_search_backend().query_compiler_class
    assert compiler.__name__ == "RankedInOnePassCompiler"
    module = {"sqlite": "sqlite_ranking", "postgresql": "postgres_ranking"}[connection.vendor]
    assert compiler.__module__ == f"awards_site.search.{module}"
    assert issubclass(compiler, WagtailDatabaseBackend({}).query_compiler_class)


def test_the_admins_page_search_autocompletes_with_wagtails_own_compiler(client, editor):
    client.force_login(editor)
    for path in ("/admin/pages/search/", "/admin/pages/search/results/"):
        response = client.get(path, {"q": "awar"})
        assert response.status_code == 200, path
        assert "The CX Awards" in response.content.decode(), path
