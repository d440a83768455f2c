"""The admins' log-in pages: Wagtail's and Django's go through the site's own log-in (and its
two-step verification), their own password pages are off, and nobody loops between them."""

import pytest

from tests.site.accounts.signing_in import demo_user, give_mfa, signed_in, totp_code

pytestmark = pytest.mark.django_db


# The admins' log-in pages --------------------------------------------------------------------
def test_wagtail_admin_log_in_goes_through_the_site_log_in(client, demo_password):
    response = client.get("/admin/")
    assert response["Location"] == "/admin/login/?next=/admin/"
    response = client.get(response["Location"])
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"
    # A password posted to the old form signs nobody in.
    response = client.post(
        "/admin/login/", {"username": "editor@demo.test", "password": demo_password}
    )
    assert response.status_code == 302 and not signed_in(client)
    # Django's admin and Wagtail's private-page log-in go the same way.
    assert client.get("/django-admin/login/?next=/django-admin/")["Location"] == (
        "/accounts/login/?next=%2Fdjango-admin%2F"
    )
    assert client.get("/_util/login/?next=/news/")["Location"] == "/accounts/login/?next=%2Fnews%2F"
    # Off-site targets are ignored.
    assert client.get("/admin/login/?next=https://evil.example/")["Location"] == (
        "/accounts/login/?next=%2Fadmin%2F"
    )


def test_the_admins_own_password_pages_are_off(admin_client, client):
    assert client.get("/admin/password_reset/").status_code == 404
    page = admin_client.get("/admin/account/")
    assert page.status_code == 200
    assert 'href="/accounts/2fa/"' in page.content.decode()


def test_wagtail_admin_log_in_asks_for_the_code(client, mfa_on, demo_password):
    secret, _ = give_mfa(demo_user("editor@demo.test"))
    login_url = client.get("/admin/login/?next=/admin/")["Location"]
    response = client.post(login_url, {"login": "editor@demo.test", "password": demo_password})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_signed_in_people_without_admin_access_do_not_loop(client):
    client.force_login(demo_user("nominator@demo.test"))
    assert client.get("/admin/login/?next=/admin/")["Location"] == "/"
    client.force_login(demo_user("editor@demo.test"))
    assert client.get("/admin/login/?next=/admin/pages/")["Location"] == "/admin/pages/"
