"""Submitting, editing and withdrawing a nomination: atomic, idempotent, deadline-aware."""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .choices import NominationStatus
from .models import Nomination
from .progress import first_incomplete
from .references import assign_reference

logger = logging.getLogger(__name__)


class SubmissionRefused(Exception):
    """Raised with a message for the nominator saying what to do next."""

    def __init__(self, message, step=None):
        super().__init__(message)
        self.message = message
        self.step = step


@dataclass(frozen=True)
class SubmissionResult:
    nomination: Nomination
    newly_submitted: bool


def submit(nomination_pk, user, email_verified, language=None, now=None):
    """Submit a draft. Two clicks or two tabs make one submission: the row is locked, and a
    nomination already submitted is returned as it is."""
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
        missing = first_incomplete(nomination)
        if missing:
            raise SubmissionRefused(
                _("Complete the section “%(section)s” before you submit.")
                % {"section": missing.title},
                step=missing.step,
            )
        nomination.status = NominationStatus.SUBMITTED
        nomination.submitted_at = now
        # Emails follow the language the nominator sent the nomination in.
        nomination.language = language or nomination.language
        if not nomination.reference:
            nomination.reference = assign_reference(nomination)
        nomination.save(
            update_fields=["status", "submitted_at", "reference", "language", "updated_at"]
        )
        log(nomination, "nominations.submit", user=user, data={"reference": nomination.reference})
        transaction.on_commit(lambda: _send_confirmation(nomination.pk))
    logger.info("Nomination %s submitted", nomination.reference)
    return SubmissionResult(nomination, newly_submitted=True)


def _send_confirmation(nomination_pk):
    from .tasks import send_submission_confirmation

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
