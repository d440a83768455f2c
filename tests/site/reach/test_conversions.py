"""Conversions: counted for the campaign of the visit, where each thing happens."""

import pytest
from django.test import RequestFactory

from awards_site.reach.conversions import CONVERSIONS, record_conversion
from awards_site.reach.models import ConversionDay
from tests.cms.signing import test_public_forms as public_forms
from tests.nominations.wizard.driver import Wizard
from tests.pages import form_action
from tests.site.reach.conftest import BROWSER, flush_all

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_demo_figures")]

factory = RequestFactory(HTTP_USER_AGENT=BROWSER)


def conversions():
    flush_all()
    return {(row.kind, row.campaign, row.source): row.count for row in ConversionDay.objects.all()}


def test_every_kind_has_its_name():
    assert CONVERSIONS.SUBSCRIBED == "subscribed"
    assert [kind.value for kind in CONVERSIONS] == [
        "nomination_started",
        "nomination_sent",
        "signed",
        "enquiry_sent",
        "subscribed",
    ]


def test_a_subscription_from_a_tagged_page():
    request = factory.post(
        "/newsletter/", HTTP_REFERER="http://testserver/news/?utm_campaign=cxday&utm_source=x"
    )
    assert record_conversion(request, CONVERSIONS.SUBSCRIBED)
    assert conversions() == {("subscribed", "cxday", "x"): 1}


def test_a_bots_conversion_is_not_counted():
    request = factory.post("/newsletter/", HTTP_USER_AGENT="curl/8.5.0")
    assert not record_conversion(request, CONVERSIONS.SUBSCRIBED)
    assert conversions() == {}


def test_an_unknown_kind_is_a_mistake():
    with pytest.raises(ValueError):
        record_conversion(factory.post("/"), "liked")


def test_counting_off_counts_no_conversion(settings):
    settings.REACH_COUNTING = False
    assert not record_conversion(factory.post("/?utm_campaign=cxday"), CONVERSIONS.SUBSCRIBED)
    assert conversions() == {}


def test_a_cache_error_never_fails_the_caller(monkeypatch):
    from awards_site.reach import buffer

    def broken(*args, **kwargs):
        raise ConnectionError("Redis is gone")

    monkeypatch.setattr(buffer, "add", broken)
    assert not record_conversion(factory.post("/"), CONVERSIONS.SUBSCRIBED)


def test_a_pledge_signed_on_a_tagged_page_counts_for_its_campaign(browser):
    page = "/pledge/?utm_campaign=cxday&utm_source=whatsapp"
    response = browser.post(
        form_action(page, browser),
        {
            "kind": "public",
            "name": "Kwame Mensah",
            "organisation": "Accra Metropolitan Assembly",
            "country": "GH",
            "email": "kwame@example.org",
        },
        HTTP_REFERER=f"http://testserver{page}",
    )
    assert response.status_code == 302
    assert conversions() == {("signed", "cxday", "whatsapp"): 1}


def test_an_invalid_pledge_is_no_conversion(browser):
    page = "/pledge/?utm_campaign=cxday"
    browser.post(form_action(page, browser), {"kind": ""}, HTTP_REFERER=f"http://testserver{page}")
    assert conversions() == {}


def test_an_enquiry_sent_counts_and_a_bots_does_not(browser):
    enquiry = public_forms.TestEnquiryForm()  # its page and valid answers
    url, data = enquiry.url, enquiry.form_data(browser)
    browser.post(f"{url}?utm_campaign=partners", data)
    browser.post(f"{url}?utm_campaign=partners", {**data, "website_address": "spam"})
    browser.post(f"{url}?utm_campaign=partners", {**data, "email_address": "nope"})
    assert conversions() == {("enquiry_sent", "partners", ""): 1}


def test_a_nomination_sent_counts_for_the_campaign_that_started_it(
    nominator_client, cycle, django_capture_on_commit_callbacks
):
    nominator_client.defaults["HTTP_USER_AGENT"] = BROWSER
    wizard = Wizard(nominator_client)
    nominator_client.defaults["HTTP_REFERER"] = "http://testserver/nominate/?utm_campaign=cxday"
    wizard.start()
    del nominator_client.defaults["HTTP_REFERER"]
    assert (wizard.nomination.campaign, wizard.nomination.campaign_source) == ("cxday", "")
    wizard.complete_all()
    with django_capture_on_commit_callbacks(execute=True):
        wizard.submit()
    assert wizard.nomination.status == "submitted"
    assert conversions() == {
        ("nomination_started", "cxday", ""): 1,
        ("nomination_sent", "cxday", ""): 1,
    }


def test_a_subscription_sent_from_a_tagged_page_counts_for_its_campaign(browser):
    page = "/subscribe/?utm_campaign=newsletter-push&utm_source=linkedin"
    browser.post(
        page,
        {"email": "reader@example.org", "language": "en", "consent": "on"},
        HTTP_REFERER=f"http://testserver{page}",
    )
    assert conversions() == {("subscribed", "newsletter-push", "linkedin"): 1}
