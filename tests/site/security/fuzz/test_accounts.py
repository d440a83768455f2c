"""allauth's forms under hostile input: sign-up, log-in, the password reset request and the new
password from the emailed link; and the "send the link again" button's way back."""

import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from hypothesis import example, given

from tests.factories.accounts import UserFactory
from tests.site.security.fuzz.checks import (
    FUZZ,
    answered,
    one_example,
    refused_with_message,
    row_counts,
    signed_in,
    typed,
)
from tests.site.security.fuzz.strategies import hostile_value, last, mutated

pytestmark = pytest.mark.django_db


# Sign-up, log-in and password reset (allauth) -----------------------------------------------
SIGN_UP = {"email": "fuzz.signup@example.org", "password1": "a-long-enough-password"}


@FUZZ
@given(data=mutated(SIGN_UP))
@example(data={**SIGN_UP, "password1": "a-long-enough-\x00password"})
@example(data={**SIGN_UP, "email": "fuzz.signup@example.orgمرحبا"})  # no ASCII form
@example(data={**SIGN_UP, "email": "a" * 250 + "@example.org"})  # longer than the column
@example(data={**SIGN_UP, "email": '"\x01"@example.org'})  # Django allows it between quotes
def test_sign_up(data):
    User = get_user_model()
    with one_example():
        before = row_counts(User, EmailAddress)
        response = Client().post("/accounts/signup/", data)
        if response.status_code == 302:
            email = typed(data["email"]).lower()
            user = User.objects.get(email=email)
            assert user.check_password(last(data["password1"]))
            assert row_counts(User, EmailAddress) == [count + 1 for count in before]
        else:
            refused_with_message(response)
            assert row_counts(User, EmailAddress) == before


LOG_IN = {
    "login": "nominator@demo.test",
    "password": django_settings.DEMO_PASSWORD,
    "remember": "on",
}


@FUZZ
@given(data=mutated(LOG_IN))
@example(data={**LOG_IN, "login": "nominator@demo.test\x00"})
def test_log_in(data):
    with one_example():
        client = Client()
        response = client.post("/accounts/login/", data)
        if response.status_code == 302:
            assert typed(data["login"]).lower() == "nominator@demo.test"
            assert last(data["password"]) == django_settings.DEMO_PASSWORD
            assert "_auth_user_id" in client.session
        else:
            refused_with_message(response)
            assert "_auth_user_id" not in client.session


@FUZZ
@given(data=mutated({"email": "nominator@demo.test"}))
@example(data={"email": "someone@exampleمرحبا.org"})
def test_password_reset_request(data):
    with one_example():
        response = Client().post("/accounts/password/reset/", data)
        if response.status_code == 302:
            # Known or not, the address gets one email (nothing tells a stranger which it is).
            assert [message.to for message in mail.outbox] == [[typed(data["email"]).lower()]]
        else:
            refused_with_message(response)
            assert not mail.outbox


RESET_LINK = re.compile(r"http://testserver(/accounts/password/reset/key/\S+/)")


@pytest.fixture
def reset_user(db):
    return UserFactory(email="fuzz.reset@example.org")


@FUZZ
@given(data=mutated({"password1": "a-new-long-password", "password2": "a-new-long-password"}))
def test_password_reset_from_key(reset_user, data):
    with one_example():
        client = Client()
        client.post("/accounts/password/reset/", {"email": reset_user.email})
        link = RESET_LINK.search(mail.outbox[-1].body).group(1)
        form_url = answered(client.get(link), 302)["Location"]
        response = client.post(form_url, data)
        reset_user.refresh_from_db()
        if response.status_code == 302:
            assert last(data["password1"]) == last(data["password2"])
            assert reset_user.check_password(last(data["password1"]))
        else:
            refused_with_message(response)
            assert reset_user.check_password("a-long-enough-password")


@pytest.fixture
def unconfirmed_person(db):
    return UserFactory(email="fuzz.unconfirmed@example.org", verified=False)


@FUZZ
@given(next_url=hostile_value)
@example(next_url="https://evil.example/")
@example(next_url="javascript:alert(1)")
def test_resend_confirmation_returns_to_this_site(unconfirmed_person, next_url):
    """The "send the link again" button goes back to the page it was on, never elsewhere."""
    with one_example():
        response = signed_in(unconfirmed_person).post(
            "/account/resend-confirmation/", {"next": next_url}
        )
        target = urlsplit(answered(response, 302)["Location"])
        assert target.scheme == "" and target.netloc == "", response["Location"]
        assert len(mail.outbox) == 1
