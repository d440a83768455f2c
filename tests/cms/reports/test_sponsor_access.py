"""The sponsor area: who reaches which report. A sponsor user reaches only their partner's
reports, by the visibility rule of cms/reports/access.py; everyone else signed in gets a 404
on every sponsor URL; anonymous visitors are sent to sign in. The demo sponsor's partner
supports the whole 2026 cycle (CX26) and only "Digital public service" of the 2027 cycle
(CX27)."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.models import Partner
from cms.reports.access import sponsor_scope, sponsored_cycles
from nominations.models import AwardCycle, Category
from tests.factories.accounts import UserFactory
from tests.factories.cms import SponsorMemberFactory
from tests.factories.nominations import AwardCycleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def partner(sponsor):
    return sponsor.sponsor_membership.partner


def categories(code):
    return list(Category.objects.filter(cycle__code=code).order_by("sort_order", "pk"))


def digital(code):
    return Category.objects.get(cycle__code=code, name_en="Digital public service")


def report_urls(code, category=None):
    base = f"/sponsors/{code}/" + (f"{category.pk}/" if category else "")
    return [base + "report.xlsx", base + "report.pdf"]


def allowed_urls():
    urls = report_urls("CX26") + report_urls("CX27", digital("CX27"))
    for category in categories("CX26"):
        urls += report_urls("CX26", category)
    return urls


def forbidden_urls():
    """Reports the demo sponsor may not see, and addresses of reports that do not exist."""
    urls = report_urls("CX27")  # the whole cycle: it supports one category only
    for category in categories("CX27"):
        if category.name_en != "Digital public service":
            urls += report_urls("CX27", category)
    urls += report_urls("CX26", digital("CX27"))  # a category of another cycle
    urls += report_urls("CX27", digital("CX26"))
    urls += report_urls("NOPE") + report_urls("CX26", Category(pk=999_999))
    return urls


def test_the_visibility_rule(partner):
    listed = {item.cycle.code: item for item in sponsored_cycles(partner)}
    assert list(listed) == ["CX27", "CX26"]  # newest first
    assert not listed["CX27"].whole
    assert listed["CX27"].categories == [digital("CX27")]
    assert listed["CX26"].whole
    assert listed["CX26"].categories == categories("CX26")

    assert sponsor_scope(partner, "CX26").category is None
    assert sponsor_scope(partner, "CX27", digital("CX27").pk).category == digital("CX27")


def test_a_partner_without_categories_of_a_cycle_sees_all_of_it(partner):
    partner.categories.clear()
    listed = {item.cycle.code: item for item in sponsored_cycles(partner)}
    assert listed["CX27"].whole and listed["CX27"].categories == categories("CX27")


def test_the_sponsor_downloads_what_the_partner_supports(sponsor_client):
    for url in allowed_urls():
        response = sponsor_client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == (XLSX if url.endswith(".xlsx") else "application/pdf")
        assert response["Content-Disposition"].startswith("attachment; filename=")
        assert "private" in response["Cache-Control"]


def test_everything_else_is_a_404_for_the_sponsor(sponsor_client):
    for url in forbidden_urls():
        assert sponsor_client.get(url).status_code == 404, url


def test_a_cycle_the_partner_does_not_support_is_a_404(sponsor_client):
    now = timezone.now()
    AwardCycleFactory(
        name_en="2028 Awards",
        code="CX28",
        nominations_open_at=now + timedelta(days=300),
        nominations_close_at=now + timedelta(days=400),
    )
    for url in report_urls("CX28"):
        assert sponsor_client.get(url).status_code == 404
    assert "2028 Awards" not in sponsor_client.get("/sponsors/").content.decode()


def test_another_sponsor_sees_only_its_own(client):
    other = Partner.objects.get(name="Listening Drum Research Centre")
    other.cycles.add(AwardCycle.objects.get(code="CX27"))
    user = UserFactory(email="liaison@listening-drum.example")
    SponsorMemberFactory(user=user, partner=other)
    client.force_login(user)
    for url in report_urls("CX27"):
        assert client.get(url).status_code == 200
    for url in report_urls("CX26") + report_urls("CX26", categories("CX26")[0]):
        assert client.get(url).status_code == 404
    page = client.get("/sponsors/").content.decode()
    assert "2027 Awards" in page and "2026 Awards" not in page


def test_users_who_are_not_sponsors_get_404(client):
    for email in ("nominator@demo.test", "judge1@demo.test", "editor@demo.test"):
        client.force_login(get_user_model().objects.get(email=email))
        for url in ["/sponsors/", "/fr/sponsors/", *allowed_urls()[:4]]:
            assert client.get(url).status_code == 404, (email, url)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for url in ["/sponsors/", *allowed_urls()[:2]]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")


def test_reports_are_read_only(sponsor_client):
    assert sponsor_client.post("/sponsors/").status_code == 405
    assert sponsor_client.post(report_urls("CX26")[0]).status_code == 405


def test_the_sponsor_page_lists_exactly_the_allowed_reports(sponsor_client):
    page = sponsor_client.get("/sponsors/").content.decode()
    for url in allowed_urls():
        assert f'href="{url}"' in page
    for url in forbidden_urls():
        assert f'href="{url}"' not in page
    assert "Queue-Free Futures Foundation" in page
    assert "(XLSX)" in page and "(PDF)" in page


def test_the_account_menu_links_to_the_sponsor_area_for_sponsors_only(client, sponsor):
    client.force_login(sponsor)
    assert 'href="/sponsors/"' in client.get("/").content.decode()
    assert 'href="/fr/sponsors/"' in client.get("/fr/").content.decode()
    client.force_login(get_user_model().objects.get(email="nominator@demo.test"))
    assert "/sponsors/" not in client.get("/").content.decode()


def test_the_sponsor_page_in_french(sponsor_client):
    response = sponsor_client.get("/fr/sponsors/")
    assert response.status_code == 200
    assert '<html lang="fr" dir="ltr">' in response.content.decode()
    assert "Service public numérique" in response.content.decode()


def test_query_count_does_not_grow_with_cycles_and_categories(
    sponsor_client, partner, django_assert_max_num_queries
):
    sponsor_client.get("/sponsors/")  # warm caches (menu, site, logo rendition)
    # Session, user, membership, partner, cycles, chosen categories, every category of whole
    # cycles, the account menu's judge profile, site, locale, logo, site settings.
    with django_assert_max_num_queries(12) as captured:
        sponsor_client.get("/sponsors/")
    baseline = len(captured)
    now = timezone.now()
    for year in (2028, 2029, 2030):
        cycle = AwardCycleFactory(
            name_en=f"{year} Awards",
            code=f"CX{year % 100}",
            nominations_open_at=now + timedelta(days=365 * (year - 2027)),
            nominations_close_at=now + timedelta(days=365 * (year - 2027) + 60),
        )
        for n in range(4):
            CategoryFactory(cycle=cycle, name_en=f"Category {n}", name_fr=f"C {n}")
        partner.cycles.add(cycle)
    partner.categories.add(*Category.objects.filter(cycle__code="CX29")[:2])
    sponsor_client.get("/sponsors/")  # the change moved the menu's cache on: warm it again
    with django_assert_max_num_queries(baseline):
        page = sponsor_client.get("/sponsors/").content.decode()
    assert "2030 Awards" in page and page.count("Download the Excel workbook") == 1 + 6 + 5 + 2 + 5
