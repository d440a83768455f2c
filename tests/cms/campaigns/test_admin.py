"""The editors' screens: "Send to subscribers" on a campaign page, and the news subscribers'
list with the download of the consenting ones. As the demo's editor (not a superuser), and as
people who must not get in."""

import csv
import io

import pytest
from django.core import mail
from django.urls import reverse

from cms.campaigns.models import CampaignDelivery, Subscriber
from cms.choices import SubscriptionStatus

pytestmark = pytest.mark.django_db


def send_url(page):
    return reverse("cms_campaign_send", args=[page.pk])


class TestSendScreen:
    def test_the_editor_sees_who_it_goes_to_and_sends_it(self, client, editor, campaign):
        client.force_login(editor)
        content = client.get(send_url(campaign)).content.decode()
        assert "Send to 3 subscribers" in content
        response = client.post(send_url(campaign), {"action": "send"}, follow=True)
        assert "Sending to 3 subscribers" in response.content.decode()
        assert len(mail.outbox) == 3
        # Pressing it again sends nothing, and says why.
        mail.outbox.clear()
        again = client.post(send_url(campaign), {"action": "send"}, follow=True)
        assert "Nothing was sent" in again.content.decode()
        assert mail.outbox == []

    def test_the_editor_sends_a_test_to_themselves(self, client, editor, campaign):
        client.force_login(editor)
        client.post(send_url(campaign), {"action": "test"})
        (message,) = mail.outbox
        assert message.to == [editor.email]
        assert not CampaignDelivery.objects.exists()

    def test_the_page_menu_offers_the_screen(self, client, editor, campaign):
        client.force_login(editor)
        content = client.get(reverse("wagtailadmin_pages:edit", args=[campaign.pk])).content
        assert send_url(campaign).encode() in content

    def test_an_untranslated_copy_cannot_be_sent(self, client, editor, page_by_slug):
        client.force_login(editor)
        alias = page_by_slug("campaign-nominations-open", "pt")
        response = client.post(send_url(alias), {"action": "send"}, follow=True)
        assert "Translate it" in response.content.decode()
        assert mail.outbox == []

    @pytest.mark.parametrize("who", ["nominator", "sponsor"])
    def test_people_who_may_not_publish_it_cannot_send_it(self, client, campaign, request, who):
        # A signed-in account with the source code in hand posts to the screen directly.
        client.force_login(request.getfixturevalue(who))
        response = client.post(send_url(campaign), {"action": "send"})
        assert response.status_code in (302, 403)
        assert mail.outbox == [] and not CampaignDelivery.objects.exists()

    def test_a_judge_with_admin_access_cannot_send_it(self, client, campaign, django_user_model):
        judge = django_user_model.objects.get(email="judge1@demo.test")
        client.force_login(judge)
        response = client.post(send_url(campaign), {"action": "send"})
        assert response.status_code in (302, 403)
        assert mail.outbox == []


class TestSubscribersList:
    url = "/admin/news_subscribers/"

    def test_the_editor_lists_and_filters_them(self, client, editor):
        client.force_login(editor)
        content = client.get(self.url, {"status": "pending"}).content.decode()
        assert "waiting.reader@demo.test" in content
        assert "amina.reader@demo.test" not in content

    def test_the_download_holds_only_consenting_subscribers_with_safe_cells(
        self, client, editor, make_subscriber
    ):
        # A valid address that a spreadsheet would read as a formula.
        make_subscriber("=2+5@example.org")
        client.force_login(editor)
        response = client.get(self.url, {"export": "csv"})
        rows = list(
            csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
        )
        emails = [row[0] for row in rows[1:]]
        assert "'=2+5@example.org" in emails
        assert "amina.reader@demo.test" in emails
        assert "waiting.reader@demo.test" not in emails  # never confirmed
        assert "former.reader@demo.test" not in emails  # unsubscribed
        assert len(emails) == Subscriber.objects.filter(status=SubscriptionStatus.CONFIRMED).count()

    def test_nobody_adds_a_subscription_in_the_admin(self, client, editor, demo_admin):
        for user in (editor, demo_admin):
            client.force_login(user)
            assert client.get(self.url + "new/").status_code in (302, 403)

    @pytest.mark.parametrize("who", ["nominator", "sponsor"])
    def test_others_cannot_read_the_list_or_its_download(self, client, request, who):
        client.force_login(request.getfixturevalue(who))
        for params in ({}, {"export": "csv"}):
            response = client.get(self.url, params)
            assert response.status_code in (302, 403)
            assert b"amina.reader@demo.test" not in getattr(response, "content", b"")
