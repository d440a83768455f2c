"""Two-step verification for the roles that change the awards (judges, editors, administrators,
anyone with admin access): who must set it up and how, signing in with a code from the app or a
recovery code, turning it off, and the administrators' reset (see docs/security.md)."""

import logging

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import Client

from awards_site.accounts.mfa import mfa_required_for
from tests.factories.accounts import UserFactory
from tests.site.accounts.signing_in import (
    PASSWORD,
    SECURITY_LOG,
    demo_user,
    give_mfa,
    messages_text,
    security_records,
    sign_in,
    signed_in,
    totp_code,
)

pytestmark = pytest.mark.django_db


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
