"""Consents as they were given (text version, language, time) and their withdrawal: withdrawing
a declaration withdraws its draft, or asks for the deletion of a nomination already sent."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from nominations.choices import ConsentPurpose, NominationStatus
from nominations.models import Consent, DeletionRequest, Nomination
from nominations.privacy.deletion import request_deletion


def record_consent(user, purpose, text_version, language, nomination=None, now=None):
    """Store a consent as it was given. Call it in the transaction that saves what it is for."""
    return Consent.objects.create(
        user=user,
        purpose=purpose,
        nomination=nomination,
        text_version=text_version,
        language=language or "",
        given_at=now or timezone.now(),
    )


def record_declaration(nomination, now=None):
    """The nomination's declaration as a consent of its nominator (the wizard and the demo)."""
    return Consent.objects.create(
        user_id=nomination.nominator_id,
        purpose=ConsentPurpose.NOMINATION_DECLARATION,
        nomination=nomination,
        text_version=nomination.declaration_version,
        language=nomination.declaration_language or "",
        given_at=now or nomination.declaration_accepted_at or timezone.now(),
    )


@dataclass(frozen=True)
class WithdrawalResult:
    consent: Consent
    # What withdrawing did: "recorded" (nothing else to do), "draft_withdrawn" or
    # "deletion_requested" (a sent nomination: the awards team is asked to stop processing it).
    outcome: str
    deletion_request: DeletionRequest | None = None


def withdrawal_outcome(consent):
    """What withdrawing this consent will do (shown on the confirmation page)."""
    nomination = consent.nomination
    if nomination is None or consent.purpose != ConsentPurpose.NOMINATION_DECLARATION:
        return "recorded"
    if nomination.status == NominationStatus.DRAFT:
        return "draft_withdrawn"
    if nomination.status == NominationStatus.WITHDRAWN or nomination.personal_data_removed_at:
        return "recorded"
    return "deletion_requested"


def withdraw_consent(consent_pk, user, now=None):
    """Withdraw one of the user's consents. Withdrawing a declaration withdraws its draft; for a
    nomination already sent it files a deletion request (the awards team stops processing it and
    completes or refuses the request). Withdrawing twice changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        consent = (
            Consent.objects.select_for_update(of=("self",))
            .select_related("nomination")
            .get(pk=consent_pk, user=user)
        )
        if consent.withdrawn_at:
            return WithdrawalResult(consent, "recorded")
        outcome = withdrawal_outcome(consent)
        consent.withdrawn_at = now
        consent.save(update_fields=["withdrawn_at"])
        log(consent, "nominations.consent_withdraw", user=user, data={"outcome": outcome})
        deletion_request = None
        if outcome == "draft_withdrawn":
            nomination = Nomination.objects.select_for_update(of=("self",)).get(
                pk=consent.nomination_id, nominator=user
            )
            if nomination.status == NominationStatus.DRAFT:
                nomination.status = NominationStatus.WITHDRAWN
                nomination.save(update_fields=["status", "updated_at"])
                log(nomination, "nominations.withdraw", user=user, data={"consent": consent.pk})
        elif outcome == "deletion_requested":
            deletion_request = request_deletion(
                user,
                reason=_("Declaration withdrawn for the nomination %(reference)s.")
                % {"reference": consent.nomination.reference},
                nomination=consent.nomination,
                consent=consent,
                now=now,
            )
    return WithdrawalResult(consent, outcome, deletion_request)
