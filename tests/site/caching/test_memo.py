"""What cannot change within a request is looked up once (awards_site/caching/memo.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def locale_lookups(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    by_language = 'WHERE "wagtailcore_locale"."language_code" ='
    return [q["sql"] for q in captured if by_language in q["sql"]]


@pytest.mark.parametrize("path", ["/", "/fr/", "/program-actions/"])
def test_a_page_looks_the_active_locale_up_once(client, path, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the page's own queries, not the shared copy's
    assert len(locale_lookups(client, path)) == 1
