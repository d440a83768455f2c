"""axe-core (WCAG 2.2 A and AA rules) finds no violation on any page type, in each language,
nor on a form showing errors."""

import pytest
from wagtail.models import Page, get_page_models

from cms.campaigns.subscribing import unsubscribe_token
from cms.models import Subscriber
from tests.browser.helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def one_page_of_each_type(language):
    seen = {}
    for page in Page.objects.filter(depth__gt=1, locale__language_code=language).live().specific():
        seen.setdefault(type(page).__name__, page.url)
    return sorted(seen.items())


def demo_subscriber():
    return Subscriber.objects.get(email="amina.reader@demo.test")


def every_page_type():
    return {model.__name__ for model in get_page_models() if model is not Page}


@pytest.mark.parametrize("language", ["en", "fr", "pt", "ar"])
def test_no_violations_on_any_page_type(page, language):
    failures = {}
    pages = one_page_of_each_type(language)
    if language in ("en", "fr"):  # Portuguese and Arabic have the main pages only
        assert {name for name, _url in pages} == every_page_type()
    prefix = "" if language == "en" else f"/{language}"
    search = f"{prefix}/search/?q=" + ("engagement" if language == "fr" else "pledge")
    searches = [
        ("search", search),
        ("search filtered", f"{prefix}/search/?q=service&kind=newsarticlepage"),
        ("search empty", f"{prefix}/search/?q=zzyzx"),
        ("search no words", f"{prefix}/search/?q=%22"),
        ("subscribe", f"{prefix}/subscribe/"),
        ("unsubscribe", f"{prefix}/unsubscribe/{unsubscribe_token(demo_subscriber())}/"),
    ]
    for name, url in [*pages, *searches]:
        page.goto(url)
        violations = axe_violations(page)
        if violations:
            failures[f"{name} {url}"] = violations
    assert not failures, failures


def test_no_violations_on_forms_with_errors(page):
    for url, button in [
        ("/pledge/", "#sign button[type=submit]"),
        ("/fr/lettre-ouverte/", "#sign button[type=submit]"),
        ("/partners/become-a-partner/", "main form button[type=submit]"),
        ("/fr/subscribe/", "main form button[type=submit]"),
    ]:
        page.goto(url)
        page.click(button)
        page.wait_for_load_state()
        assert page.locator(".error-summary").count() == 1, url
        assert axe_violations(page) == [], url
