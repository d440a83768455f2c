"""Deletion requests: filing one, the plan an administrator reads, completing it (each app erases
its part through the hooks named in hooks.py, then the account is closed and anonymised) or
refusing it; and deleting stored files once the transaction has committed."""

import logging
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.log_actions import log

from nominations.choices import DeletionRequestStatus
from nominations.models import Consent, DeletionRequest, EvidenceFile, Nomination
from nominations.privacy.hooks import ANONYMISE_NOMINATIONS, ERASE_PERSONAL_DATA
from nominations.privacy.records import ANONYMOUS_EMAIL, PrivacyRefused, is_unsent

logger = logging.getLogger(__name__)


def open_deletion_request(user, nomination=None):
    """The person's open request covering `nomination` (or everything, when None): a request
    for everything covers each nomination too."""
    open_requests = DeletionRequest.objects.filter(
        user=user, status=DeletionRequestStatus.REQUESTED
    )
    return (
        open_requests.filter(nomination=None).first()
        or (nomination is not None and open_requests.filter(nomination=nomination).first())
        or None
    )


def request_deletion(user, reason="", nomination=None, consent=None, now=None):
    """File the user's request for deletion of everything (`nomination` None) or of one sent
    nomination, or return the open request that already covers it (a double click or a second
    tab never makes two). The awards team is told by email."""
    with transaction.atomic():
        # Lock the person's row so two requests at once cannot both pass the check below.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        existing = open_deletion_request(user, nomination)
        if existing:
            return existing
        deletion_request = DeletionRequest.objects.create(
            user=user,
            reason=reason,
            nomination=nomination,
            consent=consent,
            requested_at=now or timezone.now(),
        )
        log(deletion_request, "nominations.deletion_request", user=user)
        transaction.on_commit(lambda: _notify_team(deletion_request.pk))
    return deletion_request


def _notify_team(deletion_request_pk):
    from nominations.tasks import send_deletion_request_notice

    send_deletion_request_notice.enqueue(deletion_request_pk)


@dataclass(frozen=True)
class DeletionPlan:
    """What completing a deletion request will do, for the administrator to read first."""

    drafts: list
    sent: list
    evidence_count: int
    closes_account: bool


def deletion_plan(deletion_request):
    nominations = (
        Nomination.objects.for_nominator(deletion_request.user)
        .select_related("cycle", "category")
        .prefetch_related("evidence")
        .order_by("created_at")
    )
    if deletion_request.nomination_id:
        nominations = nominations.filter(pk=deletion_request.nomination_id)
    nominations = list(nominations)
    return DeletionPlan(
        drafts=[n for n in nominations if is_unsent(n)],
        sent=[n for n in nominations if not is_unsent(n)],
        evidence_count=sum(len(n.evidence.all()) for n in nominations),
        closes_account=not deletion_request.nomination_id,
    )


def check_can_complete(deletion_request):
    """Accounts that run the site are not closed by this tool (it would lock people out)."""
    user = deletion_request.user
    if not deletion_request.nomination_id and user.has_perm("awards_site.hold_admin_flags"):
        raise PrivacyRefused(
            _(
                "This account can use the admin. Remove its admin access (staff and superuser) "
                "first, then complete the request."
            )
        )


def complete_deletion(deletion_request_pk, by, note="", remove_evidence=False, now=None):
    """Complete a deletion request in one transaction.

    For everything (no nomination on the request): nominations' part deletes the person's drafts
    and their files and anonymises their sent nominations (which stay as the record; their
    evidence files go too when `remove_evidence`) through ``anonymise_nominations``, other apps
    erase their part (``erase_personal_data``), then the account is closed and anonymised. For
    one sent nomination: it is anonymised (``anonymise_nominations``); the account stays.
    The person is emailed at the address they had, once the transaction commits."""
    now = now or timezone.now()
    with transaction.atomic():
        deletion_request = (
            DeletionRequest.objects.select_for_update(of=("self",))
            .select_related("user", "nomination")
            .get(pk=deletion_request_pk)
        )
        if not deletion_request.is_open:
            raise PrivacyRefused(_("This request has already been handled."))
        check_can_complete(deletion_request)
        user = deletion_request.user
        address, language = user.email, user.language
        whole_account = not deletion_request.nomination_id

        summary = {}
        for hook in hooks.get_hooks(ANONYMISE_NOMINATIONS):
            summary.update(
                hook(deletion_request, by=by, remove_evidence=remove_evidence, now=now) or {}
            )
        summary["account_closed"] = whole_account
        if whole_account:
            Consent.objects.filter(user=user, withdrawn_at__isnull=True).update(withdrawn_at=now)
            for hook in hooks.get_hooks(ERASE_PERSONAL_DATA):
                summary.update(hook(user, deletion_request) or {})
            anonymise_account(user)

        deletion_request.status = DeletionRequestStatus.COMPLETED
        deletion_request.completed_at = now
        deletion_request.completed_by = by
        deletion_request.note = note
        deletion_request.save(update_fields=["status", "completed_at", "completed_by", "note"])
        log(deletion_request, "nominations.deletion_complete", user=by, data=summary)
        nomination = deletion_request.nomination
        reference = None if whole_account else nomination.reference or str(nomination.uuid)
        transaction.on_commit(lambda: _tell_person(address, language, reference))
    logger.info("Deletion request %s completed", deletion_request.pk)
    return summary


def refuse_deletion(deletion_request_pk, by, note, now=None):
    """Refuse a request, with the reason the person reads on their data page."""
    if not note.strip():
        raise PrivacyRefused(_("Give the reason for refusing: the person reads it."))
    with transaction.atomic():
        deletion_request = DeletionRequest.objects.select_for_update(of=("self",)).get(
            pk=deletion_request_pk
        )
        if not deletion_request.is_open:
            raise PrivacyRefused(_("This request has already been handled."))
        deletion_request.status = DeletionRequestStatus.REFUSED
        deletion_request.completed_at = now or timezone.now()
        deletion_request.completed_by = by
        deletion_request.note = note
        deletion_request.save(update_fields=["status", "completed_at", "completed_by", "note"])
        log(deletion_request, "nominations.deletion_refuse", user=by, data={"note": note})
    return deletion_request


def _tell_person(address, language, reference):
    from nominations.tasks import send_deletion_completed

    send_deletion_completed.enqueue(address, language, reference)


def anonymise_account(user):
    """Close the account and remove what identifies the person. The row stays, so the
    nominations, consents and log entries that point at it stay consistent."""
    from allauth.account.models import EmailAddress
    from wagtail.users.models import UserProfile

    EmailAddress.objects.filter(user=user).delete()  # their confirmations go with them
    UserProfile.objects.filter(user=user).delete()
    user.email = ANONYMOUS_EMAIL.format(pk=user.pk)
    user.first_name = ""
    user.last_name = ""
    user.last_login = None
    user.is_active = False
    user.set_unusable_password()  # every session's hash changes: none stays signed in
    user.save()  # deactivating also ends the sessions (awards_site.accounts.sessions)
    user.groups.clear()
    user.user_permissions.clear()
    # Sign-in records (IP address, browser) and two-step verification devices, if installed.
    for model in _account_models():
        model.objects.filter(user=user).delete()


def _account_models():
    models = []
    if apps.is_installed("allauth.usersessions"):
        from allauth.usersessions.models import UserSession

        models.append(UserSession)
    if apps.is_installed("allauth.mfa"):
        from allauth.mfa.models import Authenticator

        models.append(Authenticator)
    return models


def delete_files_on_commit(names, storage=None):
    """Storage is not transactional: files are deleted only once the rows are gone for good.
    `storage`: where they are, the evidence files' storage unless said."""
    if not names:
        return
    storage = storage or EvidenceFile._meta.get_field("file").storage

    def delete():
        for name in names:
            try:
                storage.delete(name)
            except OSError:  # already gone, or the storage failed: the row is gone anyway
                logger.warning("Could not delete the private file %s", name)

    transaction.on_commit(delete)
