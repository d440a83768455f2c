"""Certificates (judging/certificates/issuing.py): what a round's published results call for,
issuing
(idempotent, in the recipient's language, recorded), codes, revoking and re-issuing, the
database constraint, and the background batch that renders the PDFs and the ZIP."""

import io
import zipfile
from datetime import timedelta
from unittest import mock

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation
from wagtail.models import ModelLogEntry

from judging.certificates import issuing as certificates
from judging.certificates import pdf as certificate_pdf
from judging.certificates.issuing import CertificateError
from judging.models import (
    Certificate,
    CertificateBatch,
    CertificateBatchStatus,
    CertificateKind,
    Round,
)

pytestmark = pytest.mark.django_db

EXPECTED = {
    CertificateKind.WINNER: 2,
    CertificateKind.FINALIST: 1,
    CertificateKind.MERIT: 1,
    CertificateKind.PARTICIPATION: 6,
    CertificateKind.JUDGE: 2,
}


def counts(queryset):
    result = {}
    for kind in queryset.values_list("kind", flat=True):
        result[kind] = result.get(kind, 0) + 1
    return result


# What a round calls for --------------------------------------------------------------------------


def test_the_published_outcomes_participation_and_judges_are_called_for(awarded):
    rows = {row.kind: row for row in certificates.preview(awarded.round)}
    assert {kind: row.planned for kind, row in rows.items()} == EXPECTED
    assert all(row.new == row.planned and row.kept == row.revoked == 0 for row in rows.values())
    planned = certificates.planned(awarded.round)
    # Shortlisted, ineligible and withdrawn entries get no outcome certificate; the last two
    # get no participation certificate either.
    nominations = {s.nomination.pk for s in planned if s.nomination}
    assert not nominations & {other.pk for other in awarded.others}
    # Judges with a submitted scoresheet only (the third judge has a draft).
    judges = {s.judge.pk for s in planned if s.judge}
    assert judges == {awarded.judges[0].pk, awarded.judges[1].pk}


def test_a_round_without_published_results_issues_nothing(scene, superuser):
    with pytest.raises(CertificateError, match="not published"):
        certificates.issue(scene.round, superuser)
    assert not Certificate.objects.filter(cycle=scene.cycle).exists()


# Issuing -----------------------------------------------------------------------------------------


def test_issuing_is_idempotent(awarded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        first = certificates.issue(awarded.round, awarded.admin, run=False)
    assert callbacks == []  # without `run`, no batch is queued
    assert first.created == 12 and first.kept == 0 and first.batch is None
    ours = Certificate.objects.filter(cycle=awarded.cycle)
    codes = set(ours.values_list("code", flat=True))
    assert counts(ours) == EXPECTED

    second = certificates.issue(awarded.round, awarded.admin, run=False)
    assert second.created == 0 and second.kept == 12
    assert set(ours.values_list("code", flat=True)) == codes
    entries = ModelLogEntry.objects.filter(
        action="judging.certificates_issue", object_id=str(awarded.round.pk)
    )
    assert entries.count() == 2
    assert entries.order_by("pk").first().data["created"] == {
        str(k): v for k, v in EXPECTED.items()
    }


def test_what_a_certificate_says_is_copied_in_every_language(awarded):
    certificates.issue(awarded.round, awarded.admin, run=False)
    french = Certificate.objects.get(nomination=awarded.entries[1], kind="finalist")
    assert french.language == "fr"  # its nominator's account language
    assert french.recipient_name == "Ministère de la Fonction Publique et de la Réforme"
    assert (french.award_en, french.award_fr) == ("Finalist", "Finaliste")
    assert (french.category_en, french.category_fr) == ("Digital", "Numérique")
    # The cycle has no French name: the English one is printed in both.
    assert (french.cycle_name_en, french.cycle_name_fr) == ("Results cycle", "Results cycle")
    with translation.override("fr"):
        assert (french.award, french.category) == ("Finaliste", "Numérique")
    with translation.override("en"):
        assert (french.award, french.category) == ("Finalist", "Digital")
    english = Certificate.objects.get(nomination=awarded.entries[0], kind="winner")
    assert (english.language, english.award_en, english.category_en) == ("en", "Winner", "Digital")
    assert (english.award_fr, english.category_fr) == ("Lauréat", "Numérique")
    assert english.initiative == "Initiative 1"
    # Changing the records afterwards changes nothing the certificate says.
    awarded.entries[0].organisation_name = "Renamed"
    awarded.entries[0].save()
    english.refresh_from_db()
    assert english.recipient_name == "Agency 1"


def test_the_language_is_the_recipients_account_language_not_the_nominations(awarded):
    """A nomination filled in in French by someone whose account is in English: English."""
    awarded.entries[2].language = "fr"
    awarded.entries[2].save()
    nominator = awarded.entries[3].nominator
    nominator.language = "fr"
    nominator.save()  # the nomination itself is in English
    cycle = awarded.cycle
    cycle.name_fr = "Édition des résultats"
    cycle.save()
    certificates.issue(awarded.round, awarded.admin, run=False)
    assert Certificate.objects.get(nomination=awarded.entries[2], kind="merit").language == "en"
    french = Certificate.objects.get(nomination=awarded.entries[3], kind="participation")
    assert french.language == "fr" and french.cycle_name_fr == "Édition des résultats"


def test_judges_certificates_are_in_their_language(awarded):
    user = awarded.judges[1].user
    user.language = "fr"
    user.save()
    certificates.issue(awarded.round, awarded.admin, run=False)
    judge = Certificate.objects.get(judge=awarded.judges[1])
    assert (judge.kind, judge.language, judge.category) == ("judge", "fr", "")
    assert judge.recipient_name == awarded.judges[1].display_name
    assert Certificate.objects.get(judge=awarded.judges[0]).language == "en"


def test_later_rounds_add_only_what_is_new(awarded):
    certificates.issue(awarded.round, awarded.admin, run=False)
    awarded.entries[4].status = "withdrawn"
    awarded.entries[4].save()
    extra = awarded.entry(9)  # a late eligible entry
    result = certificates.issue(awarded.round, awarded.admin, run=False)
    assert result.created == 1 and result.created_by_kind == {"participation": 1}
    assert Certificate.objects.filter(nomination=extra, kind="participation").exists()
    # Issued certificates stay valid: withdrawing later is an administrator's call to revoke.
    assert Certificate.objects.get(nomination=awarded.entries[4]).is_valid


# Codes -------------------------------------------------------------------------------------------


def test_codes_are_unguessable_and_forgiving_to_type(awarded):
    certificates.issue(awarded.round, awarded.admin, run=False)
    codes = list(Certificate.objects.filter(cycle=awarded.cycle).values_list("code", flat=True))
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert len(code) == 16 and set(code) <= set(certificates.CODE_ALPHABET)
    assert not set("IO01") & set(certificates.CODE_ALPHABET)
    certificate = Certificate.objects.filter(cycle=awarded.cycle).first()
    grouped = certificate.display_code
    assert len(grouped) == 19 and grouped.count("-") == 3
    for typed in [grouped, grouped.lower(), certificate.code, f"  {grouped.replace('-', ' ')} "]:
        assert certificates.find(typed) == certificate
    for malformed in ["", "ABC", "O" * 16, grouped + "A", "ABCD-EFGH-JKLM-NPQ!", "../../etc"]:
        assert certificates.normalise_code(malformed) is None
        assert certificates.find(malformed) is None


def test_new_codes_never_reuse_a_taken_one(awarded):
    certificates.issue(awarded.round, awarded.admin, run=False)
    taken = Certificate.objects.filter(cycle=awarded.cycle).first().code
    draws = iter([taken, "ABCDEFGHJKLMNPQR"])
    with mock.patch.object(certificates, "new_code", lambda: next(draws)):
        assert certificates.new_codes(1) == ["ABCDEFGHJKLMNPQR"]


# Revoking and re-issuing -------------------------------------------------------------------------


def test_revoking_needs_a_reason_and_is_recorded(issued):
    with pytest.raises(CertificateError, match="Say why"):
        certificates.revoke(issued.winner, issued.admin, "   ")
    certificates.revoke(issued.winner, issued.admin, "Entry disqualified after an audit.")
    issued.winner.refresh_from_db()
    assert issued.winner.revoked_at and issued.winner.revoked_by == issued.admin
    assert issued.winner.revoke_reason == "Entry disqualified after an audit."
    entry = ModelLogEntry.objects.get(
        action="judging.certificate_revoke", object_id=str(issued.winner.pk)
    )
    assert entry.object_id == str(issued.winner.pk)
    assert entry.data["reason"] == "Entry disqualified after an audit."
    with pytest.raises(CertificateError, match="already revoked"):
        certificates.revoke(issued.winner, issued.admin, "Again.")


def test_a_revoked_certificate_is_not_issued_again_by_a_batch(issued):
    certificates.revoke(issued.winner, issued.admin, "Disqualified.")
    rows = {row.kind: row for row in certificates.preview(issued.round)}
    assert (rows["winner"].revoked, rows["winner"].kept, rows["winner"].new) == (1, 1, 0)
    result = certificates.issue(issued.round, issued.admin, run=False)
    assert result.created == 0 and result.revoked == 1
    assert not Certificate.objects.filter(
        nomination=issued.entries[0], kind="winner", revoked_at=None
    ).exists()


def test_reissuing_revokes_and_replaces_with_what_the_records_say_now(issued):
    issued.entries[0].organisation_name = "Agency One (corrected)"
    issued.entries[0].save()
    pdf = certificate_pdf.ensure_pdf(issued.winner).pdf("en").name
    new = certificates.reissue(issued.winner, issued.admin, "The name was misspelt.")
    issued.winner.refresh_from_db()
    assert not issued.winner.is_valid and issued.winner.revoke_reason == "The name was misspelt."
    assert new.is_valid and new.replaces == issued.winner and new.code != issued.winner.code
    assert new.recipient_name == "Agency One (corrected)"
    assert (new.kind, new.round, new.nomination) == ("winner", issued.round, issued.entries[0])
    assert not new.stored_pdfs() and issued.winner.pdf("en").name == pdf  # a PDF of its own
    assert ModelLogEntry.objects.filter(
        action="judging.certificate_reissue", object_id=str(new.pk)
    ).exists()
    with pytest.raises(CertificateError, match="already re-issued"):
        certificates.reissue(issued.winner, issued.admin, "Twice.")
    # A revoked certificate without a replacement can be re-issued.
    judge = Certificate.objects.get(judge=issued.judges[0])
    certificates.revoke(judge, issued.admin, "Wrong name.")
    assert certificates.reissue(judge, issued.admin, "Name fixed.").is_valid


def test_the_database_keeps_one_valid_certificate_per_recipient_and_kind(issued):
    winner = issued.winner
    duplicate = Certificate(
        code="ABCDEFGHJKLMNPQR",
        kind=winner.kind,
        cycle=winner.cycle,
        nomination=winner.nomination,
        recipient_name="x",
        award_en="x",
        cycle_name_en="x",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    judge = Certificate.objects.get(judge=issued.judges[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            code="ABCDEFGHJKLMNPQS",
            kind="judge",
            cycle=judge.cycle,
            judge=judge.judge,
            recipient_name="x",
            award_en="x",
            cycle_name_en="x",
        )
    # Once the first is revoked, a new valid one may exist.
    certificates.revoke(winner, issued.admin, "Replaced by hand.")
    duplicate.save()
    assert duplicate.pk


# The batch ---------------------------------------------------------------------------------------


def issue_and_run(round, user, capture):
    with capture(execute=True):
        return certificates.issue(round, user)


def test_the_batch_renders_every_pdf_then_one_zip(awarded, django_capture_on_commit_callbacks):
    result = issue_and_run(awarded.round, awarded.admin, django_capture_on_commit_callbacks)
    batch = CertificateBatch.objects.get(pk=result.batch.pk)
    assert batch.status == CertificateBatchStatus.DONE and batch.finished_at
    assert batch.total == batch.done == 12 and batch.percent == 100
    issued = Certificate.objects.filter(cycle=awarded.cycle)
    # Each in its recipient's language; the other language's is made on its first download.
    assert all(
        [language for language, _pdf in certificate.stored_pdfs()] == [certificate.language]
        for certificate in issued
    )
    assert {certificate.language for certificate in issued} == {"en", "fr"}
    assert set(issued.values_list("batch", flat=True)) == {batch.pk}
    with batch.zip.open("rb") as file, zipfile.ZipFile(io.BytesIO(file.read())) as archive:
        names = archive.namelist()
        assert len(names) == 12
        winner = issued.get(nomination=awarded.entries[0], kind="winner")
        assert f"winner/agency-1-{winner.display_code}.pdf" in names
        assert archive.read(names[0]).startswith(b"%PDF")


def test_issuing_again_renders_nothing_twice(awarded, django_capture_on_commit_callbacks):
    issue_and_run(awarded.round, awarded.admin, django_capture_on_commit_callbacks)
    ours = Certificate.objects.filter(cycle=awarded.cycle)
    pdfs = list(ours.order_by("pk").values_list("pk", "pdf_en", "pdf_fr"))
    with mock.patch.object(
        certificate_pdf, "render_certificate", side_effect=AssertionError("rendered again")
    ):
        second = issue_and_run(awarded.round, awarded.admin, django_capture_on_commit_callbacks)
    assert second.created == 0 and second.kept == 12
    batch = CertificateBatch.objects.get(pk=second.batch.pk)
    assert batch.status == "done" and batch.total == 12 and batch.zip
    assert list(ours.order_by("pk").values_list("pk", "pdf_en", "pdf_fr")) == pdfs
    assert ours.count() == 12


def test_a_second_click_while_a_batch_is_queued_returns_it(awarded):
    first = certificates.issue(awarded.round, awarded.admin)  # on_commit never runs here
    assert first.batch.status == CertificateBatchStatus.QUEUED and first.batch.total == 12
    second = certificates.issue(awarded.round, awarded.admin)
    assert second.batch == first.batch and second.created == 0
    assert CertificateBatch.objects.filter(round=awarded.round).count() == 1
    # A batch stuck for longer (its worker died) does not block the round.
    CertificateBatch.objects.filter(pk=first.batch.pk).update(
        created_at=first.batch.created_at - certificates.SECOND_CLICK
    )
    third = certificates.issue(awarded.round, awarded.admin)
    assert third.batch != first.batch and third.batch.total == 12


def test_a_failed_batch_says_so_and_can_be_tried_again(
    awarded, django_capture_on_commit_callbacks, settings
):
    settings.TASK_MAX_ATTEMPTS = 1  # no automatic retry here (tests/judging/test_task_failures.py)
    calls = []
    real = certificate_pdf.render_certificate

    def flaky(certificate, signatories=None, language=None):
        calls.append(certificate.pk)
        if len(calls) == 3:
            raise RuntimeError("renderer crashed")
        return real(certificate, signatories, language)

    with mock.patch.object(certificate_pdf, "render_certificate", flaky):
        result = issue_and_run(awarded.round, awarded.admin, django_capture_on_commit_callbacks)
    batch = CertificateBatch.objects.get(pk=result.batch.pk)
    assert batch.status == CertificateBatchStatus.FAILED and "renderer crashed" in batch.error
    assert not batch.zip
    ours = Certificate.objects.filter(cycle=awarded.cycle)
    rendered = ours.exclude(certificates.WITHOUT_OWN_PDF).count()
    assert rendered == 2
    with django_capture_on_commit_callbacks(execute=True):
        certificates.retry_batch(batch, awarded.admin)
    batch.refresh_from_db()
    assert batch.status == CertificateBatchStatus.DONE and batch.done == 12 and batch.zip
    with pytest.raises(CertificateError):
        certificates.retry_batch(batch, awarded.admin)


def test_the_task_takes_an_id_and_does_nothing_for_a_finished_batch(awarded):
    from judging.certificates.tasks import issue_certificate_batch

    result = certificates.issue(awarded.round, awarded.admin)
    CertificateBatch.objects.filter(pk=result.batch.pk).update(status="done")
    with mock.patch.object(
        certificate_pdf, "render_certificate", side_effect=AssertionError("rendered")
    ):
        outcome = issue_certificate_batch.enqueue(result.batch.pk)
    assert outcome.status == "SUCCESSFUL"


def test_demo_certificates_of_the_closed_cycle():
    final = Round.objects.get(cycle__code="CX26", kind="final")
    issued = Certificate.objects.filter(cycle=final.cycle)
    kinds = counts(issued.filter(revoked_at=None))
    assert set(kinds) == {"winner", "finalist", "merit", "participation", "judge"}
    assert kinds["participation"] == final.cycle.nominations.exclude(status="draft").count()
    assert all(not certificate.stored_pdfs() for certificate in issued)  # on first download
    # One was re-issued, so the demo shows a revoked certificate too.
    revoked = issued.get(revoked_at__isnull=False)
    assert revoked.replaced_by.get().is_valid and revoked.revoke_reason
    assert final.cycle.signatories.count() == 3
    assert all(signatory.signature_id for signatory in final.cycle.signatories.all())
    # Running the demo again adds nothing.
    from judging.demo import loader as demo

    before = issued.count()
    demo.load_certificates(final.cycle, final.cycle, None)
    assert issued.count() == before


def test_a_batch_whose_worker_was_lost_is_queued_again_by_the_scheduled_job(
    awarded, django_capture_on_commit_callbacks, settings
):
    """`manage.py requeue_stalled_batches` (every 5 minutes, deploy/systemd/): a batch idle
    for BATCH_STALL_MINUTES is run again and finished; one still moving is left alone."""
    from django.core.management import call_command

    settings.BATCH_STALL_MINUTES = 15
    lost = certificates.issue(awarded.round, awarded.admin).batch  # its worker never ran it
    with django_capture_on_commit_callbacks() as queued:
        call_command("requeue_stalled_batches", verbosity=0)
    assert queued == []  # queued a moment ago: not stalled yet

    CertificateBatch.objects.filter(pk=lost.pk).update(
        status=CertificateBatchStatus.RUNNING,
        progress_at=lost.progress_at - timedelta(minutes=16),
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_stalled_batches", verbosity=0)
    lost.refresh_from_db()
    assert lost.status == CertificateBatchStatus.DONE and lost.done == 12
