"""Assignments in the Wagtail admin: the run of a round previewed then applied, assignments added
by hand (never to a conflicted judge or one off the entry's panel) and removed (never a submitted
scoresheet), each recorded in the audit log; the list filters by round, judge and status."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from judging.models import Assignment, ScoresheetStatus
from tests.factories.judging import (
    ConflictFactory,
    JudgeProfileFactory,
    RoundFactory,
    ScoresheetFactory,
)
from tests.factories.nominations import NominationFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/judging/assignments/new/"


def assert_no_access(response, email):
    assert response.status_code == 302
    expected = "/admin/" if email == "editor@demo.test" else "/admin/login/"
    assert response["Location"].split("?")[0] == expected


@pytest.fixture
def empty_round(world):
    return RoundFactory(
        cycle=world.cycle, rubric=world.rubric, judges_per_entry=2, name_en="Second look"
    )


def run_url(round):
    return f"/admin/judging/rounds/{round.pk}/assign/"


def test_preview_then_apply_gives_each_entry_k_judges_with_balanced_loads(
    demo_admin_client, world, empty_round
):
    html = demo_admin_client.get(run_url(empty_round)).content.decode()
    assert "The run would make 8 new assignments." in html
    assert "ada@judges1.example" not in html or "Ada Judge" in html
    assert "None: every entry will have all its judges." in html
    assert not Assignment.objects.filter(round=empty_round).exists()  # a preview saves nothing

    fingerprint = re.search(r'name="fingerprint" value="(\w+)"', html).group(1)
    response = demo_admin_client.post(run_url(empty_round), {"fingerprint": fingerprint})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/judging/rounds/{empty_round.pk}/progress/"

    assignments = Assignment.objects.filter(round=empty_round)
    per_entry = {entry.pk: assignments.filter(nomination=entry).count() for entry in world.entries}
    assert set(per_entry.values()) == {2}
    loads = sorted(assignments.filter(judge=judge).count() for judge in world.judges)
    assert loads == [2, 3, 3]
    assert {a.due_on for a in assignments} == {empty_round.scores_due_on}
    entry = ModelLogEntry.objects.get(action="judging.assign_run", object_id=str(empty_round.pk))
    assert entry.user.email == "admin@demo.test"
    assert len(entry.data["pairs"]) == 8

    html = demo_admin_client.get(run_url(empty_round)).content.decode()
    assert "The run would make 0 new assignments." in html


def test_apply_after_a_change_saves_nothing_and_shows_the_new_preview(
    demo_admin_client, world, empty_round
):
    html = demo_admin_client.get(run_url(empty_round)).content.decode()
    fingerprint = re.search(r'name="fingerprint" value="(\w+)"', html).group(1)
    NominationFactory(
        cycle=world.cycle, category=world.categories[0], number=8
    )  # a new entry arrives meanwhile
    response = demo_admin_client.post(run_url(empty_round), {"fingerprint": fingerprint})
    assert response.status_code == 200
    html = response.content.decode()
    assert "nothing was saved" in html
    assert "The run would make 10 new assignments." in html
    assert not Assignment.objects.filter(round=empty_round).exists()


def test_preview_says_why_entries_stay_short(demo_admin_client, world):
    round = RoundFactory(
        cycle=world.cycle, rubric=world.rubric, judges_per_entry=4, name_en="Four judges"
    )
    html = demo_admin_client.get(run_url(round)).content.decode()
    assert "After the run, 4 entries will still have fewer judges than needed." in html
    assert "Only 3 judges sit on this category" in html
    assert f"{ADD}?round={round.pk}&amp;reference=TST-KE-0001" in html


def test_a_closed_round_cannot_be_run(demo_admin_client, world, empty_round):
    from django.utils import timezone

    empty_round.opens_at = timezone.now() - timezone.timedelta(days=20)
    empty_round.closes_at = timezone.now() - timezone.timedelta(days=1)
    empty_round.save()
    response = demo_admin_client.post(run_url(empty_round), {"fingerprint": "x"}, follow=True)
    assert "This round has closed" in response.content.decode()
    assert not Assignment.objects.filter(round=empty_round).exists()


def add(demo_admin_client, round, entry, judge):
    return demo_admin_client.post(
        ADD, {"round": round.pk, "reference": entry.reference, "judge": judge.pk, "due_on": ""}
    )


def test_add_by_hand_refuses_a_judge_with_a_declared_conflict(
    demo_admin_client, world, empty_round
):
    entry, judge = world.entries[0], world.judges[0]
    ConflictFactory(judge=judge, cycle=world.cycle, nomination=entry, reason="Former job")
    response = add(demo_admin_client, empty_round, entry, judge)
    assert response.status_code == 200
    assert "has declared a conflict with this entry" in response.content.decode()
    assert not Assignment.objects.filter(round=empty_round).exists()


def test_add_by_hand_refuses_a_likely_conflict_and_a_judge_off_the_panel(
    demo_admin_client, world, empty_round
):
    colleague = JudgeProfileFactory(
        email="kofi@elsewhere.example", organisation="Agency 1", cycle=world.cycle
    )
    response = add(demo_admin_client, empty_round, world.entries[0], colleague)
    assert "probably has a conflict with this entry" in response.content.decode()
    outsider = JudgeProfileFactory(
        email="out@elsewhere.example",
        organisation="Body",
        cycle=world.cycle,
        category=world.categories[1],
    )
    digital_entry = next(e for e in world.entries if e.category == world.categories[0])
    response = add(demo_admin_client, empty_round, digital_entry, outsider)
    assert "does not sit on the panel of this entry" in response.content.decode()
    response = demo_admin_client.post(
        ADD, {"round": empty_round.pk, "reference": "NOPE-1", "judge": outsider.pk}
    )
    assert "No entry of this round has the reference “NOPE-1”" in response.content.decode()
    assert not Assignment.objects.filter(round=empty_round).exists()


def test_add_by_hand_is_saved_and_logged(demo_admin_client, world, empty_round):
    entry, judge = world.entries[0], world.judges[0]
    response = add(demo_admin_client, empty_round, entry, judge)
    assert response.status_code == 302
    assignment = Assignment.objects.get(round=empty_round, nomination=entry, judge=judge)
    assert assignment.due_on == empty_round.scores_due_on
    assert assignment.created_by.email == "admin@demo.test"
    log = ModelLogEntry.objects.get(action="judging.assign", object_id=str(assignment.pk))
    assert log.data["judge"] == judge.pk
    response = add(demo_admin_client, empty_round, entry, judge)
    assert "already has this entry" in response.content.decode()


def test_remove_is_logged_and_refused_for_a_submitted_scoresheet(demo_admin_client, world):
    draft, submitted = Assignment.objects.filter(round=world.round).order_by("pk")[:2]
    ScoresheetFactory(assignment=draft, status=ScoresheetStatus.DRAFT)
    ScoresheetFactory(assignment=submitted, status=ScoresheetStatus.SUBMITTED)

    html = demo_admin_client.get(f"/admin/judging/assignments/delete/{draft.pk}/").content.decode()
    assert "draft scoresheet for this entry: it is deleted with the assignment" in html
    response = demo_admin_client.post(f"/admin/judging/assignments/delete/{draft.pk}/")
    assert response.status_code == 302
    assert not Assignment.objects.filter(pk=draft.pk).exists()
    log = ModelLogEntry.objects.get(action="judging.unassign", object_id=str(draft.pk))
    assert log.user.email == "admin@demo.test"
    assert log.data["had_draft"] is True

    url = f"/admin/judging/assignments/delete/{submitted.pk}/"
    assert "Reopen it first" in demo_admin_client.get(url).content.decode()
    response = demo_admin_client.post(url, follow=True)
    assert "Reopen it first" in response.content.decode()
    assert Assignment.objects.filter(pk=submitted.pk).exists()
    assert not ModelLogEntry.objects.filter(
        action="judging.unassign", object_id=str(submitted.pk)
    ).exists()


def test_assignment_list_filters_and_keeps_its_query_count(
    demo_admin_client, world, django_assert_max_num_queries
):
    submitted = Assignment.objects.filter(round=world.round).first()
    ScoresheetFactory(assignment=submitted, status=ScoresheetStatus.SUBMITTED)
    url = f"/admin/judging/assignments/?round={world.round.pk}"
    with django_assert_max_num_queries(80) as captured:
        html = demo_admin_client.get(url).content.decode()
    baseline = len(captured)
    assert html.count("TST-KE-000") >= 8
    html = demo_admin_client.get(url + "&status=submitted").content.decode()
    assert submitted.nomination.reference in html
    assert "Not started" not in html.split("<tbody")[-1]

    for number in range(5, 11):
        NominationFactory(cycle=world.cycle, category=world.categories[number % 2], number=number)
    JudgeProfileFactory(
        email="dede@judges9.example", organisation="Judging body 9", cycle=world.cycle
    )
    from judging.assignment import run as assignment_run

    assignment_run.top_up(world.round)
    with django_assert_max_num_queries(baseline):
        html = demo_admin_client.get(url).content.decode()
    assert "TST-KE-0010" in html


@pytest.mark.parametrize("email", ["editor@demo.test", "judge1@demo.test", "nominator@demo.test"])
def test_other_users_cannot_run_or_change_assignments(client, world, email):
    client.force_login(get_user_model().objects.get(email=email))
    for url in (run_url(world.round), "/admin/judging/assignments/", ADD):
        assert_no_access(client.get(url), email)
    assert_no_access(client.post(run_url(world.round), {"fingerprint": "x"}), email)


def test_conflicts_page_lists_likely_conflicts_and_clears_one(demo_admin_client, world):
    colleague = JudgeProfileFactory(
        email="kofi@agency2.example", organisation="Agency 1", cycle=world.cycle
    )
    holder = Assignment.objects.filter(round=world.round, nomination=world.entries[3]).first()
    ConflictFactory(
        judge=holder.judge,
        nomination=None,
        cycle=world.cycle,
        organisation="Agency 4",
        reason="Board member",
    )
    url = f"/admin/judging/conflicts/?round={world.round.pk}"
    html = demo_admin_client.get(url).content.decode()
    assert "Same organisation" in html  # Kofi and Agency 1
    assert "Email domain matches the entry" in html  # Kofi and agency2.example
    assert "Board member" in html and "The organisation Agency 4" in html
    # The judge was assigned entry 4 before declaring the conflict: the page says so.
    forbidden = html.split("Assignments a conflict now forbids")[1].split("Conflicts declared")[0]
    assert "TST-KE-0004" in forbidden
    assert f"/admin/judging/assignments/delete/{holder.pk}/" in forbidden

    entry = world.entries[0]
    response = demo_admin_client.post(
        "/admin/judging/conflicts/clear/",
        {"judge": colleague.pk, "nomination": entry.pk, "round": world.round.pk, "note": "Left"},
    )
    assert response.status_code == 302
    assert response["Location"] == url
    log = ModelLogEntry.objects.filter(action="judging.clear_conflict").latest("timestamp")
    assert log.data["note"] == "Left" and log.user.email == "admin@demo.test"
    from judging.assignment import run as assignment_run

    assert (colleague.pk, entry.pk) not in assignment_run.likely_conflicts(world.round)
    assert colleague in assignment_run.assignable_judges(world.round, entry)


def test_admin_pages_render(demo_admin_client, world):
    assignment = Assignment.objects.filter(round=world.round).first()
    for url in (
        "/admin/judging/rubrics/new/",
        f"/admin/judging/rubrics/edit/{world.rubric.pk}/",
        "/admin/judging/rounds/new/",
        f"/admin/judging/rounds/edit/{world.round.pk}/",
        "/admin/judging/judges/new/",
        f"/admin/judging/judges/edit/{world.judges[0].pk}/",
        f"{ADD}?round={world.round.pk}&reference=TST-KE-0001",
        f"/admin/judging/assignments/edit/{assignment.pk}/",
        "/admin/judging/conflicts/",
        "/admin/judging/overdue/",
    ):
        response = demo_admin_client.get(url)
        assert response.status_code == 200, url
    html = demo_admin_client.get(
        f"{ADD}?round={world.round.pk}&reference=TST-KE-0001"
    ).content.decode()
    assert 'value="TST-KE-0001"' in html


def test_judging_menu_groups_every_screen(demo_admin_client, world):
    html = demo_admin_client.get("/admin/").content.decode()
    for path in (
        "/admin/judging/rubrics/",
        "/admin/judging/rounds/",
        "/admin/judging/judges/",
        "/admin/judging/conflicts/",
        "/admin/judging/assignments/",
        "/admin/judging/overdue/",
        "/admin/judging/results/",
    ):
        assert path in html, path
