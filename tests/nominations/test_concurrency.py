"""Two requests submitting the same nomination at the same moment (a double click, two tabs)
make exactly one submission and one confirmation email, under real concurrency on PostgreSQL:
two threads, two database connections, the row lock deciding.

Every database step of the race runs in its own thread, so it has its own connection in
autocommit mode and sees what the others commit (the test's own connection sits in a
transaction that the others cannot see into)."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone

from nominations import submission
from nominations.choices import NominationStatus
from nominations.demo import minimal_pdf
from nominations.models import AwardCycle, Nomination
from tests.concurrency import in_threads, postgresql_only

from .conftest import VALID_ANSWERS

pytestmark = [pytest.mark.django_db, postgresql_only]


def create_complete_draft():
    user = get_user_model().objects.create_user(email="race@example.org", password="x" * 12)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    cycle = AwardCycle.objects.current()
    answers = {
        k: v
        for step in ("organisation", "contact", "initiative")
        for k, v in VALID_ANSWERS[step].items()
    }
    nomination = Nomination.objects.create(
        cycle=cycle,
        nominator=user,
        category=cycle.categories.first(),
        relation="self",
        eligibility_confirmed=True,
        results="Better.",
        citizen_impact="Faster.",
        declaration_accepted_at=timezone.now(),
        **answers,
    )
    content = minimal_pdf("race")
    nomination.evidence.create(
        file=ContentFile(content, name="race.pdf"),
        original_name="race.pdf",
        kind="pdf",
        size=len(content),
        sha256="0" * 64,
    )
    return nomination


def delete_draft(nomination):
    Nomination.objects.filter(pk=nomination.pk).delete()
    get_user_model().objects.filter(email="race@example.org").delete()


def test_two_threads_submit_once():
    (nomination,) = in_threads(create_complete_draft)
    try:
        results = in_threads(
            *[lambda: submission.submit(nomination.pk, nomination.nominator, email_verified=True)]
            * 2
        )
        (saved,) = in_threads(lambda: Nomination.objects.get(pk=nomination.pk))
        assert sorted(result.newly_submitted for result in results) == [False, True]
        assert saved.status == NominationStatus.SUBMITTED and saved.reference
        assert len([message for message in mail.outbox if saved.reference in message.subject]) == 1
    finally:
        in_threads(lambda: delete_draft(nomination))
