"""Setting sponsors up and the administrators' reports: the partner snippet says which cycles
and categories a partner supports (categories only within its cycles), sponsor users are
added by the email of their account, the partners page shows what each sponsor supports, and
Reports ▸ Cycle reports gives administrators every cycle's full reports."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from openpyxl import load_workbook

from cms.models import Partner, SponsorMember
from nominations.models import AwardCycle, Category
from tests.factories.accounts import PASSWORD, GroupFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-sponsor-password"


def partner_data(**overrides):
    data = {
        "name": "Savannah Service Trust",
        "tier": "silver",
        "country": "KE",
        "website": "",
        "sort_order": "9",
        "logo": "",
        "cycles": [],
        "categories": [],
    }
    data.update(overrides)
    return data


def test_administrators_list_every_cycle_with_full_reports(demo_admin_client):
    response = demo_admin_client.get("/admin/cycle-reports/")
    assert response.status_code == 200
    page = response.content.decode()
    for cycle in AwardCycle.objects.all():
        assert f'href="/admin/cycle-reports/{cycle.pk}/report.xlsx"' in page
        assert f'href="/admin/cycle-reports/{cycle.pk}/report.pdf"' in page
        for category in cycle.categories.all():
            assert f'href="/admin/cycle-reports/{cycle.pk}/{category.pk}/report.pdf"' in page
    assert "Queue-Free Futures Foundation" in page
    assert "Cycle reports" in demo_admin_client.get("/admin/").content.decode()


def test_full_reports_download(demo_admin_client):
    cycle = AwardCycle.objects.get(code="CX27")
    category = cycle.categories.first()
    response = demo_admin_client.get(f"/admin/cycle-reports/{cycle.pk}/report.xlsx")
    assert response.status_code == 200
    assert 'filename="cx-awards-cx27-full-report.xlsx"' in response["Content-Disposition"]
    assert "private" in response["Cache-Control"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert "Contact email" in [cell.value for cell in workbook["Nominations"][1]]
    response = demo_admin_client.get(f"/admin/cycle-reports/{cycle.pk}/{category.pk}/report.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    other = Category.objects.filter(cycle__code="CX26").first()
    for extension in ("xlsx", "pdf"):  # a category of another cycle
        url = f"/admin/cycle-reports/{cycle.pk}/{other.pk}/report.{extension}"
        assert demo_admin_client.get(url).status_code == 404


def test_people_without_the_nominations_permission_are_kept_out(client):
    cycle = AwardCycle.objects.get(code="CX26")
    urls = [
        "/admin/cycle-reports/",
        f"/admin/cycle-reports/{cycle.pk}/report.xlsx",
        f"/admin/cycle-reports/{cycle.pk}/report.pdf",
    ]
    for url in urls:  # anonymous: to the admin's sign-in
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    editor = get_user_model().objects.get(email="editor@demo.test")
    assert not editor.has_perm("nominations.view_nomination")
    for email in ("editor@demo.test", "sponsor@demo.test"):
        client.force_login(get_user_model().objects.get(email=email))
        for url in urls:
            response = client.get(url)
            assert response.status_code in (302, 403), (email, url)
            assert b"Contact email" not in response.content
    client.force_login(editor)
    assert "Cycle reports" not in client.get("/admin/").content.decode()


def test_a_group_with_the_nominations_permission_gets_in(client):
    user = UserFactory(email="awards-officer@example.org")
    group = GroupFactory(name="Awards officers", permissions=["access_admin", "view_nomination"])
    user.groups.add(group)
    client.force_login(user)
    assert client.get("/admin/cycle-reports/").status_code == 200


def test_partner_supports_cycles_and_their_categories(demo_admin_client):
    cx27 = AwardCycle.objects.get(code="CX27")
    cx26 = AwardCycle.objects.get(code="CX26")
    digital27 = cx27.categories.get(name_en="Digital public service")
    digital26 = cx26.categories.get(name_en="Digital public service")
    add = "/admin/snippets/cms/partner/add/"
    form = demo_admin_client.get(add).content.decode()
    assert "CX27 – Digital public service" in form and "CX26 – Digital public service" in form

    response = demo_admin_client.post(
        add, partner_data(cycles=[cx27.pk], categories=[digital27.pk, digital26.pk])
    )
    assert response.status_code == 200
    assert "Tick the cycle of every category chosen" in response.content.decode()
    assert not Partner.objects.filter(name="Savannah Service Trust").exists()

    response = demo_admin_client.post(
        add, partner_data(cycles=[cx27.pk], categories=[digital27.pk])
    )
    assert response.status_code == 302
    partner = Partner.objects.get(name="Savannah Service Trust")
    assert list(partner.cycles.all()) == [cx27]
    assert list(partner.categories.all()) == [digital27]
    demo_admin_client.get(
        "/admin/snippets/cms/partner/"
    )  # shows (and uses up) the "created" message
    listing = demo_admin_client.get(f"/admin/snippets/cms/partner/?cycles={cx26.pk}")
    assert listing.status_code == 200
    assert "Queue-Free Futures Foundation" in listing.content.decode()
    assert "Savannah Service Trust" not in listing.content.decode()


def test_sponsor_users_are_added_by_email(demo_admin_client, django_capture_on_commit_callbacks):
    partner = Partner.objects.get(name="Harmattan Wave Media")
    add = "/admin/snippets/cms/sponsormember/add/"
    response = demo_admin_client.post(
        add, {"email": "sponsor@demo.test", "partner": partner.pk, "language": "en"}
    )
    assert "already belongs to Queue-Free Futures Foundation" in response.content.decode()

    user = UserFactory(email="press@harmattan.example")
    with django_capture_on_commit_callbacks(execute=True):
        response = demo_admin_client.post(
            add, {"email": "PRESS@harmattan.example", "partner": partner.pk, "language": "fr"}
        )
    assert response.status_code == 302
    member = SponsorMember.objects.get(user=user)
    assert member.partner == partner
    user.refresh_from_db()
    assert user.language == "fr"  # the reports come in French
    assert user.check_password(PASSWORD)  # a confirmed address: the account keeps its password
    (message,) = mail.outbox
    assert message.to == ["press@harmattan.example"]
    assert "/fr/accounts/login/?next=%2Ffr%2Fsponsors%2F" in message.body
    listing = demo_admin_client.get("/admin/snippets/cms/sponsormember/").content.decode()
    assert "press@harmattan.example" in listing or str(user) in listing
    edit = demo_admin_client.get(f"/admin/snippets/cms/sponsormember/edit/{member.pk}/")
    assert 'value="press@harmattan.example"' in edit.content.decode()


def test_a_sponsor_user_without_an_account_gets_one_and_a_link_to_choose_a_password(
    demo_admin_client, client, django_capture_on_commit_callbacks
):
    partner = Partner.objects.get(name="Harmattan Wave Media")
    with django_capture_on_commit_callbacks(execute=True):
        response = demo_admin_client.post(
            "/admin/snippets/cms/sponsormember/add/",
            {"email": "new.reader@harmattan.example", "partner": partner.pk, "language": "en"},
        )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="new.reader@harmattan.example")
    assert not user.has_usable_password()
    assert SponsorMember.objects.get(user=user).partner == partner
    (message,) = mail.outbox
    link = re.search(r"http://testserver(/\S+)", message.body).group(1)
    assert "/accounts/password/reset/key/" in link
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    client.post("/accounts/login/", {"login": user.email, "password": NEW_PASSWORD})
    assert client.get("/sponsors/").status_code == 200


def test_the_partners_page_shows_what_sponsors_support(client):
    page = client.get("/partners/").content.decode()
    assert "What our sponsors support" in page
    section = page[page.index("What our sponsors support") :]
    assert "Queue-Free Futures Foundation" in section
    assert "2027 Awards: Digital public service" in section
    assert "2026 Awards (every category)" in section
    french = client.get("/fr/partenaires/").content.decode()
    assert "Service public numérique" in french
