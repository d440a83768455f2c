import re

import pytest
from django.core import mail
from django.utils import timezone

from cms.campaigns.models import CampaignEmailPage, Subscriber
from cms.choices import SubscriptionStatus


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """The test client, with the emails and tasks a request queues after its commit run at
    once."""
    post = client.post

    def post_and_run(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_and_run
    return client


def emailed_links(address):
    """The site's links in the emails sent to `address`, oldest first."""
    return [
        link
        for message in mail.outbox
        if message.to == [address]
        for link in re.findall(r"http://testserver(/\S+)", message.body)
    ]


@pytest.fixture
def campaign(page_by_slug):
    """The demo's campaign email, in English (published)."""
    return page_by_slug("campaign-nominations-open")


def subscriber(email, language="en", country="", status=SubscriptionStatus.CONFIRMED):
    now = timezone.now()
    return Subscriber.objects.create(
        email=email,
        language=language,
        country=country,
        status=status,
        consent_wording="I agree.",
        consented_at=now,
        confirmed_at=now if status == SubscriptionStatus.CONFIRMED else None,
    )


@pytest.fixture
def make_subscriber(db):
    return subscriber


def reload(page):
    return CampaignEmailPage.objects.get(pk=page.pk)
