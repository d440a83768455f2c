"""Submitting, sending changes to and withdrawing a nomination: atomic, idempotent,
deadline-aware. Each send records a version (versions.py): the first submission version 1,
every "Send changes" the next."""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from awards_site.reach.conversions import CONVERSIONS, record_conversion
from nominations.choices import SENT_CHANGEABLE_STATUSES, NominationStatus
from nominations.models import Nomination
from nominations.sending import organisations, versions
from nominations.sending.references import assign_reference
from nominations.wizard.progress import first_incomplete

logger = logging.getLogger(__name__)


class SubmissionRefused(Exception):
    """Raised with a message for the nominator saying what to do next."""

    def __init__(self, message, step=None):
        super().__init__(message)
        self.message = message
        self.step = step


class StaleCopy(SubmissionRefused):
    """The answers changed (in another tab or on another device) after the page that sends
    them was opened: the nominator checks them again before sending."""


@dataclass(frozen=True)
class SubmissionResult:
    nomination: Nomination
    newly_submitted: bool
    version: object = None


def _check_revision(nomination, expected_revision):
    if expected_revision is not None and expected_revision != nomination.revision:
        raise StaleCopy(
            _(
                "Your answers were changed in another tab or on another device after you "
                "opened this page. Check them below, then send again."
            ),
            step="check",
        )


def submit(nomination_pk, user, email_verified, language=None, now=None, expected_revision=None):
    """Submit a draft. Two clicks or two tabs make one submission: the row is locked, and a
    nomination already submitted is returned as it is. `expected_revision`: the revision of the
    answers the nominator checked (a page opened before a change elsewhere is refused)."""
    now = now or timezone.now()
    with transaction.atomic():
        nomination = (
            # Lock the nomination's row only, not its cycle's (shared by every nomination).
            Nomination.objects.select_for_update(of=("self",))
            .select_related("cycle")
            .get(pk=nomination_pk, nominator=user)
        )
        if nomination.status == NominationStatus.SUBMITTED:
            return SubmissionResult(nomination, newly_submitted=False)
        if nomination.status != NominationStatus.DRAFT:
            raise SubmissionRefused(_("This nomination can no longer be submitted."))
        if not nomination.accepts_changes(now):
            raise SubmissionRefused(
                _(
                    "The deadline for nominations has passed, so this "
                    "nomination cannot be submitted."
                )
            )
        if not email_verified:
            raise SubmissionRefused(
                _(
                    "Confirm your email address before you submit: "
                    "use the link in the email we sent you."
                )
            )
        _check_revision(nomination, expected_revision)
        _claim_place(nomination)
        _check_complete(nomination)
        nomination.status = NominationStatus.SUBMITTED
        nomination.submitted_at = now
        # Emails follow the language the nominator sent the nomination in.
        nomination.language = language or nomination.language
        if not nomination.reference:
            nomination.reference = assign_reference(nomination)
        nomination.save(
            update_fields=["status", "submitted_at", "reference", "language", "updated_at"]
        )
        version = versions.record_version(nomination, user, now)
        log(
            nomination,
            "nominations.submit",
            user=user,
            data={"reference": nomination.reference, "version": version.number},
        )
        transaction.on_commit(lambda: _send_confirmation(nomination.pk))
        # Counted for the campaign that brought its start (wizard/views.py), once sent.
        transaction.on_commit(
            lambda: record_conversion(
                None,
                CONVERSIONS.NOMINATION_SENT,
                campaign=nomination.campaign,
                source=nomination.campaign_source,
            )
        )
    logger.info("Nomination %s submitted", nomination.reference)
    return SubmissionResult(nomination, newly_submitted=True, version=version)


def _claim_place(nomination):
    """One nomination per organisation and category, when the cycle says so (decided under
    the category's row lock: organisations.py)."""
    try:
        organisations.claim(nomination)
    except organisations.AlreadyNominated as taken:
        raise SubmissionRefused(taken.message, step="category") from None


def _check_complete(nomination):
    missing = first_incomplete(nomination)
    if missing:
        raise SubmissionRefused(
            _("Complete the section “%(section)s” before you submit.") % {"section": missing.title},
            step=missing.step,
        )


def send_changes(nomination_pk, user, expected_revision=None, now=None):
    """Send the changes saved on a sent nomination: they become its next version, which the
    awards team and the judges read from then on. Refused after the cut-off
    (Nomination.changes_close_at), when a section is incomplete, when the page was opened
    before a change elsewhere, and when nothing changed."""
    now = now or timezone.now()
    with transaction.atomic():
        nomination = (
            Nomination.objects.select_for_update(of=("self",))
            .select_related("cycle", "category")
            .get(pk=nomination_pk, nominator=user)
        )
        if nomination.status not in SENT_CHANGEABLE_STATUSES or not nomination.is_sent:
            raise SubmissionRefused(_("This nomination can no longer be changed."))
        if not nomination.accepts_changes(now):
            raise SubmissionRefused(
                _("The time for changes has passed, so these changes cannot be sent.")
            )
        _check_revision(nomination, expected_revision)
        _claim_place(nomination)
        _check_complete(nomination)
        previous = versions.latest(nomination)
        changes = versions.unsent_differences(nomination, previous)
        if not changes:
            raise SubmissionRefused(
                _(
                    "There are no changes to send: your answers are those of the version you "
                    "sent last."
                ),
                step="check",
            )
        version = versions.record_version(nomination, user, now)
        nomination.changes_requested = ""
        nomination.save(update_fields=["changes_requested", "updated_at"])
        log(
            nomination,
            "nominations.changes_sent",
            user=user,
            data={
                "version": version.number,
                "fields": changes.field_names,
                "files_added": changes.files_added,
            },
        )
        transaction.on_commit(lambda: _send_changes_received(nomination.pk))
    logger.info("Nomination %s: version %s sent", nomination.reference, version.number)
    return SubmissionResult(nomination, newly_submitted=False, version=version)


def _send_changes_received(nomination_pk):
    from nominations.tasks import send_changes_received

    send_changes_received.enqueue(nomination_pk)


def _send_confirmation(nomination_pk):
    from nominations.tasks import send_submission_confirmation

    send_submission_confirmation.enqueue(nomination_pk)


def withdraw(nomination, user, now=None):
    with transaction.atomic():
        locked = (
            # Lock the nomination's row only, not its cycle's (shared by every nomination).
            Nomination.objects.select_for_update(of=("self",))
            .select_related("cycle")
            .get(pk=nomination.pk, nominator=user)
        )
        if locked.status == NominationStatus.WITHDRAWN:
            return locked
        if not locked.accepts_changes(now):
            raise SubmissionRefused(
                _("The deadline has passed, so this nomination can no longer be withdrawn.")
            )
        locked.status = NominationStatus.WITHDRAWN
        locked.save(update_fields=["status", "updated_at"])
        log(locked, "nominations.withdraw", user=user)
    return locked
