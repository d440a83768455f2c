"""Judges and versions: an assignment records the version of the entry it was given; when the
nominator sends a newer one, the portal says so, shows what changed (without what tells who
nominated when the round hides it) and lets the judge read it and move their scores to it; the
scoresheet records the version it scored. Publishing results: eligible entries without an
outcome become "not placed", other statuses stay."""

import pytest
from django.utils import timezone

from judging.models import Assignment, ScoresheetStatus
from judging.scoring import rules as scoring
from nominations.models import Nomination
from nominations.sending import versions

pytestmark = pytest.mark.django_db


def demo_changed_assignment():
    """The demo's entry that got a version 2 after its judges were given version 1."""
    now = timezone.now()
    return (
        Assignment.objects.filter(
            nomination__versions__number=2,
            nomination_version__number=1,
            round__opens_at__lte=now,
            round__closes_at__gt=now,
        )
        .exclude(scoresheet__status=ScoresheetStatus.SUBMITTED)
        .select_related("judge__user", "nomination", "round")
        .first()
    )


def judge_client(client, assignment):
    client.force_login(assignment.judge.user)
    Assignment.objects.filter(pk=assignment.pk).update(conflict_checked_at=timezone.now())
    return client


def test_assignments_are_given_the_latest_version():
    assignments = Assignment.objects.filter(round__cycle__is_current=True)
    assert assignments.exists()
    assert not assignments.filter(nomination_version__isnull=True).exists()
    for assignment in assignments.select_related("nomination_version")[:20]:
        assert assignment.nomination_version.nomination_id == assignment.nomination_id


def test_the_portal_says_a_newer_version_was_sent_and_what_changed(client):
    assignment = demo_changed_assignment()
    assert assignment is not None, "the demo has an entry changed after it was assigned"
    judge_client(client, assignment)
    html = client.get(f"/judging/entries/{assignment.pk}/").content.decode()
    assert "The nominator sent a newer version: version 2" in html
    assert "What changed from version 1 to version 2" in html
    assert "the September survey came in" in html  # in the changes table only
    assert "Version 1 of the entry" in html
    newer = client.get(f"/judging/entries/{assignment.pk}/?version=2").content.decode()
    assert "You are reading version 2" in newer and "Version 2 of the entry" in newer
    dashboard = client.get("/judging/").content.decode()
    assert "Newer version sent" in dashboard


def test_the_judge_can_score_the_newer_version(client):
    assignment = demo_changed_assignment()
    judge_client(client, assignment)
    response = client.post(f"/judging/entries/{assignment.pk}/", {"take_version": "2"})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.nomination_version.number == 2
    html = client.get(f"/judging/entries/{assignment.pk}/").content.decode()
    assert "newer version" not in html
    sheet = scoring.scoresheet_for(assignment)
    assert sheet.nomination_version.number == 2


def test_a_submitted_scoresheet_keeps_its_version():
    assignment = (
        Assignment.objects.filter(
            round__cycle__is_current=True, scoresheet__status=ScoresheetStatus.SUBMITTED
        )
        .select_related("nomination", "round", "nomination_version")
        .first()
    )
    nomination = assignment.nomination
    Nomination.objects.filter(pk=nomination.pk).update(city="Elsewhere")
    nomination.refresh_from_db()
    newer = versions.record_version(nomination, nomination.nominator)
    with pytest.raises(scoring.ScoresheetLocked):
        scoring.take_version(assignment, newer, None)
    assignment.refresh_from_db()
    assert assignment.nomination_version.number < newer.number
    assert assignment.scoresheet.nomination_version == assignment.nomination_version


def test_hidden_nominator_changes_are_not_shown(client):
    assignment = demo_changed_assignment()
    nomination = assignment.nomination
    Nomination.objects.filter(pk=nomination.pk).update(contact_email="secret@nominee.example")
    nomination.refresh_from_db()
    versions.record_version(nomination, nomination.nominator)
    assert assignment.round.hide_nominator
    judge_client(client, assignment)
    html = client.get(f"/judging/entries/{assignment.pk}/").content.decode()
    assert "version 3" in html
    assert "secret@nominee.example" not in html


def test_another_entrys_version_cannot_be_taken():
    assignment = demo_changed_assignment()
    other = versions.latest(
        Nomination.objects.exclude(pk=assignment.nomination_id)
        .filter(versions__isnull=False)
        .first()
    )
    with pytest.raises(scoring.ScoringError):
        scoring.take_version(assignment, other, None)
