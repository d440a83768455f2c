"""What a request may tell the reach figures (awards_site/reach/cleaning.py), rule by rule."""

import pytest
from django.test import RequestFactory

from awards_site.reach import cleaning

factory = RequestFactory()


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("cxday", "cxday"),
        ("  CXDay-2027 ", "cxday-2027"),
        ("spring_news.letter", "spring_news.letter"),
        ("x" * 120, "x" * 80),
        ('=HYPERLINK("https://evil.example","x")', ""),
        ("=1+1", ""),
        ("+cmd", ""),
        ("-2", ""),
        ("@sum", ""),
        ("<script>", ""),
        ("cx day", ""),
        ("journée", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_utm_values(value, kept):
    assert cleaning.tag(value) == kept


def test_tags_read_the_first_of_each():
    request = factory.get("/", {"utm_campaign": ["CXDay", "other"], "utm_source": "LinkedIn"})
    assert cleaning.tags(request.GET) == ("cxday", "linkedin")


@pytest.mark.parametrize(
    ("referer", "domain"),
    [
        ("https://www.linkedin.com/feed/", "www.linkedin.com"),
        ("https://T.CO/abc", "t.co"),
        ("http://news.example.org:8080/a?b=c", "news.example.org"),
        ("android-app://com.linkedin.android/", "com.linkedin.android"),
        ("http://testserver/about/", ""),  # this site
        ("https://testserver/about/", ""),  # this site, another scheme
        ("/about/", ""),
        ("javascript:alert(1)", ""),
        ("https://exa mple.org/", ""),
        ("https://xn--exmple-cua.org/", "xn--exmple-cua.org"),
        ("https://ex_ample.org/", ""),
        ("https://[::1]/", ""),
        ("not an address", ""),
        ("", ""),
    ],
)
def test_referrer_domain(referer, domain):
    request = factory.get("/about/", HTTP_REFERER=referer) if referer else factory.get("/")
    assert cleaning.referrer_domain(request) == domain


def test_the_campaign_of_a_request_from_its_own_query():
    request = factory.post("/signatures/sign/3/?utm_campaign=cxday&utm_source=x")
    assert cleaning.campaign_of(request) == ("cxday", "x")


def test_the_campaign_of_a_form_posted_from_a_tagged_page_of_this_site():
    request = factory.post(
        "/signatures/sign/3/", HTTP_REFERER="http://testserver/pledge/?utm_campaign=CXDay"
    )
    assert cleaning.campaign_of(request) == ("cxday", "")


def test_a_referer_from_another_site_gives_no_campaign():
    request = factory.post(
        "/signatures/sign/3/", HTTP_REFERER="https://evil.example/pledge/?utm_campaign=cxday"
    )
    assert cleaning.campaign_of(request) == ("", "")


def test_no_request_no_campaign():
    assert cleaning.campaign_of(None) == ("", "")


@pytest.mark.parametrize(
    ("method", "agent", "bot"),
    [
        ("GET", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) Safari/604.1", False),
        ("HEAD", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) Safari/604.1", True),
        ("GET", "", True),
        ("GET", "Googlebot-Image/1.0", True),
        ("GET", "Mozilla/5.0 (compatible; Google-InspectionTool/1.0)", True),
    ],
)
def test_is_bot(method, agent, bot):
    request = factory.generic(method, "/", HTTP_USER_AGENT=agent)
    assert cleaning.is_bot(request) is bot


@pytest.mark.parametrize("padding", [0, cleaning.LINK_LENGTH])
def test_a_long_link_is_read_as_a_short_one_and_each_request_by_its_own(padding):
    """Short referers and queries are remembered, long ones parsed each time: either way each
    request gets its own answer, the same whether it comes first or again."""
    filler = "x" * padding
    first = factory.get(
        f"/?utm_campaign=cxday&utm_source=mail&f={filler}",
        HTTP_REFERER=f"https://t.co/{filler}",
    )
    other = factory.get(
        f"/?utm_campaign=week&f={filler}", HTTP_REFERER=f"https://testserver/{filler}"
    )
    for _twice in range(2):
        assert cleaning.query_tags(first) == ("cxday", "mail")
        assert cleaning.referrer_domain(first) == "t.co"
        assert cleaning.query_tags(other) == ("week", "")
        assert cleaning.referrer_domain(other) == ""
