"""A judge's personal data (judging/privacy.py): their archive holds their profile, scores,
comments and certificates; deleting their account keeps the published results and the feedback
entrants read, and removes their name and addresses from what stays. A nominator's archive
holds the certificates of their nominations."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from judging.certificates import issuing as certificates
from judging.certificates.pdf import ensure_pdf
from judging.models import (
    Assignment,
    Certificate,
    CertificateKind,
    Conflict,
    JudgeProfile,
    Round,
    Scoresheet,
    ScoresheetStatus,
)
from judging.results.computation import round_results
from judging.results.feedback import nomination_feedback
from nominations.models import AwardCycle
from nominations.privacy.deletion import complete_deletion, request_deletion
from tests.nominations.privacy.test_privacy import archive_of

pytestmark = pytest.mark.django_db

JUDGE_EMAIL = "judge1@demo.test"
JUDGE_NAME = "Jabari"


@pytest.fixture
def judge():
    return JudgeProfile.objects.select_related("user").get(user__email=JUDGE_EMAIL)


def judge_certificate(judge):
    """The judge's certificate with its PDFs in both languages (the demo renders PDFs on
    first download)."""
    certificate = Certificate.objects.get(judge=judge, kind=CertificateKind.JUDGE)
    ensure_pdf(certificate, "en")
    ensure_pdf(certificate, "fr")
    return certificate


def delete_account(user, demo_admin, capture):
    request = request_deletion(user)
    with capture(execute=True):
        return complete_deletion(request.pk, by=demo_admin)


def logged_entries(objects_by_model):
    """The labels and data of the audit log entries of these objects."""
    rows = []
    for model, pks in objects_by_model.items():
        rows += ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in pks],
        ).values("label", "data")
    return rows


def published_rounds():
    return Round.objects.filter(results_published_at__isnull=False).order_by("pk")


# The archive ------------------------------------------------------------------------------------


def test_a_judges_archive_holds_their_scores_comments_and_certificate(judge):
    certificate = judge_certificate(judge)
    sheet = (
        Scoresheet.objects.filter(assignment__judge=judge, status=ScoresheetStatus.SUBMITTED)
        .exclude(overall_comment="")
        .select_related("assignment__nomination", "assignment__round")
        .first()
    )
    commented = sheet.scores.exclude(comment="").select_related("criterion").first()

    archive = archive_of(judge.user)
    data = json.loads(archive.read("data.json"))

    part = data["judge"]
    assert part["profile"]["organisation"] == judge.organisation
    assert part["profile"]["country"] == judge.country and part["profile"]["expertise"]
    assert {panel["cycle"] for panel in part["panels"]} == set(
        AwardCycle.objects.filter(panel_memberships__judge=judge).values_list("code", flat=True)
    )
    assert len(part["assignments"]) == Assignment.objects.filter(judge=judge).count()
    exported = next(
        a
        for a in part["assignments"]
        if a["entry"] == sheet.assignment.nomination.reference
        and a["round"] == sheet.assignment.round.name_en
    )
    assert exported["scoresheet"]["status"] == "submitted"
    assert exported["scoresheet"]["overall_comment"] == sheet.overall_comment
    assert exported["scoresheet"]["recommendation"] == sheet.recommendation
    assert exported["scoresheet"]["submitted_at"]
    assert {
        "criterion": commented.criterion.name_en,
        "criterion_fr": commented.criterion.name_fr,
        "score": commented.score,
        "comment": commented.comment,
    } in exported["scoresheet"]["scores"]
    # Their certificate, with the PDF they can download.
    [listed] = [c for c in part["certificates"] if c["code"] == certificate.display_code]
    assert listed["kind"] == "judge" and listed["revoked_at"] is None
    assert listed["paths_in_archive"] == [
        f"files/certificates/{certificate.display_code}-en.pdf",
        f"files/certificates/{certificate.display_code}-fr.pdf",
    ]
    for language, path in zip(["en", "fr"], listed["paths_in_archive"], strict=True):
        with certificate.pdf(language).open("rb") as pdf:
            assert archive.read(path) == pdf.read()
    # Nobody else's account appears.
    assert b"judge2@demo.test" not in archive.read("data.json")


def test_a_judges_conflicts_are_in_their_archive():
    judge = JudgeProfile.objects.get(user__email="judge6@demo.test")
    conflict = Conflict.objects.filter(judge=judge).exclude(reason="").first()
    data = json.loads(archive_of(judge.user).read("data.json"))
    assert {
        "organisation": conflict.organisation,
        "reason": conflict.reason,
    }.items() <= next(
        c for c in data["judge"]["conflicts"] if c["reason"] == conflict.reason
    ).items()


def test_a_nominators_archive_lists_their_nominations_certificates():
    certificate = Certificate.objects.filter(
        nomination__isnull=False, revoked_at__isnull=True
    ).first()
    ensure_pdf(certificate)
    nominator = certificate.nomination.nominator
    theirs = Certificate.objects.filter(nomination__nominator=nominator)
    others = Certificate.objects.exclude(nomination__nominator=nominator).filter(
        nomination__isnull=False
    )

    archive = archive_of(nominator)
    data = json.loads(archive.read("data.json"))

    listed = {c["code"]: c for c in data["nomination_certificates"]}
    assert set(listed) == {c.display_code for c in theirs}
    exported = listed[certificate.display_code]
    assert (exported["nomination"], exported["kind"], exported["language"]) == (
        certificate.nomination.reference,
        certificate.kind,
        certificate.language,
    )
    assert exported["issued_at"]
    [path] = exported["paths_in_archive"]  # rendered in its own language only
    with certificate.pdf(certificate.language).open("rb") as pdf:
        assert archive.read(path) == pdf.read()
    assert not set(listed) & {c.display_code for c in others}
    assert "judge" not in data  # not a judge


# Deleting a judge's account ---------------------------------------------------------------------


def test_deleting_a_judge_keeps_the_published_results_and_the_feedback(
    judge, demo_admin, django_capture_on_commit_callbacks
):
    results_before = {round.pk: round_results(round) for round in published_rounds()}
    scored = Scoresheet.objects.filter(assignment__judge=judge, status=ScoresheetStatus.SUBMITTED)
    entries = {sheet.assignment.nomination for sheet in scored.select_related("assignment")}
    feedback_before = {entry.pk: nomination_feedback(entry) for entry in entries}
    submitted = set(scored.values_list("pk", flat=True))
    assert any(rows for rows in results_before.values()) and submitted

    delete_account(judge.user, demo_admin, django_capture_on_commit_callbacks)

    assert {round.pk: round_results(round) for round in published_rounds()} == results_before
    assert {entry.pk: nomination_feedback(entry) for entry in entries} == feedback_before
    # The submitted scoresheets stay, with their scores, attached to the anonymised judge.
    assert (
        set(
            Scoresheet.objects.filter(
                assignment__judge=judge, status=ScoresheetStatus.SUBMITTED
            ).values_list("pk", flat=True)
        )
        == submitted
    )


def test_deleting_a_judge_removes_their_name_pending_work_and_certificate(
    judge, demo_admin, django_capture_on_commit_callbacks
):
    user = judge.user
    certificate = judge_certificate(judge)
    pdf_names = [pdf.name for _language, pdf in certificate.stored_pdfs()]
    assert len(pdf_names) == 2
    open_round = Round.objects.get(cycle=AwardCycle.objects.current(), kind="screening")
    pending = Assignment.objects.filter(judge=judge, round=open_round).exclude(
        scoresheet__status=ScoresheetStatus.SUBMITTED
    )
    assert pending.exists() and judge.panel_memberships.exists()
    closed_assignments = Assignment.objects.filter(judge=judge, round__in=published_rounds())
    closed_count = closed_assignments.count()
    # The audit log names them: by the profile's label, the invitation's data, an assignment's.
    log(judge, "judging.invite", user=demo_admin, data={"email": JUDGE_EMAIL})
    log(closed_assignments.first(), "judging.assign", user=demo_admin)
    logged_objects = {
        JudgeProfile: [judge.pk],
        Certificate: [certificate.pk],
        Assignment: list(Assignment.objects.filter(judge=judge).values_list("pk", flat=True)),
    }
    assert JUDGE_NAME in str(logged_entries(logged_objects))

    summary = delete_account(user, demo_admin, django_capture_on_commit_callbacks)

    judge.refresh_from_db()
    assert (judge.organisation, judge.country, judge.is_active) == ("", "", False)
    assert judge.display_name == "Judge (deleted)"  # in the results by entry
    round_ = Round.objects.get(pk=certificate.round_id)
    assert judge.pk not in {
        subject.judge.pk for subject in certificates.planned(round_) if subject.judge
    }
    assert not judge.expertise.exists() and not judge.panel_memberships.exists()
    assert not judge.clearances.exists() and not Conflict.objects.filter(judge=judge).exists()
    # Work they will never do goes; closed rounds keep every assignment (completeness).
    assert not pending.exists()
    assert closed_assignments.count() == closed_count
    assert summary["judge_assignments_removed"] > 0
    # Their certificate is revoked, no longer names them, and its PDF is gone.
    certificate.refresh_from_db()
    assert certificate.revoked_at and certificate.revoke_reason == "account deleted"
    assert certificate.recipient_name == "Judge (deleted)" and not certificate.stored_pdfs()
    assert not any(certificate.pdf_en.storage.exists(name) for name in pdf_names)
    page = certificates.preview(Round.objects.get(pk=certificate.round_id))
    assert next(row for row in page if row.kind == "judge").new == 0  # not issued again

    # Their name and address are nowhere in the rows that stay.
    identifying = [JUDGE_NAME.lower(), JUDGE_EMAIL]
    rows = [
        get_user_model().objects.filter(pk=user.pk).values().get(),
        JudgeProfile.objects.filter(pk=judge.pk).values().get(),
        *Certificate.objects.filter(judge=judge).values(),
    ]
    rows += logged_entries(logged_objects)
    text = json.dumps(rows, default=str).lower()
    for secret in identifying:
        assert secret not in text


def test_a_judge_without_a_certificate_or_panel_is_deleted_too(
    demo_admin, django_capture_on_commit_callbacks
):
    from tests.factories.accounts import UserFactory
    from tests.factories.judging import JudgeProfileFactory

    user = UserFactory(email="new-judge@example.org")
    JudgeProfileFactory(user=user, organisation="Independent", country="KE")

    summary = delete_account(user, demo_admin, django_capture_on_commit_callbacks)

    assert summary["judge_certificates_revoked"] == 0
    assert JudgeProfile.objects.get(user=user).organisation == ""
