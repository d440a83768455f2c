"""Rate limits on the forms people sign in and write with, and the security log of failed and
slowed attempts (see docs/security.md)."""

import logging

import pytest
from django.contrib.auth import get_user_model

from tests.pages import form_action
from tests.site.accounts.signing_in import (
    PASSWORD,
    SECURITY_LOG,
    demo_user,
    give_mfa,
    later,
    security_records,
    sign_in,
    signed_in,
    totp_code,
)

pytestmark = pytest.mark.django_db


# Rate limits and the security log ------------------------------------------------------------
def test_failed_log_ins_are_slowed_and_logged(client, demo_password, caplog):
    caplog.set_level(logging.INFO, logger=SECURITY_LOG)
    for _ in range(5):
        response = sign_in(client, "nominator@demo.test", "wrong password")
        assert response.status_code == 200
    response = sign_in(client, "nominator@demo.test", demo_password)
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert not signed_in(client)
    failed = security_records(caplog, "login.failed")
    assert len(failed) == 5
    assert all(record.levelno == logging.WARNING for record in failed)
    assert "'nominator@demo.test'" in failed[0].getMessage()
    assert "wrong password" not in caplog.text
    assert len(security_records(caplog, "login.rate_limited")) == 1
    # Five minutes later the account can sign in again.
    with later(5 * 60 + 1):
        assert sign_in(client, "nominator@demo.test", demo_password).status_code == 302
        assert signed_in(client)


def test_one_address_cannot_try_many_accounts_quickly(client):
    for number in range(10):
        sign_in(client, f"guess{number}@example.org", "wrong password")
    response = sign_in(client, "someone.else@example.org", "wrong password")
    assert "Too many failed login attempts" in response.content.decode()


def test_wrong_codes_are_slowed_and_logged(client, demo_password, caplog):
    caplog.set_level(logging.INFO, logger=SECURITY_LOG)
    secret, _ = give_mfa(demo_user("judge2@demo.test"))
    sign_in(client, "judge2@demo.test", demo_password)
    for _ in range(5):
        client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status_code == 200 and not signed_in(client)
    assert len(security_records(caplog, "mfa.failed")) == 5


def test_sign_ups_are_rate_limited(client, caplog):
    caplog.set_level(logging.INFO, logger=SECURITY_LOG)
    for number in range(20):
        client.post(
            "/accounts/signup/", {"email": f"new{number}@example.org", "password1": PASSWORD}
        )
    response = client.post(
        "/accounts/signup/", {"email": "one.more@example.org", "password1": PASSWORD}
    )
    assert response.status_code == 429
    assert "too many attempts" in response.content.decode()
    assert not get_user_model().objects.filter(email="one.more@example.org").exists()
    assert security_records(caplog, "rate_limited path=/accounts/signup/")


def test_password_reset_requests_are_rate_limited(client):
    for _ in range(5):
        response = client.post("/accounts/password/reset/", {"email": "nominator@demo.test"})
        assert response.status_code == 302
    response = client.post("/accounts/password/reset/", {"email": "nominator@demo.test"})
    assert response.status_code == 429


def test_the_pledge_is_rate_limited(client, settings):
    assert settings.PUBLIC_FORM_RATE == "10/h"
    pledge = form_action("/pledge/")
    for number in range(10):
        response = client.post(
            pledge,
            {
                "kind": "individual",
                "name": f"Signer {number}",
                "country": "GH",
                "email": f"signer{number}@example.org",
            },
        )
        assert response.status_code == 302, number
    response = client.post(
        pledge,
        {"kind": "individual", "name": "One more", "country": "GH", "email": "more@example.org"},
    )
    assert response.status_code == 429


def test_behind_a_proxy_each_visitor_has_their_own_limits(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.PUBLIC_FORM_RATE = "1/h"
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    pledge = form_action("/pledge/")

    def sign(number, visitor):
        return client.post(
            pledge,
            {
                "kind": "individual",
                "name": f"Signer {number}",
                "country": "GH",
                "email": f"signer{number}@example.org",
            },
            HTTP_X_FORWARDED_FOR=visitor,
            **proxy,
        )

    assert sign(1, "198.51.100.7").status_code == 302
    assert sign(2, "198.51.100.7").status_code == 429
    assert sign(3, "203.0.113.9").status_code == 302  # another visitor, same proxy

    def guess(visitor, number):
        return sign_in(
            client, f"guess{number}@example.org", "wrong", HTTP_X_FORWARDED_FOR=visitor, **proxy
        )

    for number in range(10):
        guess("198.51.100.7", number)
    assert "Too many failed login attempts" in guess("198.51.100.7", 10).content.decode()
    assert "Too many failed login attempts" not in guess("203.0.113.9", 11).content.decode()


def test_the_partner_enquiry_is_rate_limited(client):
    url = "/partners/become-a-partner/"
    data = {
        "full_name": "Chinedu Okafor",
        "organisation": "Lagos Service Trust",
        "email_address": "chinedu@example.org",
        "type_of_enquiry": "Sponsorship",
        "message": "We would like to sponsor the CX Day in Lagos.",
    }
    for number in range(10):
        assert client.post(url, data).status_code == 200, number
    assert client.post(url, data).status_code == 429
