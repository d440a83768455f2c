"""Personal data of nominators: consents and their withdrawal, the "download my data" archive,
deletion requests and their completion, and the retention of closed cycles (docs/privacy.md).

Other apps add their part without nominations knowing them, through two Wagtail hooks:

- ``personal_data_sections``: ``fn(user)`` returns an iterable of :class:`PersonalDataSection`,
  added to the person's archive (a key of data.json, and files if any);
- ``erase_personal_data``: ``fn(user, deletion_request)`` removes or anonymises that app's data
  of the person, inside the transaction that completes a deletion request; it may return a dict
  of counts, kept in the audit log.

Personal fields of a nomination are listed in ``PERSONAL_NOMINATION_FIELDS``; everything else
on it (organisation, country, category, status, reference, the answers about the initiative and
its metrics) is the record of the awards and stays.
"""

import json
import logging
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from nominations.choices import ConsentPurpose, DeletionRequestStatus, NominationStatus
from nominations.models import AwardCycle, Consent, DeletionRequest, EvidenceFile, Nomination

logger = logging.getLogger(__name__)

ARCHIVE_FORMAT_VERSION = 1

# The fields of a nomination that are about a person (the contact person at the organisation),
# blanked when a nomination is anonymised. `wizard_state` (input the wizard kept, which may hold
# any of them) is emptied too.
PERSONAL_NOMINATION_FIELDS = ("contact_name", "contact_role", "contact_email", "contact_phone")

# Nominations never sent: drafts, and drafts withdrawn before sending (a reference is given only
# when a nomination is sent, and never taken back). They are no record of the awards: deleting
# a person's data or a cycle's deletes them.
UNSENT = Q(reference__isnull=True) | Q(status=NominationStatus.DRAFT)


def is_unsent(nomination):
    return not nomination.reference or nomination.status == NominationStatus.DRAFT


# What an anonymised account's address looks like (".invalid" can never receive mail, RFC 2606).
ANONYMOUS_EMAIL = "deleted-{pk}@invalid"


def is_anonymised(user):
    """True for an account closed by a completed deletion request (see anonymise_account)."""
    return user.email == ANONYMOUS_EMAIL.format(pk=user.pk)


class PrivacyRefused(Exception):
    """Raised with a message saying why the action cannot be done, and what to do instead."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# Consents ---------------------------------------------------------------------------------------


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


# Deletion requests ------------------------------------------------------------------------------


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
    if not deletion_request.nomination_id and (user.is_staff or user.is_superuser):
        raise PrivacyRefused(
            _(
                "This account can use the admin. Remove its admin access (staff and superuser) "
                "first, then complete the request."
            )
        )


def complete_deletion(deletion_request_pk, by, note="", remove_evidence=False, now=None):
    """Complete a deletion request in one transaction.

    For everything (no nomination on the request): delete the person's drafts and their files,
    anonymise their sent nominations (which stay as the record; their evidence files go too
    when `remove_evidence`), let other apps erase their part (``erase_personal_data``), then
    close and anonymise the account. For one sent nomination: anonymise it; the account stays.
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

        files, draft_count = [], 0
        nominations = Nomination.objects.for_nominator(user)
        if whole_account:
            drafts = nominations.filter(UNSENT)
            files = list(
                EvidenceFile.objects.filter(nomination__in=drafts).values_list("file", flat=True)
            )
            draft_count = drafts.count()
            drafts.delete()
        else:
            nominations = nominations.filter(pk=deletion_request.nomination_id)

        anonymised = []
        for nomination in nominations.select_for_update(of=("self",)).order_by("pk"):
            files += anonymise_nomination(
                nomination,
                remove_evidence=remove_evidence,
                by=by,
                reason="deletion_request",
                now=now,
            )
            anonymised.append(nomination.reference or str(nomination.uuid))

        summary = {
            "drafts_deleted": draft_count,
            "nominations_anonymised": anonymised,
            "files_deleted": len(files),
            "account_closed": whole_account,
        }
        if whole_account:
            Consent.objects.filter(user=user, withdrawn_at__isnull=True).update(withdrawn_at=now)
            for hook in hooks.get_hooks("erase_personal_data"):
                summary.update(hook(user, deletion_request) or {})
            anonymise_account(user)

        deletion_request.status = DeletionRequestStatus.COMPLETED
        deletion_request.completed_at = now
        deletion_request.completed_by = by
        deletion_request.note = note
        deletion_request.save(update_fields=["status", "completed_at", "completed_by", "note"])
        log(deletion_request, "nominations.deletion_complete", user=by, data=summary)
        delete_files_on_commit(files)
        reference = None if whole_account else anonymised[0]
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


# Anonymising nominations ------------------------------------------------------------------------


def anonymise_nomination(nomination, *, remove_evidence, by=None, reason="", now=None):
    """Remove the personal data of one nomination and return the storage names of the files to
    delete once the transaction commits (see delete_files_on_commit). Running it again on an
    anonymised nomination changes nothing more."""
    for name in PERSONAL_NOMINATION_FIELDS:
        setattr(nomination, name, "")
    nomination.wizard_state = {}
    nomination.personal_data_removed_at = nomination.personal_data_removed_at or (
        now or timezone.now()
    )
    nomination.save(
        update_fields=[
            *PERSONAL_NOMINATION_FIELDS,
            "wizard_state",
            "personal_data_removed_at",
            "updated_at",
        ]
    )
    files = []
    if remove_evidence:
        evidence = EvidenceFile.objects.filter(nomination=nomination)
        files = list(evidence.values_list("file", flat=True))
        evidence.delete()
    # The versions the nominator sent keep the same answers: the same fields go from them.
    for version in nomination.versions.all():
        for name in PERSONAL_NOMINATION_FIELDS:
            version.answers[name] = ""
        if remove_evidence:
            version.evidence = []
        version.save(update_fields=["answers", "evidence"])
    log(
        nomination,
        "nominations.anonymise",
        user=by,
        data={"reason": reason, "files_deleted": len(files)},
    )
    return files


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


# Retention --------------------------------------------------------------------------------------


@dataclass
class RetentionCount:
    cycle: AwardCycle
    drafts: int = 0
    nominations: int = 0
    files: int = 0


def expired_cycles(now=None):
    """Cycles whose end plus their retention period is in the past."""
    now = now or timezone.now()
    return [cycle for cycle in AwardCycle.objects.all() if cycle.retention_ends_at < now]


def _retention_querysets(cycle):
    drafts = Nomination.objects.filter(UNSENT, cycle=cycle)
    sent = (
        Nomination.objects.filter(cycle=cycle)
        .exclude(UNSENT)
        # Not anonymised yet, or anonymised on request with the evidence kept: the files go now.
        .filter(Q(personal_data_removed_at__isnull=True) | Q(evidence__isnull=False))
        .distinct()
    )
    return drafts, sent


def anonymise_expired(now=None, dry_run=False):
    """Anonymise the nominations of every cycle past its retention period: delete its drafts
    (and their files), remove the contact details and evidence files of the others. Returns a
    count per cycle; with `dry_run`, counts what would be done and changes nothing. Idempotent:
    a second run finds nothing to do."""
    now = now or timezone.now()
    counts = []
    for cycle in expired_cycles(now):
        drafts, sent = _retention_querysets(cycle)
        sent_pks = sorted(set(sent.values_list("pk", flat=True)))
        count = RetentionCount(
            cycle,
            drafts=drafts.count(),
            nominations=len(sent_pks),
            files=EvidenceFile.objects.filter(nomination__in=drafts).count()
            + EvidenceFile.objects.filter(nomination__in=sent_pks).count(),
        )
        counts.append(count)
        if dry_run or not (count.drafts or count.nominations):
            continue
        with transaction.atomic():
            files = list(
                EvidenceFile.objects.filter(nomination__in=drafts).values_list("file", flat=True)
            )
            drafts.delete()
            for nomination in Nomination.objects.select_for_update().filter(pk__in=sent_pks):
                files += anonymise_nomination(
                    nomination, remove_evidence=True, reason="retention", now=now
                )
            delete_files_on_commit(files)
    return counts


# Export -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportFile:
    """A file of the archive: its path inside the ZIP and a callable opening it for reading."""

    path: str
    open: Any


@dataclass(frozen=True)
class PersonalDataSection:
    """One part of a person's archive: `key` in data.json holds `data` (JSON-serialisable with
    Django's encoder: dates, decimals and UUIDs are fine), plus files stored beside it."""

    key: str
    data: Any
    files: list = field(default_factory=list)


def _account_section(user):
    from allauth.account.models import EmailAddress

    return PersonalDataSection(
        "account",
        {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "is_active": user.is_active,
            "password": "stored only as a one-way hash; not included",
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user).order_by("pk")
            ],
            **_account_extras(user),
        },
    )


def _account_extras(user):
    """Sign-in records and two-step verification devices, when those apps are installed (the
    devices' secrets are never exported)."""
    extras = {}
    if apps.is_installed("allauth.usersessions"):
        from allauth.usersessions.models import UserSession

        extras["sessions"] = list(
            UserSession.objects.filter(user=user)
            .order_by("created_at")
            .values("created_at", "last_seen_at", "ip", "user_agent")
        )
    if apps.is_installed("allauth.mfa"):
        from allauth.mfa.models import Authenticator

        extras["two_step_verification"] = list(
            Authenticator.objects.filter(user=user)
            .order_by("created_at")
            .values("type", "created_at", "last_used_at")
        )
    return extras


def _nomination_folder(nomination):
    return nomination.reference or f"draft-{nomination.uuid}"


def _nomination_data(nomination, paths):
    data = {}
    for model_field in Nomination._meta.concrete_fields:
        if model_field.name in ("id", "nominator", "cycle", "category"):
            continue
        data[model_field.name] = model_field.value_from_object(nomination)
    cycle, category = nomination.cycle, nomination.category
    data["cycle"] = {"code": cycle.code, "name": cycle.name}
    data["category"] = (
        {"name_en": category.name_en, "name_fr": category.name_fr} if category else None
    )
    data["country_name"] = str(nomination.country_name)
    data["evidence"] = [
        {
            "file_name": evidence.original_name,
            "kind": evidence.kind,
            "size": evidence.size,
            "sha256": evidence.sha256,
            "uploaded_at": evidence.uploaded_at,
            "path_in_archive": paths[evidence.pk],
        }
        for evidence in nomination.evidence.all()
    ]
    data["versions_sent"] = [
        {
            "version": version.number,
            "sent_at": version.created_at,
            "answers": version.answers,
            "evidence": [item["name"] for item in version.evidence],
        }
        for version in nomination.versions.all()
    ]
    return data


def _evidence_paths(nominations):
    """A unique path in the archive for every file: files/<reference>/<file name>."""
    paths, taken = {}, set()
    for nomination in nominations:
        for evidence in nomination.evidence.all():
            base = f"files/{_nomination_folder(nomination)}/{evidence.original_name}"
            path, number = base, 1
            while path in taken:
                number += 1
                stem, dot, extension = base.rpartition(".")
                path = f"{stem} ({number}).{extension}" if dot else f"{base} ({number})"
            taken.add(path)
            paths[evidence.pk] = path
    return paths


def _opener(evidence):
    return lambda: evidence.file.open("rb")


def _nominations_sections(user):
    nominations = list(
        Nomination.objects.for_nominator(user)
        .select_related("cycle", "category")
        .prefetch_related("evidence", "versions")
        .order_by("created_at", "pk")
    )
    paths = _evidence_paths(nominations)
    files = [
        ExportFile(paths[evidence.pk], _opener(evidence))
        for nomination in nominations
        for evidence in nomination.evidence.all()
    ]
    consents = Consent.objects.filter(user=user).select_related("nomination").order_by("pk")
    requests = list(DeletionRequest.objects.filter(user=user).order_by("pk"))
    return [
        PersonalDataSection(
            "nominations", [_nomination_data(n, paths) for n in nominations], files
        ),
        PersonalDataSection(
            "consents",
            [
                {
                    "purpose": consent.purpose,
                    "purpose_label": str(consent.get_purpose_display()),
                    "nomination": (
                        consent.nomination.reference or str(consent.nomination.uuid)
                        if consent.nomination
                        else None
                    ),
                    "text_version": consent.text_version,
                    "language": consent.language,
                    "given_at": consent.given_at,
                    "withdrawn_at": consent.withdrawn_at,
                }
                for consent in consents
            ],
        ),
        PersonalDataSection(
            "deletion_requests",
            [
                {
                    "requested_at": request.requested_at,
                    "reason": request.reason,
                    "status": request.status,
                    "handled_at": request.completed_at,
                    "note": request.note,
                }
                for request in requests
            ],
        ),
        PersonalDataSection("history", _history(user, nominations, requests)),
    ]


def _history(user, nominations, requests):
    """The audit log of the person's nominations and requests: what happened and when (who did
    it is said only when it was the person themselves)."""
    entries = []
    for model, objects in ((Nomination, nominations), (DeletionRequest, requests)):
        object_ids = [str(obj.pk) for obj in objects]
        if object_ids:
            entries += ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(model), object_id__in=object_ids
            ).values("timestamp", "action", "label", "user_id")
    return [
        {
            "timestamp": entry["timestamp"],
            "action": entry["action"],
            "object": entry["label"],
            "by_you": entry["user_id"] == user.pk,
        }
        for entry in sorted(entries, key=lambda entry: entry["timestamp"])
    ]


def personal_data_sections(user):
    """Every part of the person's archive: the account and nominations, then other apps'."""
    sections = [_account_section(user), *_nominations_sections(user)]
    for hook in hooks.get_hooks("personal_data_sections"):
        sections.extend(hook(user) or [])
    keys = [section.key for section in sections]
    if len(keys) != len(set(keys)):
        raise ValueError(f"Two sections of the personal data archive share a key: {keys}")
    return sections


def personal_data(user, now=None):
    """data.json of the archive, as a dict (before JSON encoding)."""
    sections = personal_data_sections(user)
    return _document(sections, now)


def _document(sections, now):
    return {
        "format_version": ARCHIVE_FORMAT_VERSION,
        "generated_at": now or timezone.now(),
        **{section.key: section.data for section in sections},
    }


def write_archive(user, target, now=None):
    """Write the person's ZIP archive (data.json and files/…) into `target`, a binary file."""
    sections = personal_data_sections(user)
    document = json.dumps(
        _document(sections, now), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", document)
        for section in sections:
            for export_file in section.files:
                with export_file.open() as source, archive.open(export_file.path, "w") as sink:
                    shutil.copyfileobj(source, sink, 64 * 1024)
    return target


def archive_file(user, now=None):
    """The archive in a temporary file (kept in memory up to 10 MB), rewound for reading."""
    target = tempfile.SpooledTemporaryFile(max_size=10 * 1024 * 1024)  # noqa: SIM115
    write_archive(user, target, now)
    target.seek(0)
    return target


# The audit log, for other apps' erasure -----------------------------------------------------------


def scrub_log_entries(objects_by_model, identifying, replacement):
    """Replace the person's name and addresses (`identifying`, case-insensitive) in the labels
    and data of the audit log entries of these objects ({model: [pk, ...]}). What was done and
    when stays; whom it was about is no longer said. Used by the
    apps' ``erase_personal_data`` hooks."""
    needles = sorted({text for text in identifying if text.strip()}, key=len, reverse=True)
    if not needles:
        return 0
    pattern = re.compile("|".join(re.escape(text) for text in needles), re.IGNORECASE)
    changed = 0
    for model, pks in objects_by_model.items():
        if not pks:
            continue
        entries = ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in pks],
        )
        for entry in entries:
            label = pattern.sub(replacement, entry.label)
            data = _scrub(entry.data, pattern, replacement)
            if label != entry.label or data != entry.data:
                entry.label, entry.data = label, data
                entry.save(update_fields=["label", "data"])
                changed += 1
    return changed


def _scrub(value, pattern, replacement):
    if isinstance(value, str):
        return pattern.sub(replacement, value)
    if isinstance(value, dict):
        return {key: _scrub(item, pattern, replacement) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub(item, pattern, replacement) for item in value]
    return value


def identifying_strings(user):
    """The person's name and every address of their account, as they may appear in labels."""
    from allauth.account.models import EmailAddress

    addresses = EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    return [text for text in [user.get_full_name(), user.email, *addresses] if text.strip()]
