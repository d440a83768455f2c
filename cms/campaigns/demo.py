"""The demo's news subscribers: a few confirmed in English and French (the demo nominator among
them, so the "who have nominated" audience has someone), one waiting for confirmation and one
who left. Nothing is sent: the editor sends the demo's campaign email from the admin."""

from datetime import timedelta

from django.utils import timezone

from cms.campaigns.models import Subscriber
from cms.campaigns.subscribing import consent_wording
from cms.choices import SubscriptionSource, SubscriptionStatus

CONFIRMED = SubscriptionStatus.CONFIRMED
# (address, language, country, status)
SUBSCRIBERS = [
    ("nominator@demo.test", "en", "", CONFIRMED),
    ("amina.reader@demo.test", "en", "KE", CONFIRMED),
    ("kwame.reader@demo.test", "en", "GH", CONFIRMED),
    ("fatou.lectrice@demo.test", "fr", "SN", CONFIRMED),
    ("yao.lecteur@demo.test", "fr", "CI", CONFIRMED),
    ("waiting.reader@demo.test", "en", "", SubscriptionStatus.PENDING),
    ("former.reader@demo.test", "en", "NG", SubscriptionStatus.UNSUBSCRIBED),
]


def load_subscribers():
    now = timezone.now()
    for days_ago, (email, language, country, status) in enumerate(SUBSCRIBERS, start=1):
        consented_at = now - timedelta(days=days_ago)
        Subscriber.objects.get_or_create(
            email=email,
            defaults={
                "language": language,
                "country": country,
                "status": status,
                "source": SubscriptionSource.FORM,
                "consent_wording": consent_wording(language),
                "consented_at": consented_at,
                "confirmed_at": consented_at if status != SubscriptionStatus.PENDING else None,
                "unsubscribed_at": now if status == SubscriptionStatus.UNSUBSCRIBED else None,
            },
        )
