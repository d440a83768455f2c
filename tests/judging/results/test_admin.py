"""The results screens of the Wagtail admin (judging/results/admin.py): the table, the entry
detail with notes and reopening, decisions, publishing with a confirmation, the export, who may
use them, and query counts that do not grow with entries or judges."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from judging.models import ModerationNote, RoundDecision, Scoresheet, ScoresheetStatus
from tests.factories.accounts import GroupFactory, UserFactory
from tests.factories.judging import AssignmentFactory, RoundDecisionFactory, judged

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(scene):
    """Digital: entry 1 scored 90 and 40 (judges disagree), entry 2 scored 60 with one judge
    still to submit; Frontline: entry 3 scored 70."""
    lenient, harsh, third = scene.judges[:3]
    one, two = scene.entry(1), scene.entry(2)
    three = scene.entry(3, category=scene.categories[1])
    judged(
        scene.round,
        one,
        lenient,
        [90],
        comments=["Queues halved in a year."],
        overall_comment="A model for the region.",
    )
    judged(scene.round, one, harsh, [40])
    judged(scene.round, two, lenient, [60])
    AssignmentFactory(round=scene.round, nomination=two, judge=third)
    judged(scene.round, three, harsh, [70])
    scene.entries = [one, two, three]
    return scene


def url(name, *args):
    from django.urls import reverse

    return reverse(name, args=args)


def decisions(round):
    return dict(RoundDecision.objects.filter(round=round).values_list("nomination_id", "outcome"))


def close(round):
    round.opens_at = timezone.now() - timedelta(days=20)
    round.closes_at = timezone.now() - timedelta(hours=1)
    round.save()


def test_index_lists_rounds_with_links(demo_admin_client, scored):
    response = demo_admin_client.get(url("judging_results_index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert url("judging_results", scored.round.pk) in html
    assert url("judging_results_export", scored.round.pk) in html
    assert "4 / 5" in html  # scoresheets submitted / assignments


def test_results_table_shows_raw_and_normalised_side_by_side(demo_admin_client, scored):
    response = demo_admin_client.get(url("judging_results", scored.round.pk))
    assert response.status_code == 200
    html = response.content.decode()
    for heading in ("Raw mean", "Normalised", "Judges' scores", "Spread", "Scores in"):
        assert heading in html
    one, two, three = scored.entries
    assert url("judging_results_entry", scored.round.pk, one.pk) in html
    assert "90.00, 40.00" in html  # per-judge scores, highest first
    assert "65.00" in html  # entry 1's raw mean
    assert "Judges disagree" in html.split(one.reference, 1)[1].split(two.reference, 1)[0]
    assert "1 / 2" in html  # entry 2: one of two scoresheets in
    assert html.index("Digital") < html.index("Frontline")
    assert url("judging_results_export", scored.round.pk) in html
    assert url("judging_results_publish", scored.round.pk) in html

    filtered = demo_admin_client.get(
        url("judging_results", scored.round.pk), {"category": scored.categories[1].pk}
    ).content.decode()
    assert three.reference in filtered
    assert one.reference not in filtered


def test_results_page_queries_do_not_grow_with_entries_or_judges(
    demo_admin_client, scored, django_assert_max_num_queries
):
    page = url("judging_results", scored.round.pk)
    with django_assert_max_num_queries(40) as captured:
        assert demo_admin_client.get(page).status_code == 200
    baseline = len(captured)
    for number in range(10, 30):
        entry = scored.entry(number, category=scored.categories[number % 2])
        for judge in scored.judges[number % 2 :][:3]:
            judged(scored.round, entry, judge, [number * 3])
    RoundDecisionFactory(round=scored.round, nomination=entry, outcome="finalist")
    with django_assert_max_num_queries(baseline):
        response = demo_admin_client.get(page)
    assert "TST-KE-0029" in response.content.decode()


def test_shortlist_decide_and_clear_from_the_table(demo_admin_client, scored):
    one, two, three = scored.entries
    response = demo_admin_client.post(
        url("judging_results_shortlist", scored.round.pk), {"n": "1", "category": ""}
    )
    assert response.status_code == 302
    decided = decisions(scored.round)
    assert decided == {one.pk: "shortlisted", three.pk: "shortlisted"}

    demo_admin_client.post(
        url("judging_results_decide", scored.round.pk),
        {"nomination": two.pk, "outcome": "merit"},
    )
    demo_admin_client.post(
        url("judging_results_decide", scored.round.pk), {"nomination": one.pk, "outcome": ""}
    )
    decided = decisions(scored.round)
    assert decided == {two.pk: "merit", three.pk: "shortlisted"}
    html = demo_admin_client.get(url("judging_results", scored.round.pk)).content.decode()
    assert '<option value="merit" selected>' in html


def test_shortlist_form_errors_say_what_to_do(demo_admin_client, scored):
    response = demo_admin_client.post(
        url("judging_results_shortlist", scored.round.pk), {"n": "none"}, follow=True
    )
    assert "Enter a whole number, for example 5." in response.content.decode()
    assert not decisions(scored.round)


def test_publish_asks_for_confirmation_then_publishes_once(
    demo_admin_client, scored, django_capture_on_commit_callbacks
):
    one = scored.entries[0]
    demo_admin_client.post(
        url("judging_results_decide", scored.round.pk), {"nomination": one.pk, "outcome": "winner"}
    )
    publish = url("judging_results_publish", scored.round.pk)

    open_page = demo_admin_client.get(publish).content.decode()
    assert "Yes, publish" not in open_page  # the round is still open
    demo_admin_client.post(publish)
    scored.round.refresh_from_db()
    assert not scored.round.results_published

    close(scored.round)
    confirm = demo_admin_client.get(publish).content.decode()
    assert "Yes, publish the results" in confirm
    assert "3 entries" in confirm
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = demo_admin_client.post(publish)
    assert response.status_code == 302
    scored.round.refresh_from_db()
    assert scored.round.results_published
    one.refresh_from_db()
    assert one.status == "winner"
    assert len(mail.outbox) == 3

    with django_capture_on_commit_callbacks(execute=True):
        demo_admin_client.post(publish)
    assert len(mail.outbox) == 3
    refused = demo_admin_client.post(
        url("judging_results_decide", scored.round.pk),
        {"nomination": one.pk, "outcome": "merit"},
        follow=True,
    )
    assert "can no longer change" in refused.content.decode()
    assert RoundDecision.objects.get(nomination=one).outcome == "winner"
    table = demo_admin_client.get(url("judging_results", scored.round.pk)).content.decode()
    assert 'name="outcome"' not in table  # no decision forms once published


def test_entry_page_shows_each_judge_and_takes_notes(demo_admin_client, scored):
    one = scored.entries[0]
    page = url("judging_results_entry", scored.round.pk, one.pk)
    html = demo_admin_client.get(page).content.decode()
    for text in (
        scored.judges[0].display_name,
        scored.judges[1].display_name,
        "Queues halved in a year.",
        "A model for the region.",
        "Reopen",
        "No note yet.",
    ):
        assert text in html

    missing = demo_admin_client.post(page, {"text": ""})
    assert "Write the note before adding it." in missing.content.decode()
    assert (
        demo_admin_client.post(page, {"text": "Ask both judges about the figures."}).status_code
        == 302
    )
    note = ModerationNote.objects.get(round=scored.round, nomination=one)
    assert note.author.email == "admin@demo.test"
    assert "Ask both judges about the figures." in demo_admin_client.get(page).content.decode()


def test_reopen_a_submitted_scoresheet_with_a_reason(demo_admin_client, scored):
    one = scored.entries[0]
    page = url("judging_results_entry", scored.round.pk, one.pk)
    sheet = Scoresheet.objects.get(assignment__nomination=one, assignment__judge=scored.judges[0])

    no_reason = demo_admin_client.post(page, {"scoresheet": sheet.pk, "reason": ""})
    assert "Say why the scoresheet is reopened" in no_reason.content.decode()
    sheet.refresh_from_db()
    assert sheet.status == ScoresheetStatus.SUBMITTED

    response = demo_admin_client.post(
        page, {"scoresheet": sheet.pk, "reason": "Scored the wrong entry."}
    )
    assert response.status_code == 302
    sheet.refresh_from_db()
    assert sheet.status == ScoresheetStatus.DRAFT
    logged = ModelLogEntry.objects.get(action="judging.reopen", object_id=str(sheet.pk))
    assert logged.data["reason"] == "Scored the wrong entry."


def test_export_downloads_a_workbook(demo_admin_client, scored):
    response = demo_admin_client.get(url("judging_results_export", scored.round.pk))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(BytesIO(response.content))
    assert workbook["Results"].max_row == 4


def all_urls(scored):
    round_id, entry_id = scored.round.pk, scored.entries[0].pk
    return [
        ("get", url("judging_results_index")),
        ("get", url("judging_results", round_id)),
        ("get", url("judging_results_entry", round_id, entry_id)),
        ("get", url("judging_results_export", round_id)),
        ("get", url("judging_results_publish", round_id)),
        ("post", url("judging_results_shortlist", round_id)),
        ("post", url("judging_results_decide", round_id)),
        ("post", url("judging_results_publish", round_id)),
    ]


def test_people_without_the_round_permission_are_kept_out(client, scored):
    # Anonymous: sent to log in.
    for method, address in all_urls(scored):
        response = getattr(client, method)(address, {"n": "5", "nomination": "1"})
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    # A nominator (no admin access) and an editor with admin access but no round permission.
    editor = UserFactory(email="editor@awards.example")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for user in (scored.entries[0].nominator, editor):
        client.force_login(user)
        for method, address in all_urls(scored):
            response = getattr(client, method)(address, {"n": "5", "nomination": "1"})
            assert response.status_code in (302, 403), (user, address)
            assert b"TST-KE-0001" not in response.content
    assert not decisions(scored.round)


def test_a_group_with_the_round_permission_gets_in(client, scored):
    moderators = GroupFactory(
        name="Results moderators", permissions=["access_admin", "change_round"]
    )
    user = UserFactory(email="moderator@awards.example")
    user.groups.add(moderators)
    client.force_login(user)
    assert client.get(url("judging_results", scored.round.pk)).status_code == 200
