"""A visitor finds a guide in the guides and tools library and downloads it (issue 17): the
filters narrow the list, the file arrives, the resource's count goes up by one, and nothing
about the visitor is kept: no cookie is set on the way (library/resources/counting.py)."""

import re

import pytest
from django.db.models import Sum
from playwright.sync_api import expect

from library.resources.models import Resource

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

GUIDE = "Journey mapping for public services: a field guide"


def downloads(resource):
    return resource.download_days.aggregate(total=Sum("count"))["total"] or 0


def test_a_visitor_filters_the_library_and_downloads_a_guide(page, tmp_path):
    guide = Resource.objects.get(title=GUIDE)
    before = downloads(guide)

    page.goto("/resources/")
    page.get_by_role("combobox", name="Kind").select_option("guide")
    page.get_by_role("combobox", name="Language").select_option("en")
    page.get_by_role("button", name="Show resources").click()
    titles = page.locator(".resource h2")
    expect(titles.first).to_be_visible()
    assert GUIDE in titles.all_inner_texts()
    assert all(kind == "Guide" for kind in page.locator(".resource__kind").all_inner_texts())

    item = page.locator(".resource", has_text=GUIDE)
    with page.expect_download() as download:
        item.get_by_role("link", name=re.compile(rf"^Download\W+{re.escape(GUIDE)}$")).click()
    saved = tmp_path / "guide.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")

    assert downloads(guide) == before + 1
    assert page.context.cookies() == []
