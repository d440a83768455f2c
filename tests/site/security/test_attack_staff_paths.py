"""Attacks on the side paths staff have (issue 13, section 4), as someone with the source code and
a staff account (an editor) or a stolen administrator's session would try them: the Django
admin and its third-party screens, password and address changes outside the account pages,
admin actions, log-out addresses that do not log out, and the headers a page is scored on.
docs/security.md ("Side paths for staff") says what each guard is.

Each test fails on the code before the guard it names (checked by removing the guard)."""

import logging
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from taggit.models import Tag

from tests.factories.accounts import EmailAddressFactory
from tests.site.security import observatory_rules

pytestmark = pytest.mark.django_db

SECURITY_LOG = "awards_site.security"
ADMIN = "admin@demo.test"
EDITOR = "editor@demo.test"


def user(email):
    return get_user_model().objects.get(email=email)


def browser(email=None, *, reauthenticated=False):
    """A client signed in through the log-in page (as a person is), optionally having just
    confirmed it is them."""
    client = Client(raise_request_exception=False)
    if email:
        client.post("/accounts/login/", {"login": email, "password": settings.DEMO_PASSWORD})
        assert "_auth_user_id" in client.session, email
        if reauthenticated:
            client.post("/accounts/reauthenticate/", {"password": settings.DEMO_PASSWORD})
    return client


def security_lines(caplog, event):
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == SECURITY_LOG and record.getMessage().startswith(event)
    ]


# The Django admin ------------------------------------------------------------------------------
def test_an_editor_cannot_merge_tags_in_the_django_admin():
    """Guard: the Django admin for superusers only, without taggit's Tag (before: its merge view
    checked no more than the staff flag, which editors have)."""
    Tag.objects.create(name="budget")
    editor = browser(EDITOR)
    response = editor.post("/django-admin/taggit/tag/merge-tags/", {"new_tag_name": "pwned"})
    assert response.status_code in (302, 404)
    assert not Tag.objects.filter(name="pwned").exists()
    assert editor.get("/django-admin/")["Location"].startswith("/django-admin/login/")


def test_nobody_marks_an_address_verified_in_the_django_admin():
    """Guard: allauth's EmailAddress not registered (before: its "mark as verified" action
    confirmed an address without its owner's code)."""
    squatted = get_user_model().objects.create_user(email="judge-to-be@example.org")
    address = EmailAddressFactory(user=squatted, email=squatted.email, verified=False)
    admin = browser(ADMIN)
    admin.post(
        "/django-admin/account/emailaddress/",
        {"action": "make_verified", "_selected_action": [str(address.pk)]},
    )
    address.refresh_from_db()
    assert not address.verified


def test_the_django_admin_password_change_is_the_account_pages_one():
    """Guard: /django-admin/password_change/ sends to Account security (before: a stolen session
    changed the password there, without the rate limit or the security log)."""
    admin = browser(ADMIN)
    assert admin.get("/django-admin/password_change/")["Location"] == "/accounts/password/change/"
    admin.post(
        "/django-admin/password_change/",
        {
            "old_password": settings.DEMO_PASSWORD,
            "new_password1": "taken over passphrase",
            "new_password2": "taken over passphrase",
        },
    )
    assert user(ADMIN).check_password(settings.DEMO_PASSWORD)


# Wagtail's users screens -------------------------------------------------------------------------
def edit_data(client, target, **changes):
    form = client.get(f"/admin/users/edit/{target.pk}/").context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value in (None, False):
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else value
    data.update(changes)
    return data


def test_an_administrator_cannot_set_someone_elses_password_or_address():
    """Guard: WAGTAILUSERS_PASSWORD_ENABLED off and the address read-only (before: Settings ▸
    Users changed both, so a stolen administrator's session took any account over)."""
    judge = user("judge1@demo.test")
    admin = browser(ADMIN, reauthenticated=True)
    data = edit_data(
        admin,
        judge,
        email="attacker@evil.example",
        password1="taken over passphrase",
        password2="taken over passphrase",
    )
    response = admin.post(f"/admin/users/edit/{judge.pk}/", data)
    assert response.status_code == 302
    judge.refresh_from_db()
    assert judge.email == "judge1@demo.test"
    assert judge.check_password(settings.DEMO_PASSWORD)


def test_a_user_added_in_the_admin_chooses_their_own_password(django_capture_on_commit_callbacks):
    """Nobody but the person knows their password: the new account has none until the emailed
    link is used, and its group counts from then on."""
    admin = browser(ADMIN, reauthenticated=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            "/admin/users/new/",
            {
                "email": "new.editor@awards.example",
                "first_name": "New",
                "last_name": "Editor",
                "groups": [str(Group.objects.get(name="Editors").pk)],
            },
        )
    assert response.status_code == 302, response.context and response.context["form"].errors
    new = user("new.editor@awards.example")
    assert not new.has_usable_password()
    (message,) = [m for m in mail.outbox if m.to == ["new.editor@awards.example"]]
    link = re.search(r"http://testserver(/\S+)", message.body).group(1)
    person = Client()
    form_url = person.get(link, follow=True).redirect_chain[-1][0]
    person.post(form_url, {"password1": "my own passphrase", "password2": "my own passphrase"})
    person.post("/accounts/login/", {"login": new.email, "password": "my own passphrase"})
    assert person.get("/admin/").status_code == 200


def test_changing_an_account_asks_the_administrator_to_confirm_and_is_logged(caplog):
    """Guard: the re-authentication of awards_site/accounts/users_admin.py (before: a stolen
    session made
    anyone an administrator at once) and its security-log line."""
    caplog.set_level(logging.INFO, logger=SECURITY_LOG)
    nominator = user("nominator@demo.test")
    admin = browser(ADMIN)  # signed in, but not confirmed within the last five minutes
    data = edit_data(admin, nominator, is_superuser="on")
    response = admin.post(f"/admin/users/edit/{nominator.pk}/", data)
    assert response["Location"].startswith("/accounts/reauthenticate/")
    nominator.refresh_from_db()
    assert not nominator.is_superuser
    # Confirming resumes the change, and the security log says who did what.
    admin.post(response["Location"], {"password": settings.DEMO_PASSWORD})
    nominator.refresh_from_db()
    assert nominator.is_superuser
    (line,) = security_lines(caplog, "user.changed_by_admin")
    assert f"user={nominator.pk}" in line and f"by={user(ADMIN).pk}" in line
    assert "is_superuser=True" in line


def test_bulk_actions_on_accounts_ask_for_the_same_confirmation():
    """Guard: the before_bulk_action hook (before: "assign role" gave a group at once)."""
    nominator = user("nominator@demo.test")
    editors = Group.objects.get(name="Editors")
    admin = browser(ADMIN)
    response = admin.post(
        f"/admin/bulk/awards_site/user/assign_role/?id={nominator.pk}", {"role": editors.pk}
    )
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert not nominator.groups.filter(pk=editors.pk).exists()


def test_an_editor_cannot_make_themselves_an_administrator():
    editor = user(EDITOR)
    administrators, _ = Group.objects.get_or_create(name="Administrators")
    client = browser(EDITOR, reauthenticated=True)
    client.post(
        f"/admin/bulk/awards_site/user/assign_role/?id={editor.pk}", {"role": administrators.pk}
    )
    client.post(f"/admin/users/edit/{editor.pk}/", {"email": EDITOR, "is_superuser": "on"})
    editor.refresh_from_db()
    assert not editor.is_superuser
    assert not editor.groups.filter(pk=administrators.pk).exists()


# Log-out: one behaviour -----------------------------------------------------------------------
LOG_OUT_ADDRESSES = ["/accounts/logout/", "/admin/logout/", "/django-admin/logout/"]


@pytest.mark.parametrize("address", LOG_OUT_ADDRESSES)
def test_a_get_of_a_log_out_address_changes_nothing(address):
    """Guard: /admin/logout/ and /django-admin/logout/ are the site's (before: Wagtail's answered
    a GET with a 405 and a cleared cookie, while the session went on working for whoever held
    it: the person believed they were signed out)."""
    client = browser(ADMIN)
    key = client.session.session_key
    response = client.get(address)
    cookie = response.cookies.get(settings.SESSION_COOKIE_NAME)
    assert cookie is None or cookie.value == key  # the browser keeps its session
    assert Session.objects.filter(session_key=key).exists()
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("address", LOG_OUT_ADDRESSES)
def test_a_post_to_a_log_out_address_ends_the_session_on_the_server(address):
    client = browser(ADMIN)
    key = client.session.session_key
    response = client.post(address)
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=key).exists()
    # Whoever kept the old cookie is signed out too.
    stolen = Client()
    stolen.cookies[settings.SESSION_COOKIE_NAME] = key
    assert stolen.get("/admin/")["Location"].startswith("/admin/login/")


# Headers --------------------------------------------------------------------------------------
PAGES = ["/", "/pledge/", "/accounts/login/", "/no-such-page/", "/admin/", "/django-admin/"]


@pytest.mark.parametrize("path", PAGES)
def test_permissions_policy_turns_off_what_the_site_does_not_use(path):
    """Guard: the Permissions-Policy of awards_site/security/policy.py (before: none, so an injected
    script or a framed page could ask for the camera, the microphone, the location…)."""
    client = browser(ADMIN) if path.startswith(("/admin/", "/django-admin/")) else Client()
    response = client.get(path)
    policy = dict(
        part.strip().split("=", 1) for part in response.headers["Permissions-Policy"].split(",")
    )
    for feature in ["camera", "microphone", "geolocation", "payment", "usb", "fullscreen"]:
        assert policy[feature] == "()", (path, feature)
    assert policy["clipboard-write"] == "(self)"  # the admin's copy buttons


@pytest.fixture
def production_headers(settings):
    """The header settings of awards_site/settings/production.py."""
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.LANGUAGE_COOKIE_SECURE = True
    settings.CSRF_COOKIE_HTTPONLY = True


@pytest.mark.parametrize("path", ["/", "/fr/", "/pledge/", "/open-letter/", "/accounts/login/"])
def test_public_pages_score_a_plus_on_the_observatory_rules(production_headers, path):
    response = Client().get(path, secure=True)
    assert response.status_code == 200
    scan = observatory_rules.scan(response)
    assert (scan.grade, scan.score >= 115) == ("A+", True), scan.results


def test_the_admin_scores_b_plus_for_its_inline_scripts(production_headers):
    """docs/security.md records this grade: 'unsafe-inline' in the admin's script-src (Wagtail
    8 needs it) costs 20 points, and the bonuses only count from 90."""
    client = browser(ADMIN)
    scan = observatory_rules.scan(client.get("/admin/", secure=True))
    assert scan.results["content-security-policy"] == "csp-implemented-with-unsafe-inline"
    assert (scan.grade, scan.score) == ("B+", 80), scan.results
