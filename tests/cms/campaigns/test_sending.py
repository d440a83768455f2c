"""Sending a campaign email to its audience (cms/campaigns/sending.py, segments.py): who gets
it, what the message holds, batches, and never mailing anyone twice."""

import pytest
from django.core import mail
from django.utils import translation

from cms.campaigns import segments, sending
from cms.campaigns.models import CampaignDelivery
from cms.choices import Audience, SubscriptionStatus
from cms.signing.models import PledgeSignature
from tests.factories.nominations import NominationFactory

pytestmark = pytest.mark.django_db

# The demo's confirmed English subscribers (cms/campaigns/demo.py).
DEMO_ENGLISH = {"nominator@demo.test", "amina.reader@demo.test", "kwame.reader@demo.test"}


def send(page, by=None, capture=None):
    with capture(execute=True):
        return sending.start(page, by)


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


class TestAudience:
    def test_everyone_means_the_confirmed_subscribers_of_the_pages_language(
        self, campaign, make_subscriber
    ):
        make_subscriber("french@example.org", language="fr")
        make_subscriber("waiting@example.org", status=SubscriptionStatus.PENDING)
        make_subscriber("gone@example.org", status=SubscriptionStatus.UNSUBSCRIBED)
        assert set(segments.segment(campaign).values_list("email", flat=True)) == DEMO_ENGLISH

    def test_a_country_narrows_it(self, campaign):
        campaign.country = "KE"
        assert list(segments.segment(campaign).values_list("email", flat=True)) == [
            "amina.reader@demo.test"
        ]

    def test_nominators_are_those_whose_address_sent_a_nomination(
        self, campaign, make_subscriber, nominator
    ):
        make_subscriber(nominator.email.upper())  # a nominator who subscribed
        NominationFactory(nominator=nominator)
        campaign.audience = Audience.NOMINATORS
        emails = set(segments.segment(campaign).values_list("email", flat=True))
        assert nominator.email.upper() in emails
        assert "amina.reader@demo.test" not in emails

    def test_signatories_are_those_whose_signature_is_confirmed(
        self, campaign, page_by_slug, make_subscriber
    ):
        make_subscriber("signer@example.org")
        make_subscriber("unconfirmed@example.org")
        pledge = page_by_slug("pledge")
        for email, confirmed in [("signer@example.org", True), ("unconfirmed@example.org", False)]:
            PledgeSignature.objects.create(
                page_key=pledge.translation_key,
                name="A",
                country="KE",
                email=email,
                kind="individual",
                confirmed_at="2026-01-01T00:00Z" if confirmed else None,
            )
        campaign.audience = Audience.SIGNATORIES
        assert list(segments.segment(campaign).values_list("email", flat=True)) == [
            "signer@example.org"
        ]
        campaign.audience = Audience.OTHERS
        others = set(segments.segment(campaign).values_list("email", flat=True))
        assert "unconfirmed@example.org" in others and "signer@example.org" not in others


class TestSending:
    def test_each_subscriber_gets_one_email_with_a_one_click_unsubscribe_and_a_text_part(
        self, campaign, editor, django_capture_on_commit_callbacks
    ):
        send(campaign, editor, django_capture_on_commit_callbacks)
        assert recipients() == sorted(DEMO_ENGLISH)
        message = mail.outbox[0]
        assert message.subject == campaign.subject
        unsubscribe = message.extra_headers["List-Unsubscribe"]
        assert unsubscribe.startswith("<http://testserver/unsubscribe/")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        # The plain-text part reads on its own: the links written out, no markup.
        assert "See the awards (http://testserver/cx-awards/)" in message.body
        assert "<" not in message.body.replace(unsubscribe, "")
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html"
        assert 'href="http://testserver/cx-awards/"' in html
        assert unsubscribe.strip("<>") in html

    def test_a_second_send_mails_no_one(self, campaign, editor, django_capture_on_commit_callbacks):
        send(campaign, editor, django_capture_on_commit_callbacks)
        mail.outbox.clear()
        second = send(campaign, editor, django_capture_on_commit_callbacks)
        assert second.planned == 0
        assert mail.outbox == []

    def test_a_second_send_mails_only_who_subscribed_since(
        self, campaign, editor, make_subscriber, django_capture_on_commit_callbacks
    ):
        send(campaign, editor, django_capture_on_commit_callbacks)
        mail.outbox.clear()
        make_subscriber("newcomer@example.org")
        send(campaign, editor, django_capture_on_commit_callbacks)
        assert recipients() == ["newcomer@example.org"]

    def test_batches_share_the_work_and_mail_everyone_once(
        self, campaign, editor, make_subscriber, settings, django_capture_on_commit_callbacks
    ):
        settings.CAMPAIGN_BATCH_SIZE = 2
        for number in range(4):
            make_subscriber(f"reader{number}@example.org")
        started = send(campaign, editor, django_capture_on_commit_callbacks)
        assert started.planned == 7
        assert len(recipients()) == 7 == len(set(recipients()))
        # A batch run again (a retried task) finds nobody waiting.
        assert sending.send_batch(started.pk) == 0

    def test_a_subscriber_claimed_by_another_batch_is_not_mailed_again(
        self, campaign, editor, django_capture_on_commit_callbacks
    ):
        other = sending.start(campaign, editor)
        claimed = segments.segment(campaign).get(email="amina.reader@demo.test")
        CampaignDelivery.objects.create(page=campaign, subscriber=claimed, send=other)
        send(campaign, editor, django_capture_on_commit_callbacks)
        assert "amina.reader@demo.test" not in recipients()
        assert len(recipients()) == 2

    def test_a_failed_mail_leaves_the_subscriber_waiting_for_the_retry(
        self, campaign, editor, monkeypatch
    ):
        started = sending.start(campaign, editor)

        def refuse(*args, **kwargs):
            raise ConnectionRefusedError("mail server down")

        monkeypatch.setattr(sending.mail, "send_prepared", refuse)
        with pytest.raises(ConnectionRefusedError):
            sending.send_batch(started.pk)
        assert not CampaignDelivery.objects.filter(page=campaign).exists()
        monkeypatch.undo()
        assert sending.send_batch(started.pk) == 3

    def test_the_text_sent_is_the_published_version_not_a_draft(
        self, campaign, editor, django_capture_on_commit_callbacks
    ):
        campaign.subject = "DRAFT subject not published"
        campaign.save_revision()
        send(campaign, editor, django_capture_on_commit_callbacks)
        assert {message.subject for message in mail.outbox} == {
            "Nominations are open for the Public Sector CX Awards"
        }

    def test_a_french_campaign_goes_to_french_subscribers_in_french(
        self, page_by_slug, editor, django_capture_on_commit_callbacks
    ):
        french = page_by_slug("campagne-candidatures-ouvertes", "fr")
        send(french, editor, django_capture_on_commit_callbacks)
        assert recipients() == ["fatou.lectrice@demo.test", "yao.lecteur@demo.test"]
        message = mail.outbox[0]
        assert "/fr/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
        assert "Se désabonner" in message.alternatives[0][0]
        assert 'lang="fr"' in message.alternatives[0][0]


class TestWhatCannotBeSent:
    def test_a_page_still_an_alias_of_the_english_one_is_refused(self, page_by_slug):
        portuguese = page_by_slug("campaign-nominations-open", "pt")
        assert portuguese.alias_of_id
        (problem,) = sending.blocking_problems(portuguese)
        assert "Translate it" in problem

    def test_an_unpublished_page_is_refused(self, campaign):
        campaign.live = False
        assert "Publish it" in sending.blocking_problems(campaign)[0]

    def test_a_batch_of_a_page_unpublished_since_sends_nothing(self, campaign, editor):
        started = sending.start(campaign, editor)
        campaign.unpublish()
        assert sending.send_batch(started.pk) == 0
        assert mail.outbox == []

    def test_a_test_goes_to_the_editor_only_and_claims_no_one(self, campaign, editor):
        with translation.override("en"):
            sending.send_test(campaign, editor)
        (message,) = mail.outbox
        assert message.to == [editor.email]
        assert message.subject.startswith("[Test]")
        assert "List-Unsubscribe" not in message.extra_headers
        assert not CampaignDelivery.objects.exists()
