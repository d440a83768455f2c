"""Subscribing to the news as a visitor does: the form, the emailed link, the confirmation page,
and leaving with one click (cms/campaigns/subscribing.py)."""

import json
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone

from cms.campaigns import subscribing
from cms.campaigns.models import Subscriber
from cms.choices import SubscriptionStatus
from tests.cms.campaigns.conftest import emailed_links

pytestmark = pytest.mark.django_db

ADDRESS = "reader@example.org"


def subscribe(client, url="/subscribe/", **overrides):
    data = {"email": ADDRESS, "language": "en", "country": "SN", "consent": "on", **overrides}
    return client.post(url, data)


def test_a_request_waits_for_its_confirmation_and_keeps_the_consent_given(client):
    response = subscribe(client, url="/fr/subscribe/", email="  Reader@Example.org ", language="fr")
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Consultez votre messagerie" in page.content.decode()
    subscriber = Subscriber.objects.get(email=ADDRESS)
    assert subscriber.status == SubscriptionStatus.PENDING
    assert (subscriber.language, subscriber.country) == ("fr", "SN")
    # The wording agreed to, in the language it was read in, and when.
    assert "actualités du programme" in subscriber.consent_wording
    assert timezone.now() - subscriber.consented_at < timedelta(minutes=1)
    (message,) = mail.outbox
    assert message.to == [ADDRESS]
    assert "/fr/subscribe/confirm/" in message.body


def test_the_consent_kept_is_the_wording_the_visitor_read(client):
    subscribe(client, language="fr")  # on the English page, news in French
    assert Subscriber.objects.get(email=ADDRESS).consent_wording.startswith("I agree")


def test_following_the_link_only_asks_and_the_button_confirms(client):
    subscribe(client)
    (link,) = emailed_links(ADDRESS)
    page = client.get(link)  # what a mail scanner does
    assert "Confirm my subscription" in page.content.decode()
    assert Subscriber.objects.get(email=ADDRESS).status == SubscriptionStatus.PENDING
    client.post(link)
    subscriber = Subscriber.objects.get(email=ADDRESS)
    assert subscriber.status == SubscriptionStatus.CONFIRMED
    assert subscriber.confirmed_at is not None


def test_the_form_says_what_to_do_and_keeps_what_was_typed(client):
    response = subscribe(client, consent="", email="reader@example")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Tick the box to agree to receive the news" in content
    assert "Enter an email address in the right format" in content
    assert 'value="reader@example"' in content
    assert not Subscriber.objects.filter(email__startswith="reader@").exists()
    assert not mail.outbox


def test_a_subscribed_address_is_told_by_email_and_the_form_answers_the_same(client):
    subscribe(client)
    client.post(emailed_links(ADDRESS)[0])
    mail.outbox.clear()
    response = subscribe(client, language="fr", country="")
    assert response.status_code == 302  # the same answer as for a new address
    (message,) = mail.outbox
    assert "already" in message.subject
    subscriber = Subscriber.objects.get(email=ADDRESS)
    # Nobody changes someone else's subscription by typing their address.
    assert (subscriber.language, subscriber.country) == ("en", "SN")


def test_asking_again_voids_the_earlier_link(client):
    subscribe(client)
    subscribe(client, country="KE")
    first, second = emailed_links(ADDRESS)
    assert "does not work" in client.get(first).content.decode()
    client.post(first)
    assert Subscriber.objects.get(email=ADDRESS).status == SubscriptionStatus.PENDING
    client.post(second)
    assert Subscriber.objects.get(email=ADDRESS).status == SubscriptionStatus.CONFIRMED
    assert Subscriber.objects.get(email=ADDRESS).country == "KE"


def test_a_link_past_its_window_does_not_confirm(client, settings):
    subscribe(client)
    (link,) = emailed_links(ADDRESS)
    Subscriber.objects.filter(email=ADDRESS).update(
        consented_at=timezone.now() - timedelta(days=settings.CONFIRMATION_WINDOW_DAYS + 1)
    )
    # The link is signed over the consent's time: an older request is another request.
    client.post(link)
    assert Subscriber.objects.get(email=ADDRESS).status == SubscriptionStatus.PENDING


def test_requests_never_confirmed_are_removed_after_the_window(client, settings):
    subscribe(client)
    later = timezone.now() + timedelta(days=settings.CONFIRMATION_WINDOW_DAYS, minutes=1)
    before = subscribing.remove_unconfirmed(dry_run=True)[1]
    assert subscribing.remove_unconfirmed(now=later, dry_run=True)[1] == before + 1
    subscribing.remove_unconfirmed(now=later)
    assert not Subscriber.objects.filter(email=ADDRESS).exists()
    # Confirmed subscriptions stay, however old.
    assert Subscriber.objects.filter(email="amina.reader@demo.test").exists()


def test_a_bot_filling_the_honeypot_gets_the_same_answer_and_stores_nothing(client):
    response = subscribe(client, website_address="http://spam.example")
    assert response.status_code == 302
    assert not Subscriber.objects.filter(email=ADDRESS).exists() and not mail.outbox


def test_nobody_floods_a_strangers_mailbox_from_many_networks(client, settings):
    """The attack: the same address typed again and again, each time from another network (so
    the per-network limit of public forms never trips)."""
    for number in range(6):
        response = client.post(
            "/subscribe/",
            {"email": ADDRESS, "language": "en", "consent": "on"},
            REMOTE_ADDR=f"198.51.100.{number + 1}",
        )
        assert response.status_code == 302  # the same answer every time
    assert len(mail.outbox) == 3  # MAILBOX_RATE, 3 an hour


def test_a_signed_in_nominator_finds_their_address_filled_in(nominator_client, nominator):
    content = nominator_client.get("/subscribe/").content.decode()
    assert f'value="{nominator.email}"' in content


class TestUnsubscribing:
    @pytest.fixture
    def subscriber(self, make_subscriber):
        return make_subscriber(ADDRESS)

    def test_the_mail_programs_one_click_post_unsubscribes_without_a_csrf_token(self, subscriber):
        # RFC 8058: the mail program POSTs this body to the List-Unsubscribe address.
        client = Client(enforce_csrf_checks=True)
        url = subscribing.unsubscribe_url(subscriber).removeprefix("http://testserver")
        response = client.post(url, {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 200
        subscriber.refresh_from_db()
        assert subscriber.status == SubscriptionStatus.UNSUBSCRIBED
        assert subscriber.unsubscribed_at is not None

    def test_opening_the_link_only_asks(self, client, subscriber):
        url = subscribing.unsubscribe_url(subscriber).removeprefix("http://testserver")
        assert "Stop sending" in client.get(url).content.decode()
        subscriber.refresh_from_db()
        assert subscriber.status == SubscriptionStatus.CONFIRMED

    def test_the_link_keeps_working_on_an_old_email(self, client, subscriber):
        url = subscribing.unsubscribe_url(subscriber).removeprefix("http://testserver")
        Subscriber.objects.filter(pk=subscriber.pk).update(
            consented_at=timezone.now() - timedelta(days=900)
        )
        client.post(url)
        subscriber.refresh_from_db()
        assert subscriber.status == SubscriptionStatus.UNSUBSCRIBED

    def test_an_attacker_cannot_unsubscribe_someone_else_by_changing_the_number(
        self, client, subscriber, make_subscriber
    ):
        victim = make_subscriber("victim@example.org")
        token = subscribing.unsubscribe_token(subscriber)
        # Their own link's value with the victim's number (and the digest of the victim's
        # address, which the source code tells how to make), under their own link's signature.
        forged_value = [victim.pk, subscribing._digest(victim.email)]
        payload = signing.b64_encode(json.dumps(forged_value, separators=(",", ":")).encode())
        forged = payload.decode() + token[token.index(":") :]
        # Or signed with a key of their own, since they do not know the site's.
        self_signed = signing.dumps(forged_value, salt=subscribing.UNSUBSCRIBE_SALT, key="guess")
        for attempt in (forged, self_signed):
            response = client.post(f"/unsubscribe/{attempt}/")
            assert "does not work" in response.content.decode()
        victim.refresh_from_db()
        assert victim.status == SubscriptionStatus.CONFIRMED

    def test_a_confirmation_link_cannot_unsubscribe_nor_the_reverse(self, client, subscriber):
        confirm_token = subscribing.confirmation_token(subscriber)
        assert "does not work" in client.post(f"/unsubscribe/{confirm_token}/").content.decode()
        subscriber.refresh_from_db()
        assert subscriber.status == SubscriptionStatus.CONFIRMED
