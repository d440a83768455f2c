"""A round's progress (per judge, per entry, overdue) and reminders to judges with pending work:
by one click in the admin or by the scheduled command, never twice a day to the same judge."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from judging.assignment import run as assignment_run
from judging.models import Assignment, ScoresheetStatus
from judging.panel.reminders import pending_judges, send_reminders
from judging.results import progress
from tests.factories.judging import JudgeProfileFactory, ScoresheetFactory
from tests.factories.nominations import NominationFactory

pytestmark = pytest.mark.django_db


def assert_no_access(response, email):
    assert response.status_code == 302
    expected = "/admin/" if email == "editor@demo.test" else "/admin/login/"
    assert response["Location"].split("?")[0] == expected


@pytest.fixture
def scored(world):
    """Ada: one submitted, one draft, one not started and overdue. Bola: everything submitted.
    Chidi: nothing started."""
    ada, bola, chidi = world.judges
    of = {
        judge.pk: list(Assignment.objects.filter(round=world.round, judge=judge).order_by("pk"))
        for judge in world.judges
    }
    assert [len(of[j.pk]) for j in world.judges] == [3, 3, 2]
    first, second, third = of[ada.pk]
    ScoresheetFactory(assignment=first, status=ScoresheetStatus.SUBMITTED)
    ScoresheetFactory(assignment=second, status=ScoresheetStatus.DRAFT)
    third.due_on = timezone.localdate() - timedelta(days=2)
    third.save()
    for assignment in of[bola.pk]:
        ScoresheetFactory(assignment=assignment, status=ScoresheetStatus.SUBMITTED)
    return {"ada": ada, "bola": bola, "chidi": chidi, "overdue": third, "of": of}


def test_progress_per_judge_and_totals(world, scored):
    rows = {row["judge_id"]: row for row in progress.judge_rows(world.round)}
    ada = rows[scored["ada"].pk]
    assert (
        ada["assigned"],
        ada["submitted"],
        ada["drafts"],
        ada["not_started"],
        ada["overdue"],
    ) == (3, 1, 1, 1, 1)
    bola = rows[scored["bola"].pk]
    assert (bola["submitted"], bola["overdue"]) == (3, 0)
    chidi = rows[scored["chidi"].pk]
    assert (chidi["not_started"], chidi["submitted"]) == (2, 0)
    assert ada["name"] == "Ada Judge"

    totals = progress.round_totals(world.round)
    assert (totals.assigned, totals.submitted, totals.drafts, totals.not_started) == (8, 4, 1, 3)
    assert totals.overdue == 1
    assert totals.percent_submitted == 50


def test_progress_per_entry(world, scored):
    rows = {entry.pk: entry for entry in progress.entry_rows(world.round)}
    assert {entry.assigned for entry in rows.values()} == {2}
    expected = {
        entry.pk: Assignment.objects.filter(
            round=world.round, nomination=entry, scoresheet__status=ScoresheetStatus.SUBMITTED
        ).count()
        for entry in world.entries
    }
    assert {pk: row.submitted for pk, row in rows.items()} == expected
    short = NominationFactory(
        cycle=world.cycle, category=world.categories[0], number=6
    )  # not assigned yet
    first = next(iter(progress.entry_rows(world.round)))
    assert first == short and first.assigned == 0


def test_progress_is_one_aggregate_query_whatever_the_size(
    world, scored, django_assert_num_queries
):
    def measure():
        with django_assert_num_queries(1):
            progress.judge_rows(world.round)
        with django_assert_num_queries(1):
            progress.round_totals(world.round)
        with django_assert_num_queries(1):
            list(progress.entry_rows(world.round))
        with django_assert_num_queries(1):
            list(progress.overdue(world.round))

    measure()
    for number in range(5, 15):
        NominationFactory(cycle=world.cycle, category=world.categories[number % 2], number=number)
    JudgeProfileFactory(
        email="dede@judges9.example", organisation="Judging body 9", cycle=world.cycle
    )
    assignment_run.top_up(world.round)
    measure()


def test_overdue_lists_unsubmitted_past_due_assignments_of_open_rounds(world, scored):
    late = scored["overdue"]
    submitted_late = scored["of"][scored["bola"].pk][0]
    submitted_late.due_on = timezone.localdate() - timedelta(days=3)
    submitted_late.save()
    assert list(progress.overdue(round=world.round)) == [late]
    world.round.opens_at = timezone.now() - timedelta(days=30)
    world.round.closes_at = timezone.now() - timedelta(hours=1)
    world.round.save()
    assert list(progress.overdue(round=world.round)) == []
    assert progress.round_totals(world.round).overdue == 0


def test_overdue_page(demo_admin_client, world, scored):
    html = demo_admin_client.get(f"/admin/judging/overdue/?round={world.round.pk}").content.decode()
    assert scored["overdue"].nomination.reference in html
    assert "ada@judges1.example" in html
    assert "bola@judges2.example" not in html


def test_progress_page_query_count_does_not_grow(
    demo_admin_client, world, scored, django_assert_max_num_queries
):
    url = f"/admin/judging/rounds/{world.round.pk}/progress/"
    with django_assert_max_num_queries(60) as captured:
        html = demo_admin_client.get(url).content.decode()
    baseline = len(captured)
    assert "Ada Judge" in html
    assert "TST-KE-0001" in html
    for number in range(5, 15):
        NominationFactory(cycle=world.cycle, category=world.categories[number % 2], number=number)
    for name in ("dede", "efua", "fola"):
        JudgeProfileFactory(
            email=f"{name}@judges9.example", organisation="Judging body 9", cycle=world.cycle
        )
    assignment_run.top_up(world.round)
    with django_assert_max_num_queries(baseline):
        html = demo_admin_client.get(url).content.decode()
    assert "Fola Judge" in html
    assert "TST-KE-0014" in html


def test_reminders_go_once_a_day_to_judges_with_pending_work(
    world, scored, django_capture_on_commit_callbacks
):
    assert set(pending_judges(world.round)) == {scored["ada"], scored["chidi"]}
    with django_capture_on_commit_callbacks(execute=True):
        result = send_reminders(world.round)
    assert {judge.pk for judge in result.sent} == {scored["ada"].pk, scored["chidi"].pk}
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ada@judges1.example",
        "chidi@judges3.example",
    ]
    ada_mail = next(m for m in mail.outbox if m.to == ["ada@judges1.example"])
    assert "2 entries wait for your scores" in ada_mail.subject
    assert scored["overdue"].nomination.reference in ada_mail.body
    assert "overdue" in ada_mail.body
    assert "draft saved, not submitted" in ada_mail.body
    assert "http://testserver/judging/" in ada_mail.body
    submitted = scored["of"][scored["ada"].pk][0].nomination.reference
    assert submitted not in ada_mail.body.replace(scored["overdue"].nomination.reference, "")
    log = ModelLogEntry.objects.filter(action="judging.remind")
    assert log.count() == 2
    assert log.first().data["round"] == world.round.pk

    with django_capture_on_commit_callbacks(execute=True):
        again = send_reminders(world.round)
    assert again.sent == [] and len(again.skipped) == 2
    assert len(mail.outbox) == 2


def test_one_click_reminder_from_the_progress_page(
    demo_admin_client, world, scored, django_capture_on_commit_callbacks
):
    url = f"/admin/judging/rounds/{world.round.pk}/progress/"
    assert "2 judges have entries not submitted yet." in demo_admin_client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = demo_admin_client.post(
            f"/admin/judging/rounds/{world.round.pk}/remind/", follow=True
        )
    html = response.content.decode()
    assert "Reminders sent to 2 judges." in html
    assert len(mail.outbox) == 2
    log = ModelLogEntry.objects.filter(action="judging.remind").first()
    assert log.user.email == "admin@demo.test"
    with django_capture_on_commit_callbacks(execute=True):
        response = demo_admin_client.post(
            f"/admin/judging/rounds/{world.round.pk}/remind/", follow=True
        )
    assert "2 judges were already reminded today" in response.content.decode()
    assert len(mail.outbox) == 2


def test_closed_rounds_send_no_reminders(world, scored, django_capture_on_commit_callbacks):
    world.round.opens_at = timezone.now() - timedelta(days=30)
    world.round.closes_at = timezone.now() - timedelta(hours=1)
    world.round.save()
    with django_capture_on_commit_callbacks(execute=True):
        result = send_reminders(world.round)
    assert result.sent == [] and not mail.outbox


def test_command_reminds_judges_of_open_rounds(world, scored, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_judging_reminders", "--round", str(world.round.pk))
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@judges1.example", "chidi@judges3.example"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_judging_reminders")
    # Every open round is covered, and the judges of this one were already reminded today.
    assert not [m for m in mail.outbox if m.to[0].endswith(".example") and "judges" in m.to[0]]
    with pytest.raises(CommandError, match="No judging round"):
        call_command("send_judging_reminders", "--round", "999999")


@pytest.mark.parametrize("email", ["editor@demo.test", "judge1@demo.test", "nominator@demo.test"])
def test_other_users_see_no_progress_and_send_no_reminders(client, world, email):
    client.force_login(get_user_model().objects.get(email=email))
    assert_no_access(client.get(f"/admin/judging/rounds/{world.round.pk}/progress/"), email)
    assert_no_access(client.get("/admin/judging/overdue/"), email)
    assert_no_access(client.get("/admin/judging/conflicts/"), email)
    assert_no_access(client.post(f"/admin/judging/rounds/{world.round.pk}/remind/"), email)
    assert not ModelLogEntry.objects.filter(action="judging.remind").exists()
