"""What the site says about the current cycle, and the accounts nominators use."""

import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from nominations.models import AwardCycle, CycleState
from tests.nominations.wizard.driver import Wizard

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "moment, state, text, call_to_action",
    [
        ("before", CycleState.NOT_OPEN_YET, "Not yet open: nominations open on", False),
        ("during", CycleState.OPEN, "Open until", True),
        ("after", CycleState.CLOSED, "Nominations are closed.", False),
    ],
)
def test_home_and_awards_pages_show_the_cycle_state(
    client, cycle, moment, state, text, call_to_action
):
    when = {
        "before": cycle.nominations_open_at - timezone.timedelta(days=1),
        "during": cycle.nominations_open_at + timezone.timedelta(days=1),
        "after": cycle.nominations_close_at + timezone.timedelta(days=1),
    }[moment]
    with time_machine.travel(when):
        assert cycle.state() == state
        for url in ("/", "/cx-awards/"):
            html = client.get(url).content.decode()
            assert text in html, url
            assert ('href="/nominate/"' in html) is call_to_action, url
        html_fr = client.get("/fr/").content.decode()
        assert ('href="/fr/nominate/"' in html_fr) is call_to_action


def test_only_one_current_cycle(cycle):
    other = AwardCycle.objects.create(
        name_en="2028 Awards",
        code="CX28",
        nominations_open_at=cycle.nominations_close_at,
        nominations_close_at=cycle.nominations_close_at + timezone.timedelta(days=90),
        is_current=True,
    )
    cycle.refresh_from_db()
    assert not cycle.is_current and AwardCycle.objects.current() == other


def test_sign_up_asks_for_the_emailed_code_before_anything_else(client, cycle):
    response = client.post(
        "/accounts/signup/",
        {"email": "new.person@example.org", "password1": "a sensible passphrase"},
    )
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session  # not signed in before the code
    assert client.post("/nominate/")["Location"].startswith("/accounts/login/")
    (message,) = [message for message in mail.outbox if "new.person@example.org" in message.to]
    code = re.search(r"^([A-Z0-9]{3,}-?[A-Z0-9]{3,})$", message.body, re.MULTILINE).group(1)
    response = client.post("/accounts/confirm-email/", {"code": code})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    wizard = Wizard(client)
    wizard.start()
    wizard.complete_all()
    wizard.submit()
    assert wizard.nomination.status == "submitted"


def test_weak_passwords_are_refused_with_a_reason(client):
    html = client.post(
        "/accounts/signup/", {"email": "weak@example.org", "password1": "password"}
    ).content.decode()
    assert "This password is too short" in html or "too common" in html
    assert 'value="weak@example.org"' in html


def test_password_reset_sends_a_link(client):
    client.post("/accounts/password/reset/", {"email": "nominator@demo.test"})
    assert any("nominator@demo.test" in message.to for message in mail.outbox)


def test_failed_logins_are_limited(client, settings):
    for _ in range(5):
        client.post("/accounts/login/", {"login": "nominator@demo.test", "password": "wrong"})
    response = client.post(
        "/accounts/login/", {"login": "nominator@demo.test", "password": settings.DEMO_PASSWORD}
    )
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_the_cycle_is_named_in_the_language_of_the_page(client, cycle):
    """The demo cycle is "2027 Awards" in English and "Prix 2027" in French, on the home page
    and the nomination start page; a cycle without a French name shows its English one."""
    assert (cycle.name_en, cycle.name_fr) == ("2027 Awards", "Prix 2027")
    for url in ("/", "/nominate/"):
        english = client.get(url).content.decode()
        assert "2027 Awards" in english and "Prix 2027" not in english, url
    for url in ("/fr/", "/fr/nominate/"):
        french = client.get(url).content.decode()
        assert "Prix 2027" in french and "2027 Awards" not in french, url
    cycle.name_fr = ""
    cycle.save()
    assert "2027 Awards" in client.get("/fr/nominate/").content.decode()


def test_administrators_name_a_cycle_in_both_languages(admin_client, cycle):
    page = admin_client.get(reverse("awardcycle:edit", args=[cycle.pk])).content.decode()
    assert 'name="name_en"' in page and 'name="name_fr"' in page
    listing = admin_client.get(reverse("awardcycle:index")).content.decode()
    assert "2027 Awards" in listing and "Prix 2027" in listing
