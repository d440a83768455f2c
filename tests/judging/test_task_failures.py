"""Judging's background tasks when they fail (awards_site/background/retry.py): an email is retried;
a certificate batch that fails is marked failed with its error and retried, rendering only what
is missing; one that keeps failing is reported and offers "Try again"; one whose worker died
shows as stalled and can be run again."""

import logging
from datetime import timedelta
from smtplib import SMTPException
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from awards_site import mail as outgoing_mail
from awards_site.models import FailedTask
from judging.certificates import batch as certificate_batch
from judging.certificates import issuing as certificates
from judging.certificates import pdf as certificate_pdf
from judging.models import Certificate, CertificateBatch, CertificateBatchStatus
from judging.results import tasks as judging_tasks
from tests.pages import page_text as text

pytestmark = pytest.mark.django_db


def test_a_result_email_that_fails_once_is_retried_and_sent(awarded, caplog):
    real = outgoing_mail.send_mail
    calls = []

    def flaky(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise SMTPException("421 Try again later")
        return real(*args, **kwargs)

    entry = awarded.entries[0]
    with mock.patch.object(outgoing_mail, "send_mail", flaky), caplog.at_level(logging.INFO):
        judging_tasks.send_round_result.enqueue(awarded.round.pk, entry.pk)
    assert len(calls) == 2
    assert [message.to for message in mail.outbox] == [[entry.nominator.email]]
    assert "send_round_result failed on attempt 1 of 5" in caplog.text
    assert not FailedTask.objects.exists()


# Certificate batches -----------------------------------------------------------------------------
def run_batch_spy():
    """Wraps run_batch to note the batch's state as each attempt starts."""
    real = certificate_batch.run_batch
    seen = []

    def spy(batch_pk):
        batch = CertificateBatch.objects.get(pk=batch_pk)
        seen.append((batch.status, batch.error))
        return real(batch_pk)

    return mock.patch.object(certificate_batch, "run_batch", spy), seen


def test_a_failed_batch_is_marked_failed_then_retried_rendering_only_what_is_missing(
    awarded, django_capture_on_commit_callbacks
):
    rendered = []
    real = certificate_pdf.render_certificate

    def crashes_once(certificate, signatories=None, language=None):
        rendered.append(certificate.pk)
        if len(rendered) == 3:
            raise RuntimeError("renderer crashed")
        return real(certificate, signatories, language)

    spy, seen = run_batch_spy()
    crashing = mock.patch.object(certificate_pdf, "render_certificate", crashes_once)
    with crashing, spy, django_capture_on_commit_callbacks(execute=True):
        result = certificates.issue(awarded.round, awarded.admin)
    # The second attempt found the batch failed, with the error; it then made the rest.
    assert len(seen) == 2
    assert seen[1][0] == CertificateBatchStatus.FAILED and "renderer crashed" in seen[1][1]
    batch = CertificateBatch.objects.get(pk=result.batch.pk)
    assert batch.status == CertificateBatchStatus.DONE and batch.done == 12 and batch.zip
    assert batch.error == ""
    # Twelve certificates: two made before the crash, the failed one again, nine more.
    assert len(rendered) == 13 and len(set(rendered)) == 12
    ours = Certificate.objects.filter(cycle=awarded.cycle)
    assert not ours.filter(certificates.WITHOUT_OWN_PDF).exists()
    assert not FailedTask.objects.exists()


def test_a_batch_that_keeps_failing_is_reported_and_can_be_tried_again(
    awarded, client, django_capture_on_commit_callbacks, caplog
):
    broken = mock.patch.object(
        certificate_pdf, "render_certificate", side_effect=RuntimeError("no fonts")
    )
    with broken, django_capture_on_commit_callbacks(execute=True), caplog.at_level(logging.INFO):
        result = certificates.issue(awarded.round, awarded.admin)
    batch = CertificateBatch.objects.get(pk=result.batch.pk)
    assert batch.status == CertificateBatchStatus.FAILED and "no fonts" in batch.error
    assert batch.finished_at and not batch.zip
    failed = FailedTask.objects.get()
    assert failed.task_name == "issue_certificate_batch" and failed.attempts == 5
    assert failed.arguments == {"args": [batch.pk], "kwargs": {}}
    assert "issue_certificate_batch failed on its last attempt (5 of 5)" in caplog.text

    client.force_login(awarded.admin)
    url = reverse("judging_certificates_batch", args=[batch.pk])
    page = text(client.get(url))
    assert "The batch failed" in page and "no fonts" in page and "Try again" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    batch.refresh_from_db()
    assert batch.status == CertificateBatchStatus.DONE and batch.zip


def test_a_batch_whose_worker_died_shows_as_stalled_and_runs_again(
    awarded, client, settings, django_capture_on_commit_callbacks
):
    settings.BATCH_STALL_MINUTES = 15
    result = certificates.issue(awarded.round, awarded.admin)  # queued; its worker never runs
    batch = result.batch
    CertificateBatch.objects.filter(pk=batch.pk).update(
        status=CertificateBatchStatus.RUNNING, done=4
    )
    client.force_login(awarded.admin)
    url = reverse("judging_certificates_batch", args=[batch.pk])

    # Still moving recently: running, polled for progress, nothing to run again.
    page = client.get(url)
    assert "data-progress-url" in page.content.decode() and "Run again" not in text(page)
    assert client.get(url, {"format": "json"}).json()["stalled"] is False
    client.post(url)
    batch.refresh_from_db()
    assert batch.status == CertificateBatchStatus.RUNNING

    # Sixteen minutes without progress: stalled.
    CertificateBatch.objects.filter(pk=batch.pk).update(
        progress_at=timezone.now() - timedelta(minutes=16)
    )
    page = client.get(url)
    assert "data-progress-url" not in page.content.decode()
    assert "Stalled" in text(page) and "has not moved since" in text(page)
    assert "Run again" in text(page)
    status = client.get(url, {"format": "json"}).json()
    assert status["stalled"] is True and status["status_label"] == "Stalled"
    listing = text(client.get(reverse("judging_certificates_issue", args=[awarded.round.pk])))
    assert "Stalled (4 / 12)" in listing

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == CertificateBatchStatus.DONE and batch.done == 12 and batch.zip
    assert not batch.stalled
