"""Session limits (30 minutes without activity for staff, two hours for nominators and judges,
12 hours however active) and ending sessions: log-out, everywhere, the sessions page,
deactivated accounts (see docs/security.md, "Sessions")."""

import logging

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.test import Client

from tests.site.accounts.signing_in import (
    SECURITY_LOG,
    demo_user,
    later,
    security_records,
    sign_in,
    signed_in,
)

pytestmark = pytest.mark.django_db


# Session limits ------------------------------------------------------------------------------
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


def test_judges_have_two_hours_to_score_an_entry(client):
    # Judges use two-step verification but read and score for long stretches: the shorter
    # limit is for the admin only, so a judge's typing is not lost after 30 minutes.
    client.force_login(demo_user("judge1@demo.test"))
    with later(100 * 60):
        assert client.get("/judging/").status_code == 200
    with later(100 * 60 + 121 * 60):
        client.get("/judging/")
    assert not signed_in(client)


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
