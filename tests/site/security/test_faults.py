"""Faults: the database connection failing in the middle of sending a nomination or saving and
submitting a scoresheet leaves nothing half-written, tells the person so (503, not the generic
error page) and keeps their input for a retry that then succeeds; an email task that fails is
retried, and one that keeps failing is logged and listed for administrators without failing
the request that sent it (awards_site/security/database_errors.py,
awards_site/background/retry.py)."""

import html
import logging
import re
from contextlib import contextmanager
from datetime import timedelta
from smtplib import SMTPException
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import InterfaceError, OperationalError, connection
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from awards_site import mail as outgoing_mail
from awards_site.models import FailedTask
from awards_site.security.database_errors import DatabaseUnavailableMiddleware
from judging.models import Assignment, CriterionScore, Scoresheet, ScoresheetStatus
from judging.scoring import rules as scoring
from nominations import tasks as nomination_tasks
from nominations.choices import NominationStatus
from nominations.models import Nomination, ReferenceCounter
from tests.pages import page_text as text

pytestmark = pytest.mark.django_db

LOST = "server closed the connection unexpectedly"


# The connection failing ------------------------------------------------------------------------
def writes_to(table, verbs=("INSERT", "UPDATE", "DELETE")):
    def matches(sql):
        return sql.lstrip().upper().startswith(verbs) and f'"{table}"' in sql

    return matches


@contextmanager
def connection_drops(on, after=None, error=OperationalError):
    """The database connection fails once, on the first statement `on` matches that comes after
    one `after` matches (the statements before it went through), as when the database server
    restarts in the middle of a request. Yields the statements that went through."""
    went_through, failed = [], []

    def wrapper(execute, sql, params, many, context):
        ready = after is None or any(after(done) for done in went_through)
        if not failed and ready and on(sql):
            failed.append(sql)
            raise error(LOST)
        went_through.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield went_through
    assert failed, "the connection never failed: nothing was tested"


def resend_form(response):
    """The "Send again" form of the 503 page: its address and the fields it posts."""
    page = response.content.decode()
    action = re.search(r'<form method="post" action="([^"]*)">', page).group(1)
    fields = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)">', page):
        fields.setdefault(html.unescape(name), []).append(html.unescape(value))
    fields.pop("csrfmiddlewaretoken")
    return html.unescape(action), fields


def submit_logged(obj, action):
    return ModelLogEntry.objects.filter(action=action, object_id=str(obj.pk)).count()


# Sending a nomination --------------------------------------------------------------------------
def test_connection_lost_while_sending_a_nomination(wizard, django_capture_on_commit_callbacks):
    wizard.complete_all()
    counters = list(ReferenceCounter.objects.values_list("pk", "last_number"))
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        connection_drops(
            on=writes_to("wagtailcore_modellogentry"), after=writes_to("nominations_nomination")
        ) as went_through,
    ):
        response = wizard.submit()

    # The nomination's row was written, then the connection failed before the audit entry.
    assert any(writes_to("nominations_nomination", ("UPDATE",))(sql) for sql in went_through)
    assert response.status_code == 503
    assert response["Retry-After"] and response["Cache-Control"] == "no-store"
    page = text(response)
    assert "We could not save what you sent" in page
    assert "Nothing from this form was saved, and nothing was half-saved" in page
    assert "Traceback" not in page and LOST not in page
    # Nothing of the submission stays: still a draft with every answer, no reference used up,
    # no audit entry, no email.
    nomination = wizard.nomination
    assert nomination.status == NominationStatus.DRAFT
    assert not nomination.reference and nomination.submitted_at is None
    assert nomination.organisation_name.startswith("Ministère")
    assert nomination.evidence.count() == 1
    assert list(ReferenceCounter.objects.values_list("pk", "last_number")) == counters
    assert submit_logged(nomination, "nominations.submit") == 0
    assert callbacks == [] and mail.outbox == []

    # "Send again" posts the same thing to the same address, and now it goes through.
    action, fields = resend_form(response)
    assert action == wizard.url("check")
    with django_capture_on_commit_callbacks(execute=True):
        retry = wizard.client.post(action, fields)
    assert retry.status_code == 302
    assert retry["Location"] == f"/my-nominations/{wizard.uuid}/submitted/"
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.SUBMITTED and nomination.reference
    assert submit_logged(nomination, "nominations.submit") == 1
    assert len(mail.outbox) == 1


def test_connection_lost_while_a_page_is_read(nominator_client):
    with connection_drops(on=lambda sql: '"nominations_nomination"' in sql):
        response = nominator_client.get(reverse("nominations:my_nominations"))
    assert response.status_code == 503
    page = text(response)
    assert "This page cannot be shown just now" in page and "Reload the page" in page
    assert "Send again" not in page


def test_passwords_and_files_are_never_written_back_into_the_page():
    request = RequestFactory().post(
        "/accounts/password/change/",
        {"oldpassword": "my-old-secret", "password1": "a-new-secret", "csrfmiddlewaretoken": "x"},
        HTTP_REFERER="http://testserver/accounts/password/change/",
    )
    response = DatabaseUnavailableMiddleware(lambda request: None).process_exception(
        request, InterfaceError("connection already closed")
    )
    page = text(response)
    assert response.status_code == 503
    assert "secret" not in response.content.decode()
    assert "Send again" not in page and "send it again in a few seconds" in page
    assert 'href="http://testserver/accounts/password/change/"' in response.content.decode()
    # Any other error is not a lost connection: it is left to the usual error handling.
    assert (
        DatabaseUnavailableMiddleware(lambda request: None).process_exception(
            request, ValueError("a bug")
        )
        is None
    )


# A judge's scoresheet --------------------------------------------------------------------------
@pytest.fixture
def assignment(world):
    assignment = (
        Assignment.objects.filter(round=world.round)
        .select_related("judge__user", "nomination", "round")
        .order_by("pk")
        .first()
    )
    assignment.conflict_checked_at = timezone.now()
    assignment.save()
    return assignment


@pytest.fixture
def judge_client(client, assignment):
    client.force_login(assignment.judge.user)
    return client


def scores(world, values, version, **extra):
    data = {"version": str(version), "overall_comment": "Strong, clear results.", **extra}
    data["recommendation"] = "yes"
    for criterion, value in zip(world.criteria, values, strict=True):
        data[f"score_{criterion.pk}"] = str(value)
        data[f"comment_{criterion.pk}"] = f"Why {criterion.name} gets {value}."
    return data


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_connection_lost_while_saving_a_scoresheet(world, judge_client, assignment, error):
    url = reverse("judging:entry", args=[assignment.pk])
    typed = scores(world, (5, 3, 1), version=1, save="1")
    # The first save inserts the sheet with its version and comment, then writes the scores.
    with connection_drops(
        on=writes_to("judging_criterionscore"),
        after=writes_to("judging_scoresheet", ("INSERT", "UPDATE")),
        error=error,
    ):
        response = judge_client.post(url, typed)

    assert response.status_code == 503
    assert "We could not save what you sent" in text(response)
    # The sheet's version and comment were written, then the scores failed: all rolled back
    # (no sheet is left, or only the empty one opening the entry makes).
    sheets = Scoresheet.objects.filter(assignment=assignment)
    assert not sheets.exclude(version=1, overall_comment="", recommendation="").exists()
    scores_kept = CriterionScore.objects.filter(scoresheet__assignment=assignment)
    assert not scores_kept.exclude(score=None, comment="").exists()

    # What the judge typed is on the page, and sending it again saves it.
    action, fields = resend_form(response)
    assert action == url
    assert fields == {name: [value] for name, value in typed.items()}
    retry = judge_client.post(action, fields)
    assert retry.status_code == 302
    sheet = sheets.get()
    assert sheet.version == 2 and sheet.overall_comment == "Strong, clear results."
    assert sheet.scores.get(criterion=world.criteria[0]).score == 5


def test_connection_lost_while_submitting_a_scoresheet(world, judge_client, assignment):
    entry_url = reverse("judging:entry", args=[assignment.pk])
    confirm_url = reverse("judging:submit", args=[assignment.pk])
    assert judge_client.post(entry_url, scores(world, (4, 4, 2), 1, submit="1")).status_code == 302
    with connection_drops(
        on=writes_to("wagtailcore_modellogentry"),
        after=writes_to("judging_scoresheet", ("UPDATE",)),
    ):
        response = judge_client.post(confirm_url, {"version": "2"})

    assert response.status_code == 503
    sheet = Scoresheet.objects.get(assignment=assignment)
    assert sheet.status == ScoresheetStatus.DRAFT and sheet.submitted_at is None
    assert sheet.version == 2 and sheet.weighted_score is None
    assert submit_logged(sheet, "judging.submit") == 0
    assert scoring.lock_reason(sheet, assignment.round) == ""  # still the judge's to change

    action, fields = resend_form(response)
    assert (action, fields) == (confirm_url, {"version": ["2"]})
    retry = judge_client.post(action, fields)
    assert retry.status_code == 302 and retry["Location"] == reverse("judging:dashboard")
    sheet.refresh_from_db()
    assert sheet.status == ScoresheetStatus.SUBMITTED
    assert submit_logged(sheet, "judging.submit") == 1


# Email tasks -----------------------------------------------------------------------------------
def failing_mail(times):
    """send_mail that fails `times` times (the mail server refusing), then sends."""
    real = outgoing_mail.send_mail
    calls = []

    def send(*args, **kwargs):
        calls.append(args)
        if len(calls) <= times:
            raise SMTPException("421 Service not available")
        return real(*args, **kwargs)

    return mock.patch.object(outgoing_mail, "send_mail", send), calls


def task_records(caplog, level):
    return [r for r in caplog.records if r.name == "awards_site.tasks" and r.levelno == level]


def test_a_confirmation_email_that_fails_once_is_retried_and_sent(
    wizard,
    django_capture_on_commit_callbacks,
    caplog,
):
    wizard.complete_all()
    patch, calls = failing_mail(times=1)
    with patch, django_capture_on_commit_callbacks(execute=True), caplog.at_level(logging.INFO):
        response = wizard.submit()
    assert response.status_code == 302
    assert len(calls) == 2 and len(mail.outbox) == 1
    assert wizard.nomination.reference in mail.outbox[0].subject
    [warning] = task_records(caplog, logging.WARNING)
    assert "send_submission_confirmation failed on attempt 1 of 5" in warning.getMessage()
    assert "421 Service not available" in warning.getMessage()
    assert not task_records(caplog, logging.ERROR)
    assert not FailedTask.objects.exists()


def test_an_email_that_keeps_failing_is_reported_and_the_nomination_is_still_sent(
    wizard,
    django_capture_on_commit_callbacks,
    caplog,
    client,
):
    wizard.complete_all()
    patch, calls = failing_mail(times=99)
    with patch, django_capture_on_commit_callbacks(execute=True), caplog.at_level(logging.INFO):
        response = wizard.submit()
    # The nominator's submission went through; the email did not.
    assert response.status_code == 302
    assert response["Location"] == f"/my-nominations/{wizard.uuid}/submitted/"
    assert wizard.nomination.status == NominationStatus.SUBMITTED
    assert mail.outbox == []
    # Tried exactly TASK_MAX_ATTEMPTS times (no loop), each failure logged, the last as ERROR.
    assert len(calls) == 5
    warnings = [r.getMessage() for r in task_records(caplog, logging.WARNING)]
    assert [re.search(r"attempt (\d) of 5", m).group(1) for m in warnings] == list("1234")
    [error] = task_records(caplog, logging.ERROR)
    assert "send_submission_confirmation failed on its last attempt (5 of 5)" in error.getMessage()
    failed = FailedTask.objects.get()
    assert failed.task_name == "send_submission_confirmation" and failed.attempts == 5
    assert failed.arguments == {"args": [wizard.nomination.pk], "kwargs": {}}
    assert failed.error == "SMTPException: 421 Service not available"
    assert "Traceback" in failed.traceback

    # Administrators find it in the Wagtail admin.
    client.force_login(get_user_model().objects.get(email="admin@demo.test"))
    listing = text(client.get(reverse("failed_tasks:index")))
    assert "send_submission_confirmation" in listing and "421 Service not available" in listing
    detail = client.get(reverse("failed_tasks:inspect", args=[failed.pk])).content.decode()
    assert "smtplib.SMTPException" in html.unescape(detail)
    assert client.get(reverse("failed_tasks:add")).status_code in (302, 403, 404)
    assert reverse("failed_tasks:index") in client.get("/admin/").content.decode()
    # An editor has no business there, and is not shown the way.
    client.force_login(get_user_model().objects.get(email="editor@demo.test"))
    assert reverse("failed_tasks:index") not in client.get("/admin/").content.decode()
    assert client.get(reverse("failed_tasks:index")).status_code in (302, 403)


def test_a_deletion_email_that_fails_keeps_no_address_in_the_report(caplog):
    patch, _calls = failing_mail(times=99)
    with patch:
        nomination_tasks.send_deletion_completed.enqueue("gone@example.org", "en", "CX27-KE-0001")
    failed = FailedTask.objects.get(task_name="send_deletion_completed")
    assert "gone@example.org" not in str(failed.arguments)


def run_ready_task():
    """What `manage.py db_worker` does with the next ready task, here in the test's transaction."""
    result = DBTaskResult.objects.ready().get()
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    result.claim(worker.worker_id)
    worker.run_task(result)
    result.refresh_from_db()
    return result


def test_with_the_database_backend_each_retry_waits_longer(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_MAX_ATTEMPTS = 3
    nomination = Nomination.objects.filter(status=NominationStatus.SUBMITTED).first()
    patch, calls = failing_mail(times=99)
    with patch:
        nomination_tasks.send_submission_confirmation.enqueue(nomination.pk)
        assert calls == []  # queued for a worker, not run in the request

        first = run_ready_task()
        assert first.status == TaskResultStatus.SUCCESSFUL  # failed, and retried
        assert first.return_value["next_attempt"] == 2
        second = DBTaskResult.objects.get(status=TaskResultStatus.READY)
        assert second.args_kwargs == {"args": [nomination.pk], "kwargs": {"attempt": 2}}
        delay = second.run_after - timezone.now()
        assert timedelta(seconds=50) < delay <= timedelta(seconds=60)
        assert not DBTaskResult.objects.ready().exists()  # waits its turn

        DBTaskResult.objects.filter(pk=second.pk).update(run_after=timezone.now())
        run_ready_task()
        third = DBTaskResult.objects.get(status=TaskResultStatus.READY)
        delay = third.run_after - timezone.now()
        assert timedelta(seconds=230) < delay <= timedelta(seconds=240)

        DBTaskResult.objects.filter(pk=third.pk).update(run_after=timezone.now())
        last = run_ready_task()
    # The last attempt is a failed result with its traceback, and nothing more is queued.
    assert len(calls) == 3
    assert last.status == TaskResultStatus.FAILED and "SMTPException" in last.traceback
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
    assert FailedTask.objects.get().attempts == 3
