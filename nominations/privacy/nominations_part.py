"""Nominations' part of a person's data, registered through the hooks of hooks.py (in
nominations/wagtail_hooks.py) as cms and judging register theirs: the nominations, consents,
deletion requests and their history in the archive, and anonymising nominations when a deletion
request is completed.

Personal fields of a nomination are listed in ``PERSONAL_NOMINATION_FIELDS``; everything else
on it (organisation, country, category, status, reference, the answers about the initiative and
its metrics) is the record of the awards and stays."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from nominations.models import Consent, DeletionRequest, EvidenceFile, Nomination
from nominations.privacy.archive import ExportFile, PersonalDataSection
from nominations.privacy.deletion import delete_files_on_commit
from nominations.privacy.records import UNSENT

# The fields of a nomination that are about a person (the contact person at the organisation),
# blanked when a nomination is anonymised. `wizard_state` (input the wizard kept, which may hold
# any of them) is emptied too.
PERSONAL_NOMINATION_FIELDS = ("contact_name", "contact_role", "contact_email", "contact_phone")


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


def anonymise_nominations(deletion_request, *, by, remove_evidence, now):
    """The "anonymise_nominations" hook, run when a deletion request is completed. For everything
    (no nomination on the request): delete the person's drafts and their files, anonymise their
    sent nominations (which stay as the record; their evidence files go too when
    `remove_evidence`). For one sent nomination: anonymise it."""
    user = deletion_request.user
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
    delete_files_on_commit(files)
    return {
        "drafts_deleted": draft_count,
        "nominations_anonymised": anonymised,
        "files_deleted": len(files),
    }


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


def personal_data_sections(user):
    """The "personal_data_sections" hook: the person's nominations (with their evidence files),
    consents, deletion requests and the history of their nominations and requests."""
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
