"""Every email carries the site's name and the address people reach (SITE_URL), never a
framework default ("Hello from 127.0.0.1!", "example.com") or the address a request came in on:
account emails (confirmation, password reset, "account already exists", unknown account), the
nomination's emails, a judge's invitation and reminder."""

import re

import pytest
from allauth.account.adapter import get_adapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.core import mail
from django.test import Client, RequestFactory, override_settings

from judging.panel.invitations import invite
from nominations.choices import NominationStatus
from nominations.tasks import send_eligibility_decision, send_submission_confirmation
from tests.factories.accounts import UserFactory
from tests.nominations.wizard.driver import Wizard

pytestmark = pytest.mark.django_db

SITE = "https://awards.example.org"
FORBIDDEN = ("127.0.0.1", "example.com", "localhost", "testserver", "[::1]")
PUBLIC = override_settings(
    SITE_URL=SITE,
    WAGTAILADMIN_BASE_URL=SITE,
    # What production derives from SITE_URL (tests/site/test_settings.py).
    DEFAULT_FROM_EMAIL="CX Awards <awards@awards.example.org>",
)


def every_text(message):
    texts = [message.subject, message.body, message.from_email]
    texts += [content for content, _type in getattr(message, "alternatives", [])]
    return "\n".join(texts)


def assert_site_address_only(messages, expected):
    assert len(messages) >= expected, [message.subject for message in messages]
    for message in messages:
        text = every_text(message)
        for word in FORBIDDEN:
            assert word not in text, (message.subject, word, text)
        links = re.findall(r"https?://[^\s\"'<>]+", text)
        assert links, message.subject
        assert all(link.startswith(SITE + "/") for link in links), (message.subject, links)


@PUBLIC
def test_account_emails_use_the_site_address(client):
    """Sign-up and its confirmation, "you already have an account", a password reset and a
    reset for an address without an account, requested from hosts that are not the public one."""
    client = Client(HTTP_HOST="127.0.0.1")
    client.post(
        "/accounts/signup/", {"email": "new.person@example.org", "password1": "a-long-enough-pw-9"}
    )
    # "You already have an account": sent by allauth when enumeration prevention is on (a
    # sign-up with a taken address); asked of the adapter directly, in a request from 127.0.0.1.
    request = RequestFactory(HTTP_HOST="127.0.0.1").post("/accounts/signup/")
    with allauth_context.request_context(request):
        get_adapter().send_account_already_exists_mail("nominator@demo.test")
    Client(HTTP_HOST="localhost").post(
        "/accounts/password/reset/", {"email": "nominator@demo.test"}
    )
    Client(HTTP_HOST="localhost").post("/accounts/password/reset/", {"email": "nobody@example.org"})
    subjects = [message.subject for message in mail.outbox]
    assert len(mail.outbox) == 4, subjects
    assert_site_address_only(mail.outbox, 4)
    assert subjects == [
        "[CX Awards] Confirm your email address",
        "[CX Awards] You already have an account",
        "[CX Awards] Choose a new password",
        "[CX Awards] No account uses this address",
    ]
    bodies = "\n".join(message.body for message in mail.outbox)
    # The address is confirmed with a code typed in the same browser, not a link.
    assert re.search(r"^[A-Z0-9]{3,}-?[A-Z0-9]{3,}$", mail.outbox[0].body, re.MULTILINE)
    assert f"{SITE}/accounts/password/reset/key/" in bodies
    assert "Africa Public Sector CX Awards" in bodies
    assert "Hello from" not in bodies


@PUBLIC
def test_nomination_emails_use_the_site_address(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="sender@example.org")
    client.force_login(user)
    wizard = Wizard(client)
    wizard.start()
    wizard.complete_all()
    with django_capture_on_commit_callbacks(execute=True):
        assert wizard.submit().status_code == 302
    nomination = wizard.nomination
    client.post(f"/my-nominations/{nomination.uuid}/resend-confirmation/")
    nomination.status = NominationStatus.ELIGIBLE
    nomination.save()
    send_eligibility_decision.enqueue(nomination.pk)
    send_submission_confirmation.enqueue(nomination.pk)
    assert_site_address_only(mail.outbox, 4)
    assert f"{SITE}/my-nominations/{nomination.uuid}/" in mail.outbox[0].body


@PUBLIC
def test_a_judge_invitation_uses_the_site_address(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite("new.judge@example.org", first_name="Esi")
    assert_site_address_only(mail.outbox, 1)
    assert f"{SITE}/judging/" in mail.outbox[0].body


def test_the_check_fails_on_a_default_address():
    """The check above can fail: with the test settings' own address it finds it."""
    message = mail.EmailMessage("Subject", f"Open {settings.SITE_URL}/nominate/", to=["a@b.org"])
    with pytest.raises(AssertionError):
        assert_site_address_only([message], 1)
