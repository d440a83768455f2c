"""Two requests submitting the same nomination at the same moment (a double click, two tabs)
make exactly one submission and one confirmation email, under real concurrency: two threads, two
database connections, the row lock deciding (PostgreSQL; on SQLite, through the `race` fixture,
the write lock every transaction takes when it begins).

Every database step of the race runs in its own thread, so it has its own connection in
autocommit mode and sees what the others commit (the test's own connection sits in a
transaction that the others cannot see into)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from nominations.choices import NominationStatus
from nominations.models import AwardCycle, Nomination
from nominations.sending import submission
from tests.concurrency import in_threads
from tests.factories.accounts import UserFactory
from tests.factories.nominations import DraftNominationFactory, EvidenceFileFactory
from tests.nominations.wizard.driver import VALID_ANSWERS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("race")]


def create_complete_draft():
    user = UserFactory(email="race@example.org", password="x" * 12)
    cycle = AwardCycle.objects.current()
    answers = {
        k: v
        for step in ("organisation", "contact", "initiative")
        for k, v in VALID_ANSWERS[step].items()
    }
    nomination = DraftNominationFactory(
        nominator=user,
        category=cycle.categories.first(),
        relation="self",
        eligibility_confirmed=True,
        results="Better.",
        citizen_impact="Faster.",
        declaration_accepted_at=timezone.now(),
        **answers,
    )
    EvidenceFileFactory(nomination=nomination, text="race", original_name="race.pdf")
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


def test_two_copies_saving_one_step_at_once_keep_one_and_refuse_the_other():
    """Two tabs opened at the same revision send the same step at the same moment: the row
    lock lets one save and the other is told it is stale (nominations/wizard/drafts.py)."""
    from nominations.wizard import drafts
    from nominations.wizard.forms import OrganisationStepForm

    (nomination,) = in_threads(create_complete_draft)
    try:
        revision = nomination.revision
        base = drafts.step_digest(nomination, OrganisationStepForm)

        def save(city):
            copy = Nomination.objects.select_related("cycle").get(pk=nomination.pk)
            answers = {**VALID_ANSWERS["organisation"], "city": city}
            form = OrganisationStepForm(
                data={f"organisation-{k}": v for k, v in answers.items()},
                prefix="organisation",
                instance=copy,
            )
            assert form.is_valid(), form.errors
            try:
                drafts.save_step(copy, form, "organisation", revision, base, copy.nominator)
            except drafts.StaleAnswers:
                return "stale"
            return city

        results = in_threads(lambda: save("Kisumu"), lambda: save("Eldoret"))
        (saved,) = in_threads(lambda: Nomination.objects.get(pk=nomination.pk))
        assert sorted(result == "stale" for result in results) == [False, True]
        assert saved.city == next(result for result in results if result != "stale")
        assert saved.revision == revision + 1
    finally:
        in_threads(lambda: delete_draft(nomination))


def test_two_sends_of_the_same_changes_make_one_version():
    (nomination,) = in_threads(create_complete_draft)
    try:
        in_threads(
            lambda: submission.submit(nomination.pk, nomination.nominator, email_verified=True)
        )
        in_threads(lambda: Nomination.objects.filter(pk=nomination.pk).update(city="Kisumu"))

        def send():
            try:
                return submission.send_changes(nomination.pk, nomination.nominator).version.number
            except submission.SubmissionRefused:
                return "refused"

        results = in_threads(send, send)
        assert sorted(map(str, results)) == ["2", "refused"]
        (count,) = in_threads(lambda: Nomination.objects.get(pk=nomination.pk).versions.count())
        assert count == 2
    finally:
        in_threads(lambda: delete_draft(nomination))
