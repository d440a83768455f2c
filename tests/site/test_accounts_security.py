"""Accounts you can trust: two-step verification for the roles that change the awards, session
limits, ending sessions, re-authentication before sensitive changes, and rate limits on the
forms people sign in and write with (see docs/security.md)."""

import logging
import re
import time

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from allauth.usersessions.models import UserSession
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client

from awards_site.accounts.mfa import mfa_required_for
from tests.factories.accounts import EmailAddressFactory, UserFactory

pytestmark = pytest.mark.django_db

SECURITY_LOG = "awards_site.security"
PASSWORD = "a sensible passphrase"


# Helpers -------------------------------------------------------------------------------------
def demo_user(email):
    return get_user_model().objects.get(email=email)


def totp_code(secret, offset=0):
    return format_hotp_value(hotp_value(secret, int(time.time() + offset) // 30))


def give_mfa(user):
    """An authenticator app and recovery codes, as after the set-up; returns both secrets."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    codes = RecoveryCodes.activate(user).generate_codes()
    return secret, codes


def sign_in(client, email, password, next_url=None, **extra):
    url = "/accounts/login/" + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"login": email, "password": password}, **extra)


def emailed_code(message):
    """The verification code in an email of allauth's (a line of its own, like KXT-BMR)."""
    return re.search(r"^([A-Z0-9]{3,}-?[A-Z0-9]{3,})$", message.body, re.MULTILINE).group(1)


def signed_in(client):
    return "_auth_user_id" in client.session


def messages_text(response):
    return " ".join(str(message) for message in response.context["messages"])


def security_records(caplog, event=None):
    return [
        record
        for record in caplog.records
        if record.name == SECURITY_LOG and (event is None or record.getMessage().startswith(event))
    ]


@pytest.fixture
def mfa_on(settings):
    settings.MFA_REQUIRED_FOR_ROLES = True


@pytest.fixture
def demo_password(settings):
    return settings.DEMO_PASSWORD


# Who must use two-step verification ----------------------------------------------------------
def test_the_rule_names_judges_editors_administrators_and_admin_users():
    assert mfa_required_for(demo_user("judge1@demo.test"))
    assert mfa_required_for(demo_user("editor@demo.test"))
    assert mfa_required_for(demo_user("admin@demo.test"))
    assert mfa_required_for(
        UserFactory(email="chair@awards.example", password=PASSWORD, groups=["Administrators"])
    )
    wagtail_user = UserFactory(email="helper@awards.example", password=PASSWORD)
    wagtail_user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert mfa_required_for(get_user_model().objects.get(pk=wagtail_user.pk))
    assert not mfa_required_for(demo_user("nominator@demo.test"))
    assert not mfa_required_for(demo_user("sponsor@demo.test"))


@pytest.mark.parametrize(
    "email, page",
    [
        ("judge1@demo.test", "/judging/"),
        ("editor@demo.test", "/admin/"),
        ("admin@demo.test", "/admin/"),
        ("admin@demo.test", "/my-nominations/"),
    ],
)
def test_staff_roles_are_sent_to_set_up_two_step_verification(
    client, mfa_on, demo_password, email, page
):
    response = sign_in(client, email, demo_password)
    assert response.status_code == 302 and signed_in(client)
    response = client.get(page)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    # The activation asks for the password first, and the message says why and what to do.
    response = client.get(response["Location"], follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/reauthenticate/")
    text = messages_text(response)
    assert "must protect their account with two-step verification" in text
    assert "authenticator app" in text


def test_a_member_of_the_administrators_group_must_set_it_up(client, mfa_on):
    UserFactory(email="chair@awards.example", password=PASSWORD, groups=["Administrators"])
    sign_in(client, "chair@awards.example", PASSWORD)
    assert client.get("/my-nominations/")["Location"] == "/accounts/2fa/totp/activate/"


def test_only_setup_email_and_sign_out_stay_open_until_it_is_set_up(client, mfa_on, demo_password):
    sign_in(client, "judge1@demo.test", demo_password)
    for path in ["/accounts/2fa/", "/accounts/email/", "/accounts/logout/", "/fr/accounts/2fa/"]:
        assert client.get(path).status_code == 200, path
    for path in ["/", "/judging/", "/admin/", "/accounts/sessions/", "/django-admin/"]:
        assert client.get(path)["Location"] == "/accounts/2fa/totp/activate/", path


def test_nominators_may_go_on_without_it_and_may_turn_it_on(client, mfa_on, demo_password):
    sign_in(client, "nominator@demo.test", demo_password)
    assert client.get("/my-nominations/").status_code == 200
    page = client.get("/accounts/2fa/")
    assert page.status_code == 200
    assert "Set up an authenticator app" in page.content.decode()


def test_the_rule_is_off_unless_enabled(client, demo_password):
    sign_in(client, "judge1@demo.test", demo_password)
    assert client.get("/judging/").status_code == 200


def test_setting_up_the_app_shows_the_qr_code_and_the_recovery_codes(
    client, mfa_on, demo_password, django_capture_on_commit_callbacks
):
    judge = demo_user("judge1@demo.test")
    sign_in(client, "judge1@demo.test", demo_password)
    response = client.get("/judging/", follow=True)
    # Confirm the password, then the set-up page.
    reauthenticate_url = response.redirect_chain[-1][0]
    response = client.post(reauthenticate_url, {"password": demo_password}, follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/2fa/totp/activate/"
    html = response.content.decode()
    assert 'src="data:image/svg+xml;base64,' in html
    secret = response.context["form"].secret
    assert f'id="totp-secret">{secret}</code>' in html
    assert "<script>" not in html  # no inline script (the Content Security Policy forbids it)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]

    wrong = client.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    assert wrong.status_code == 200 and "Incorrect code" in wrong.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response["Location"] == "/accounts/2fa/recovery-codes/"
    assert Authenticator.objects.filter(user=judge, type="totp").exists()
    page = client.get("/accounts/2fa/recovery-codes/").content.decode()
    codes = RecoveryCodes(Authenticator.objects.get(user=judge, type="recovery_codes"))
    assert all(code in page for code in codes.get_unused_codes())
    assert len(codes.get_unused_codes()) == 10
    # Back where the judge was going, and free to go on.
    assert 'href="/judging/"' in page
    assert client.get("/judging/").status_code == 200


# Signing in with a code ----------------------------------------------------------------------
def test_a_totp_code_completes_the_log_in(client, mfa_on, demo_password, caplog):
    caplog.set_level(logging.INFO, logger=SECURITY_LOG)
    secret, _ = give_mfa(demo_user("admin@demo.test"))
    response = sign_in(client, "admin@demo.test", demo_password, next_url="/admin/")
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert not signed_in(client)
    page = client.get("/accounts/2fa/authenticate/").content.decode()
    assert "authenticator app" in page and "recovery codes" in page
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "123456"})
    assert "Incorrect code" in wrong.content.decode() and not signed_in(client)
    assert security_records(caplog, "mfa.failed")
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response["Location"] == "/admin/"
    assert signed_in(client)
    assert client.get("/admin/").status_code == 200
    assert security_records(caplog, "mfa.used")


def test_a_recovery_code_works_once(client, demo_password):
    _, codes = give_mfa(demo_user("judge2@demo.test"))
    sign_in(client, "judge2@demo.test", demo_password)
    response = client.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert response.status_code == 302 and signed_in(client)
    client.post("/accounts/logout/")
    assert not signed_in(client)
    sign_in(client, "judge2@demo.test", demo_password)
    response = client.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert response.status_code == 200 and "Incorrect code" in response.content.decode()
    assert not signed_in(client)
    response = client.post("/accounts/2fa/authenticate/", {"code": codes[1]})
    assert response.status_code == 302 and signed_in(client)


def test_a_session_that_skipped_the_code_is_asked_for_one(client, mfa_on):
    """A log-in path that would skip the second step (here force_login) gets no further."""
    admin = demo_user("admin@demo.test")
    secret, _ = give_mfa(admin)
    client.force_login(admin)
    response = client.get("/admin/pages/")
    assert response["Location"] == "/accounts/2fa/reauthenticate/?next=%2Fadmin%2Fpages%2F"
    response = client.post(response["Location"], {"code": totp_code(secret)})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_turning_it_off_sends_a_judge_back_to_the_set_up(client, mfa_on, demo_password):
    secret, _ = give_mfa(demo_user("judge1@demo.test"))
    sign_in(client, "judge1@demo.test", demo_password)
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    response = client.get("/accounts/2fa/totp/deactivate/")
    assert response["Location"].startswith("/accounts/reauthenticate/")
    client.post(response["Location"], {"password": demo_password})
    assert client.post("/accounts/2fa/totp/deactivate/")["Location"] == "/accounts/2fa/"
    assert not Authenticator.objects.filter(user__email="judge1@demo.test").exists()
    assert client.get("/judging/")["Location"] == "/accounts/2fa/totp/activate/"


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


# Session limits ------------------------------------------------------------------------------
def later(seconds):
    return time_machine.travel(time.time() + seconds, tick=False)


def test_staff_are_signed_out_after_30_minutes_without_activity(client, caplog):
    caplog.set_level(logging.INFO, logger=SECURITY_LOG)
    client.force_login(demo_user("editor@demo.test"))
    with later(29 * 60):
        assert client.get("/my-nominations/").status_code == 200
    with later(29 * 60 + 30 * 60 + 5):
        response = client.get("/my-nominations/", follow=True)
    assert not signed_in(client)
    assert response.redirect_chain[-1][0].startswith("/accounts/login/")
    assert "no activity for 30 minutes" in response.content.decode()
    assert security_records(caplog, "session.expired")


def test_nominators_have_two_hours(client):
    client.force_login(demo_user("nominator@demo.test"))
    with later(110 * 60):
        assert client.get("/my-nominations/").status_code == 200
    with later(110 * 60 + 119 * 60):
        assert client.get("/my-nominations/").status_code == 200
    with later(110 * 60 + 119 * 60 + 121 * 60):
        response = client.get("/my-nominations/", follow=True)
    assert not signed_in(client)
    assert "no activity for 120 minutes" in response.content.decode()


def test_a_session_lasts_12_hours_however_active(client):
    client.force_login(demo_user("nominator@demo.test"))
    for hour in range(1, 12):
        with later(hour * 3600):
            assert client.get("/my-nominations/").status_code == 200, hour
    with later(12 * 3600 + 60):
        response = client.get("/my-nominations/", follow=True)
    assert not signed_in(client)
    assert "signed in more than 12 hours ago" in response.content.decode()


def test_every_log_in_starts_a_new_clock(client):
    client.force_login(demo_user("nominator@demo.test"))
    with later(13 * 3600):
        client.force_login(demo_user("nominator@demo.test"))
        assert client.get("/my-nominations/").status_code == 200


def test_an_expired_wizard_page_keeps_what_was_typed(client):
    """The session ends before the view runs, so the nomination wizard sees an anonymous post
    and keeps the input for after the log-in, as for any ended session."""
    nominator = demo_user("nominator@demo.test")
    client.force_login(nominator)
    client.post("/nominate/")
    nomination = nominator.nominations.filter(status="draft").order_by("-pk").first()
    url = f"/nominate/{nomination.uuid}/contact/"
    with later(121 * 60):
        response = client.post(url, {"contact-contact_name": "Typed before the timeout"})
    assert response["Location"].startswith("/accounts/login/")
    assert client.session["awards_site:pending-input"]["path"] == url


# Ending sessions -----------------------------------------------------------------------------
def live_sessions(user):
    return [
        session
        for session in Session.objects.all()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]


def test_log_out_ends_the_session(client, demo_password):
    nominator = demo_user("nominator@demo.test")
    sign_in(client, "nominator@demo.test", demo_password)
    key = client.session.session_key
    assert UserSession.objects.filter(session_key=key).exists()
    client.post("/accounts/logout/")
    assert not Session.objects.filter(session_key=key).exists()
    assert not UserSession.objects.filter(session_key=key).exists()
    assert live_sessions(nominator) == []


def test_log_out_can_end_every_session(demo_password, caplog):
    caplog.set_level(logging.INFO, logger=SECURITY_LOG)
    nominator = demo_user("nominator@demo.test")
    laptop, phone, tablet = Client(), Client(), Client()
    for device in (laptop, phone):
        sign_in(device, "nominator@demo.test", demo_password)
    tablet.force_login(nominator)  # a session allauth does not list
    assert "Also sign out on every other device" in laptop.get("/accounts/logout/").content.decode()
    laptop.post("/accounts/logout/", {"everywhere": "1"})
    assert live_sessions(nominator) == []
    for device in (phone, tablet):
        assert device.get("/my-nominations/")["Location"].startswith("/accounts/login/")
    assert (
        "count=2 reason=sign_out_everywhere"
        in security_records(caplog, "sessions.ended")[0].getMessage()
    )


def test_the_sessions_page_lists_and_ends_the_others(demo_password):
    laptop, phone = Client(), Client()
    for device in (laptop, phone):
        sign_in(device, "nominator@demo.test", demo_password)
    page = laptop.get("/accounts/sessions/").content.decode()
    assert page.count("<tr>") == 3  # the heading and two sessions
    assert "This browser" in page
    laptop.post("/accounts/sessions/")
    assert phone.get("/my-nominations/").status_code == 302
    assert laptop.get("/my-nominations/").status_code == 200


def test_deactivating_an_account_ends_all_its_sessions_at_once(demo_password, caplog):
    caplog.set_level(logging.INFO, logger=SECURITY_LOG)
    judge = demo_user("judge3@demo.test")
    first, second = Client(), Client()
    sign_in(first, "judge3@demo.test", demo_password)
    second.force_login(judge)
    assert len(live_sessions(judge)) == 2
    judge.last_name = "Renamed"
    judge.save()
    assert len(live_sessions(judge)) == 2  # any other change keeps them
    judge.is_active = False
    judge.save()
    assert live_sessions(judge) == []
    assert not UserSession.objects.filter(user=judge).exists()
    for device in (first, second):
        assert not signed_in(device)
        assert device.get("/judging/")["Location"].startswith("/accounts/login/")
    assert security_records(caplog, "sessions.ended")


def test_deactivating_in_the_wagtail_admin_ends_the_sessions(admin_client, demo_password):
    nominator = demo_user("nominator@demo.test")
    device = Client()
    sign_in(device, "nominator@demo.test", demo_password)
    url = f"/admin/users/edit/{nominator.pk}/"
    form = admin_client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if name == "is_active" or value in (None, False):
            continue
        data[name] = [str(item) for item in value] if isinstance(value, list | tuple) else value
    response = admin_client.post(url, data)
    # Changing an account in the admin asks the administrator to confirm it is them first
    # (awards_site/accounts/users_admin.py); the change goes through after it.
    assert response["Location"].startswith("/accounts/reauthenticate/")
    nominator.refresh_from_db()
    assert nominator.is_active
    # pytest-django's admin_client signs in as admin@example.com, password "password".
    response = admin_client.post(response["Location"], {"password": "password"})
    assert response.status_code == 302
    nominator.refresh_from_db()
    assert not nominator.is_active
    assert live_sessions(nominator) == []
    assert not signed_in(device)


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
    for number in range(10):
        response = client.post(
            "/pledge/",
            {
                "kind": "individual",
                "name": f"Signer {number}",
                "country": "GH",
                "email": f"signer{number}@example.org",
            },
        )
        assert response.status_code == 302, number
    response = client.post(
        "/pledge/",
        {"kind": "individual", "name": "One more", "country": "GH", "email": "more@example.org"},
    )
    assert response.status_code == 429


def test_behind_a_proxy_each_visitor_has_their_own_limits(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.PUBLIC_FORM_RATE = "1/h"
    proxy = {"REMOTE_ADDR": "10.0.0.1"}

    def sign(number, visitor):
        return client.post(
            "/pledge/",
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


# Administrators' tools -----------------------------------------------------------------------
def test_reset_mfa_removes_the_app_and_ends_the_sessions(demo_password, caplog, capsys):
    caplog.set_level(logging.INFO, logger=SECURITY_LOG)
    judge = demo_user("judge1@demo.test")
    secret, _ = give_mfa(judge)
    device = Client()
    sign_in(device, "judge1@demo.test", demo_password)
    device.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert signed_in(device)
    call_command("reset_mfa", "JUDGE1@demo.test", "--reason", "ticket 42")
    assert not Authenticator.objects.filter(user=judge).exists()
    assert not signed_in(device)
    assert "Removed two-step verification (recovery_codes, totp)" in capsys.readouterr().out
    (record,) = security_records(caplog, "mfa.reset_by_operator")
    assert "ticket 42" in record.getMessage() and record.levelno == logging.WARNING
    with pytest.raises(CommandError, match="No user"):
        call_command("reset_mfa", "nobody@example.org")


def test_judges_have_two_hours_to_score_an_entry(client):
    # Judges use two-step verification but read and score for long stretches: the shorter
    # limit is for the admin only, so a judge's typing is not lost after 30 minutes.
    client.force_login(demo_user("judge1@demo.test"))
    with later(100 * 60):
        assert client.get("/judging/").status_code == 200
    with later(100 * 60 + 121 * 60):
        client.get("/judging/")
    assert not signed_in(client)
