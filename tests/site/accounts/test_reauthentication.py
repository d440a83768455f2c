"""Re-authentication before sensitive changes: another email address, the primary address, the
password, two-step verification (see docs/security.md)."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from tests.factories.accounts import EmailAddressFactory, UserFactory
from tests.site.accounts.signing_in import (
    PASSWORD,
    demo_user,
    emailed_code,
    give_mfa,
    later,
    sign_in,
    totp_code,
)

pytestmark = pytest.mark.django_db


# Re-authentication ---------------------------------------------------------------------------
def test_adding_an_email_address_asks_for_the_password_first(client):
    UserFactory(email="ama@example.org", password=PASSWORD)
    sign_in(client, "ama@example.org", PASSWORD)
    response = client.post("/accounts/email/", {"action_add": "", "email": "ama@work.example"})
    assert response["Location"] == "/accounts/reauthenticate/?next=%2Faccounts%2Femail%2F"
    assert not EmailAddress.objects.filter(email="ama@work.example").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Confirm it is you" in page
    wrong = client.post(response["Location"], {"password": "not the password"})
    assert wrong.status_code == 200
    assert not EmailAddress.objects.filter(email="ama@work.example").exists()
    response = client.post(response["Location"], {"password": PASSWORD})
    # The new address is added once the code emailed to it is typed, in this browser.
    assert response["Location"] == "/accounts/confirm-email/"
    assert not EmailAddress.objects.filter(email="ama@work.example").exists()
    (message,) = [message for message in mail.outbox if message.to == ["ama@work.example"]]
    client.post("/accounts/confirm-email/", {"code": emailed_code(message)})
    assert EmailAddress.objects.get(email="ama@work.example").verified
    # Within five minutes the next change goes through; after that it asks again.
    response = client.post("/accounts/email/", {"action_add": "", "email": "ama@home.example"})
    assert response["Location"] == "/accounts/confirm-email/"
    with later(6 * 60):
        response = client.post("/accounts/email/", {"action_add": "", "email": "a@b.example"})
    assert response["Location"].startswith("/accounts/reauthenticate/")


def test_changing_the_primary_email_asks_for_the_password_first(client):
    user = UserFactory(email="kofi@example.org", password=PASSWORD)
    EmailAddressFactory(user=user, email="kofi@work.example", verified=True)
    sign_in(client, "kofi@example.org", PASSWORD)
    response = client.post("/accounts/email/", {"action_primary": "", "email": "kofi@work.example"})
    assert response["Location"].startswith("/accounts/reauthenticate/")
    user.refresh_from_db()
    assert user.email == "kofi@example.org"


def test_changing_the_password_needs_the_current_one(client):
    user = UserFactory(email="efua@example.org", password=PASSWORD)
    sign_in(client, "efua@example.org", PASSWORD)
    new = "another sensible passphrase"
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": "a wrong guess", "password1": new, "password2": new},
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    response = client.post(
        "/accounts/password/change/", {"oldpassword": PASSWORD, "password1": new, "password2": new}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)


def test_adding_and_removing_two_step_verification_asks_to_confirm(client, demo_password):
    sign_in(client, "nominator@demo.test", demo_password)
    response = client.get("/accounts/2fa/totp/activate/")
    assert response["Location"] == (
        "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
    )
    secret, _ = give_mfa(demo_user("nominator@demo.test"))
    for path in ["/accounts/2fa/totp/deactivate/", "/accounts/2fa/recovery-codes/generate/"]:
        assert client.get(path)["Location"].startswith("/accounts/reauthenticate/"), path
    # With an app, a code confirms too.
    page = client.get("/accounts/reauthenticate/?next=/accounts/2fa/totp/deactivate/")
    assert "/accounts/2fa/reauthenticate/" in page.content.decode()
    response = client.post(
        "/accounts/2fa/reauthenticate/?next=/accounts/2fa/totp/deactivate/",
        {"code": totp_code(secret)},
    )
    assert response["Location"] == "/accounts/2fa/totp/deactivate/"
    assert client.get("/accounts/2fa/totp/deactivate/").status_code == 200
