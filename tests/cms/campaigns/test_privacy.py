"""News subscriptions in a person's data rights: the archive shows them with the consent given,
erasure deletes them (cms/campaigns/privacy.py); signing with "send me the news" subscribes
once the signature is confirmed."""

import pytest
from allauth.account.models import EmailAddress

from cms.campaigns import privacy
from cms.campaigns.models import Subscriber
from cms.choices import SubscriptionSource, SubscriptionStatus
from tests.cms.signing.confirmation import confirm
from tests.pages import form_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def verified(nominator):
    EmailAddress.objects.update_or_create(
        user=nominator, email=nominator.email, defaults={"verified": True}
    )
    return nominator


def test_the_archive_holds_the_subscription_and_its_consent(verified, make_subscriber):
    make_subscriber(verified.email)
    (section,) = privacy.personal_data_sections(verified)
    (entry,) = section.data
    assert entry["email"] == verified.email and entry["consent"] == "I agree."


def test_erasure_deletes_the_subscription(verified, make_subscriber):
    make_subscriber(verified.email)
    make_subscriber("someone.else@example.org")
    assert privacy.erase_personal_data(verified, None) == {"news_subscriptions_deleted": 1}
    assert list(
        Subscriber.objects.filter(email__endswith="example.org").values_list("email", flat=True)
    ) == ["someone.else@example.org"]


def test_an_unverified_address_neither_shows_nor_erases_a_subscription(nominator, make_subscriber):
    EmailAddress.objects.filter(user=nominator).update(verified=False)
    make_subscriber(nominator.email)
    (section,) = privacy.personal_data_sections(nominator)
    assert section.data == []
    privacy.erase_personal_data(nominator, None)
    assert Subscriber.objects.filter(email=nominator.email).exists()


class TestSigningWithTheNews:
    def sign(self, client, wants_news):
        data = {
            "kind": "individual",
            "name": "Kofi Mensah",
            "country": "GH",
            "email": "kofi@example.org",
            "wants_news": "on" if wants_news else "",
        }
        client.post(form_action("/fr/engagement/"), data)

    def test_the_news_starts_when_the_signature_is_confirmed(self, client, page_by_slug):
        from cms.signing.models import PledgeSignature

        self.sign(client, wants_news=True)
        assert not Subscriber.objects.filter(email="kofi@example.org").exists()
        confirm(PledgeSignature, "kofi@example.org")
        subscriber = Subscriber.objects.get(email="kofi@example.org")
        assert subscriber.status == SubscriptionStatus.CONFIRMED
        assert subscriber.source == SubscriptionSource.PLEDGE
        assert (subscriber.language, subscriber.country) == ("fr", "GH")
        assert "actualités" in subscriber.consent_wording  # the box, as it was read

    def test_no_box_no_news(self, client):
        from cms.signing.models import PledgeSignature

        self.sign(client, wants_news=False)
        confirm(PledgeSignature, "kofi@example.org")
        assert not Subscriber.objects.filter(email="kofi@example.org").exists()
