"""News subscriptions in a person's data rights (docs/privacy.md): an address is the person's
when it is one of their account's verified addresses (cms/privacy.py). The archive shows the
subscription with the consent given; erasure deletes it, with the record of which campaigns
were sent to it."""

from cms.campaigns.models import Subscriber
from cms.privacy import matching, verified_addresses
from nominations.privacy.archive import PersonalDataSection


def _subscriptions(user):
    return matching(Subscriber.objects.all(), "email", verified_addresses(user))


def personal_data_sections(user):
    """The "personal_data_sections" hook."""
    return [
        PersonalDataSection(
            "news_subscriptions",
            [
                {
                    "email": subscriber.email,
                    "language": subscriber.language,
                    "country": subscriber.country,
                    "status": subscriber.status,
                    "subscribed_through": subscriber.source,
                    "consent": subscriber.consent_wording,
                    "consented_at": subscriber.consented_at,
                    "confirmed_at": subscriber.confirmed_at,
                    "unsubscribed_at": subscriber.unsubscribed_at,
                }
                for subscriber in _subscriptions(user).order_by("consented_at")
            ],
        )
    ]


def erase_personal_data(user, deletion_request):
    """The "erase_personal_data" hook."""
    return {
        "news_subscriptions_deleted": _subscriptions(user)
        .delete()[1]
        .get(Subscriber._meta.label, 0)
    }
