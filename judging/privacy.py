"""The judging app's part of a person's data, added through the hooks of
nominations/privacy/hooks.py (docs/privacy.md, "Judging").

Archive: a judge's profile, panels, declared conflicts and clearances, every assignment with the
scoresheet they wrote, and the certificates issued to them (with the PDF when it was rendered);
a nominator's certificates of their nominations, with their PDFs.

Erasing a judge keeps what the results stand on and removes the rest:
- submitted scoresheets (scores, comments, recommendation) and every assignment of a closed round
  stay, attached to the anonymised profile: published rankings, completeness, entrants' feedback
  and the certificates of others are computed from them;
- the profile's organisation, country and expertise are blanked and the profile made inactive;
  panel memberships, declared conflicts and clearances go (they only steer assignment), and so
  do the assignments of rounds still open or to come that have no submitted scoresheet;
- certificates issued to the judge are revoked ("account deleted"), their printed name replaced,
  their PDFs and the cycle's certificate ZIPs (which hold a copy) deleted once the transaction
  commits;
- the judge's name and addresses are taken out of the audit log of all these objects.
"""

import logging

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from awards_site.vocabularies.countries import country_name
from judging.models import (
    Assignment,
    Certificate,
    CertificateBatch,
    Conflict,
    ConflictClearance,
    JudgeProfile,
    Scoresheet,
    ScoresheetStatus,
    private_storage,
)
from nominations.privacy.archive import ExportFile, PersonalDataSection
from nominations.privacy.audit_log import identifying_strings, scrub_log_entries
from nominations.privacy.deletion import delete_files_on_commit

logger = logging.getLogger(__name__)

# What an erased judge is called where their name was (certificates, the audit log).
DELETED_JUDGE = gettext_lazy("Judge (deleted)")


# Archive ----------------------------------------------------------------------------------------


def personal_data_sections(user):
    """The "personal_data_sections" hook: the judge's part (for judges) and the certificates of
    the person's nominations (for everyone)."""
    sections = [nomination_certificates_section(user)]
    judge = JudgeProfile.objects.filter(user=user).first()
    if judge is not None:
        sections.insert(0, judge_section(judge))
    return sections


def judge_section(judge):
    certificates = list(Certificate.objects.filter(judge=judge).order_by("issued_at", "pk"))
    files = _certificate_files(certificates)
    return PersonalDataSection(
        "judge",
        {
            "profile": _profile_data(judge),
            "panels": [
                {
                    "cycle": membership.cycle.code,
                    "category": membership.category.name_en if membership.category else None,
                }
                for membership in judge.panel_memberships.select_related(
                    "cycle", "category"
                ).order_by("cycle__code", "pk")
            ],
            "conflicts": [
                {
                    "cycle": conflict.cycle.code,
                    "entry": conflict.nomination.reference if conflict.nomination else None,
                    "organisation": conflict.organisation,
                    "country": conflict.country,
                    "reason": conflict.reason,
                    "declared_at": conflict.declared_at,
                }
                for conflict in judge.conflicts.select_related("cycle", "nomination").order_by(
                    "declared_at", "pk"
                )
            ],
            "conflicts_cleared": [
                {"entry": clearance.nomination.reference, "cleared_at": clearance.cleared_at}
                for clearance in judge.clearances.select_related("nomination").order_by("pk")
            ],
            "assignments": [_assignment_data(a) for a in _assignments(judge)],
            "certificates": [_certificate_data(c, files) for c in certificates],
        },
        [export_file for export_files in files.values() for export_file in export_files],
    )


def _profile_data(judge):
    return {
        "organisation": judge.organisation,
        "country": judge.country,
        "country_name": str(country_name(judge.country)) if judge.country else "",
        "expertise": [
            {"cycle": category.cycle.code, "category": category.name_en}
            for category in judge.expertise.select_related("cycle").order_by("cycle__code", "pk")
        ],
        "active": judge.is_active,
        "invited_at": judge.invited_at,
    }


def _assignments(judge):
    return (
        Assignment.objects.filter(judge=judge)
        .select_related("round__cycle", "nomination", "scoresheet")
        .prefetch_related("scoresheet__scores__criterion")
        .order_by("round__opens_at", "nomination__reference", "pk")
    )


def _assignment_data(assignment):
    round = assignment.round
    return {
        "cycle": round.cycle.code,
        "round": round.name_en,
        "entry": assignment.nomination.reference,
        "organisation": assignment.nomination.organisation_name,
        "due_on": assignment.due_on,
        "assigned_at": assignment.created_at,
        "no_conflict_confirmed_at": assignment.conflict_checked_at,
        "scoresheet": _scoresheet_data(getattr(assignment, "scoresheet", None)),
    }


def _scoresheet_data(sheet):
    if sheet is None:
        return None
    return {
        "status": sheet.status,
        "recommendation": sheet.recommendation,
        "overall_comment": sheet.overall_comment,
        "weighted_score": sheet.weighted_score,
        "started_at": sheet.created_at,
        "updated_at": sheet.updated_at,
        "submitted_at": sheet.submitted_at,
        "scores": [
            {
                "criterion": score.criterion.name_en,
                "criterion_fr": score.criterion.name_fr,
                "score": score.score,
                "comment": score.comment,
            }
            for score in sorted(
                sheet.scores.all(), key=lambda s: (s.criterion.sort_order or 0, s.criterion.pk)
            )
        ],
    }


def nomination_certificates_section(user):
    """Certificates of the person's nominations (the nominations section does not list them)."""
    certificates = list(
        Certificate.objects.filter(nomination__nominator=user)
        .select_related("nomination")
        .order_by("issued_at", "pk")
    )
    files = _certificate_files(certificates)
    return PersonalDataSection(
        "nomination_certificates",
        [
            {
                "nomination": certificate.nomination.reference,
                **_certificate_data(certificate, files),
            }
            for certificate in certificates
        ],
        [export_file for export_files in files.values() for export_file in export_files],
    )


def _certificate_data(certificate, files):
    export_files = files.get(certificate.pk, [])
    return {
        "code": certificate.display_code,
        "kind": certificate.kind,
        "language": certificate.language,
        "awarded_to": certificate.recipient_name,
        "award": certificate.award,
        "cycle": certificate.cycle_name,
        "issued_at": certificate.issued_at,
        "revoked_at": certificate.revoked_at,
        "revoke_reason": certificate.revoke_reason,
        "paths_in_archive": [export_file.path for export_file in export_files],
    }


def _certificate_files(certificates):
    """{certificate pk: [ExportFile]} of the PDFs already rendered (in each language) and still
    stored. A certificate never downloaded has no PDF yet: the archive does not render it."""
    files = {}
    for certificate in certificates:
        for language, pdf in certificate.stored_pdfs():
            if pdf.storage.exists(pdf.name):
                files.setdefault(certificate.pk, []).append(
                    ExportFile(
                        f"files/certificates/{certificate.display_code}-{language}.pdf",
                        _opener(pdf),
                    )
                )
    return files


def _opener(pdf):
    return lambda: pdf.open("rb")


# Erasure ----------------------------------------------------------------------------------------


def erase_personal_data(user, deletion_request):
    """The "erase_personal_data" hook: anonymise the person's judge profile, if they have one.
    Runs inside the transaction completing the request, before the account is anonymised."""
    judge = JudgeProfile.objects.select_for_update(of=("self",)).filter(user=user).first()
    if judge is None:
        return {}
    now = timezone.now()
    identifying = identifying_strings(user)
    logged = _logged_objects(judge)  # before some of them are deleted
    removed = _remove_pending_assignments(judge, now)
    panels = judge.panel_memberships.all().delete()[0]
    conflicts = Conflict.objects.filter(judge=judge).delete()[0]
    ConflictClearance.objects.filter(judge=judge).delete()
    revoked, files = _revoke_certificates(judge, now)
    files += _drop_certificate_zips(judge)
    judge.organisation = ""
    judge.country = ""
    judge.is_active = False
    judge.save(update_fields=["organisation", "country", "is_active"])
    judge.expertise.clear()
    scrub_log_entries(logged, identifying, str(DELETED_JUDGE))
    delete_private_files_on_commit(files)
    return {
        "judge_assignments_removed": removed,
        "judge_panel_memberships_removed": panels,
        "judge_conflicts_removed": conflicts,
        "judge_certificates_revoked": revoked,
        "judge_files_deleted": len(files),
    }


def _logged_objects(judge):
    """{model: [pk, ...]} of everything of the judge's that the audit log may name them on."""
    assignments = list(Assignment.objects.filter(judge=judge).values_list("pk", flat=True))
    return {
        JudgeProfile: [judge.pk],
        Assignment: assignments,
        Scoresheet: list(
            Scoresheet.objects.filter(assignment__in=assignments).values_list("pk", flat=True)
        ),
        Conflict: list(Conflict.objects.filter(judge=judge).values_list("pk", flat=True)),
        ConflictClearance: list(judge.clearances.values_list("pk", flat=True)),
        Certificate: list(Certificate.objects.filter(judge=judge).values_list("pk", flat=True)),
    }


def _remove_pending_assignments(judge, now):
    """Assignments the judge will never score: in rounds not closed yet, without a submitted
    scoresheet (their drafts go with them). Closed rounds keep theirs: the results count an
    entry's assignments (completeness). The assignment run gives those entries another judge."""
    pending = Assignment.objects.filter(judge=judge, round__closes_at__gt=now).exclude(
        scoresheet__status=ScoresheetStatus.SUBMITTED
    )
    return pending.delete()[1].get(Assignment._meta.label, 0)


def _revoke_certificates(judge, now):
    """Revoke the judge's certificates and replace the printed name; returns how many were
    revoked now and the storage names of their PDFs."""
    reason = _("account deleted")
    revoked, files = 0, []
    for certificate in Certificate.objects.select_for_update().filter(judge=judge).order_by("pk"):
        with translation.override(certificate.language):
            certificate.recipient_name = str(DELETED_JUDGE)
        pdf_fields = []
        for language, pdf in certificate.stored_pdfs():
            files.append(pdf.name)
            setattr(certificate, f"pdf_{language}", "")
            pdf_fields.append(f"pdf_{language}")
        newly_revoked = certificate.revoked_at is None
        if newly_revoked:
            certificate.revoked_at = now
            certificate.revoke_reason = reason
        certificate.save(
            update_fields=["recipient_name", *pdf_fields, "revoked_at", "revoke_reason"]
        )
        if newly_revoked:
            revoked += 1
            log(
                certificate,
                "judging.certificate_revoke",
                data={"code": certificate.display_code, "reason": reason},
            )
    return revoked, files


def _drop_certificate_zips(judge):
    """The ZIPs of the cycles where the judge had a certificate hold a copy of it. They go; an
    administrator who needs one issues the round's certificates again (nothing new is issued,
    a fresh ZIP of the valid certificates is made)."""
    cycles = Certificate.objects.filter(judge=judge).values("cycle")
    batches = CertificateBatch.objects.filter(round__cycle__in=cycles).exclude(zip="")
    names = list(batches.values_list("zip", flat=True))
    batches.update(zip="")
    return names


def delete_private_files_on_commit(names):
    delete_files_on_commit(names, storage=private_storage())
