"""Decisions and publishing (judging/results/decisions.py): shortlisting, deciding by hand, the
audit
log, publishing once (statuses moved, every nominator told exactly once)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from judging.models import PublishedResults, RoundDecision, ScoresheetStatus
from judging.results import decisions
from judging.results.computation import published_round_results, round_results
from nominations.models import Nomination
from tests.factories.accounts import UserFactory
from tests.factories.judging import judged

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return UserFactory(email="moderator@awards.example")


@pytest.fixture
def ranked(scene):
    """Entries 1-3 in Digital scored 90, 60, 30; entry 4 in Frontline scored 50; entry 5 in
    Digital with a draft only (unranked)."""
    ada, bola = scene.judges[:2]
    entries = [scene.entry(number) for number in (1, 2, 3)]
    for entry, score in zip(entries, (90, 60, 30), strict=True):
        judged(scene.round, entry, ada, [score])
    frontline = scene.entry(4, category=scene.categories[1])
    judged(scene.round, frontline, bola, [50])
    unranked = scene.entry(5)
    judged(scene.round, unranked, bola, [100], status=ScoresheetStatus.DRAFT)
    scene.entries = [*entries, frontline, unranked]
    return scene


def outcomes(round):
    return dict(
        RoundDecision.objects.filter(round=round).values_list("nomination__reference", "outcome")
    )


def close(round):
    round.opens_at = timezone.now() - timedelta(days=20)
    round.closes_at = timezone.now() - timedelta(hours=1)
    round.save()


def test_shortlist_top_per_category_skips_unranked_and_is_idempotent(ranked, admin):
    assert decisions.shortlist_top(ranked.round, 1, admin) == 2
    assert outcomes(ranked.round) == {"TST-KE-0001": "shortlisted", "TST-KE-0004": "shortlisted"}

    assert decisions.shortlist_top(ranked.round, 1, admin) == 0
    assert RoundDecision.objects.filter(round=ranked.round).count() == 2

    # Everyone ranked in Digital; the unranked entry is left out however large n is.
    assert decisions.shortlist_top(ranked.round, 10, admin, ranked.categories[0].pk) == 2
    assert set(outcomes(ranked.round)) == {f"TST-KE-000{n}" for n in (1, 2, 3, 4)}


def test_shortlist_keeps_earlier_decisions(ranked, admin):
    decisions.decide(ranked.round, ranked.entries[0], "winner", admin)
    assert decisions.shortlist_top(ranked.round, 2, admin, ranked.categories[0].pk) == 1
    assert outcomes(ranked.round) == {"TST-KE-0001": "winner", "TST-KE-0002": "shortlisted"}


def test_decide_and_undecide_are_logged_with_who(ranked, admin):
    entry = ranked.entries[1]
    decisions.decide(ranked.round, entry, "finalist", admin)
    decisions.decide(ranked.round, entry, "merit", admin)
    assert outcomes(ranked.round) == {entry.reference: "merit"}
    assert decisions.undecide(ranked.round, entry, admin)
    assert not decisions.undecide(ranked.round, entry, admin)  # nothing left to clear
    assert outcomes(ranked.round) == {}

    entries = ModelLogEntry.objects.filter(action="judging.decision", object_id=str(entry.pk))
    assert [(e.data["previous"], e.data["outcome"], e.user_id) for e in entries.order_by("pk")] == [
        ("", "finalist", admin.pk),
        ("finalist", "merit", admin.pk),
        ("merit", "", admin.pk),
    ]
    # The nomination's status only changes when the results are published.
    entry.refresh_from_db()
    assert entry.status == "eligible"


def test_decide_refuses_what_it_cannot_do(ranked, admin):
    with pytest.raises(decisions.DecisionError):
        decisions.decide(ranked.round, ranked.entries[0], "champion", admin)
    withdrawn = ranked.entry(9, status="withdrawn")
    with pytest.raises(decisions.DecisionError):
        decisions.decide(ranked.round, withdrawn, "winner", admin)
    with pytest.raises(decisions.DecisionError):
        decisions.shortlist_top(ranked.round, 0, admin)
    assert outcomes(ranked.round) == {}


def test_publish_refused_while_the_round_is_open(ranked, admin):
    with pytest.raises(decisions.DecisionError, match="still open"):
        decisions.publish(ranked.round, admin)
    ranked.round.refresh_from_db()
    assert not ranked.round.results_published


def test_publish_moves_statuses_and_tells_every_nominator_once(
    ranked, admin, django_capture_on_commit_callbacks
):
    first, second, third, frontline, unranked = ranked.entries
    decisions.decide(ranked.round, first, "winner", admin)
    decisions.decide(ranked.round, frontline, "merit", admin)
    close(ranked.round)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert decisions.publish(ranked.round, admin) is True

    ranked.round.refresh_from_db()
    assert ranked.round.results_published_at is not None
    statuses = dict(
        Nomination.objects.filter(pk__in=[e.pk for e in ranked.entries]).values_list(
            "reference", "status"
        )
    )
    # The eligible entries without an outcome say they were not placed (not "Eligible").
    assert statuses == {
        "TST-KE-0001": "winner",
        "TST-KE-0002": "not_placed",
        "TST-KE-0003": "not_placed",
        "TST-KE-0004": "merit",
        "TST-KE-0005": "not_placed",
    }
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        entry.nominator.email for entry in ranked.entries
    )
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert "is a winner" in by_recipient[first.nominator.email].body
    assert "TST-KE-0001" in by_recipient[first.nominator.email].subject
    assert "certificate of merit" in by_recipient[frontline.nominator.email].body
    assert "not selected this time" in by_recipient[second.nominator.email].body
    assert "not selected this time" in by_recipient[unranked.nominator.email].body
    assert f"/my-nominations/{second.uuid}/" in by_recipient[second.nominator.email].body
    assert "comments" not in by_recipient[second.nominator.email].body  # feedback not shared
    published = ModelLogEntry.objects.filter(
        action="judging.publish", object_id=str(ranked.round.pk)
    )
    assert [(entry.user_id, entry.data["entries"]) for entry in published] == [(admin.pk, 5)]

    # Publishing again does nothing and emails nobody.
    with django_capture_on_commit_callbacks(execute=True):
        assert decisions.publish(ranked.round, admin) is False
    assert len(mail.outbox) == 5
    # Decisions are locked now.
    with pytest.raises(decisions.DecisionError, match="published"):
        decisions.decide(ranked.round, second, "finalist", admin)
    with pytest.raises(decisions.DecisionError):
        decisions.undecide(ranked.round, first, admin)
    with pytest.raises(decisions.DecisionError):
        decisions.shortlist_top(ranked.round, 3, admin)


def test_published_email_links_to_the_feedback_when_shared(
    ranked, admin, django_capture_on_commit_callbacks
):
    try:
        feedback = reverse("judging:feedback", kwargs={"uuid": ranked.entries[0].uuid})
    except NoReverseMatch:
        pytest.skip("the entrants' feedback page is not there yet")
    ranked.round.entrant_feedback = True
    close(ranked.round)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decisions.publish(ranked.round, admin)
    body = next(m.body for m in mail.outbox if m.to == [ranked.entries[0].nominator.email])
    assert f"http://testserver{feedback}" in body


def test_publishing_keeps_the_results_as_published(ranked, admin):
    """Reports read the record kept at publication: the same figures and ranks as computed then,
    per category and with French category names, and unchanged by a later edit."""
    first, *_rest = ranked.entries
    decisions.decide(ranked.round, first, "winner", admin)
    close(ranked.round)
    computed = round_results(ranked.round)
    decisions.publish(ranked.round, admin)

    assert published_round_results(ranked.round) == computed
    digital = ranked.categories[0]
    assert published_round_results(ranked.round, digital.pk) == round_results(
        ranked.round, digital.pk
    )
    with translation.override("fr"):
        assert published_round_results(ranked.round) == round_results(ranked.round)

    Nomination.objects.filter(pk=first.pk).update(organisation_name="Renamed afterwards")
    assert published_round_results(ranked.round)[0].organisation_name == first.organisation_name
    assert published_round_results(ranked.round)[0].outcome == "winner"


def test_a_record_of_an_earlier_shape_is_read_by_field_name(ranked, admin):
    close(ranked.round)
    decisions.publish(ranked.round, admin)
    record = PublishedResults.objects.get(round=ranked.round)
    fields, rows = record.entries["fields"], record.entries["rows"]
    # Fields in another order, and one the current results no longer have.
    record.entries = {
        "fields": [*reversed(fields), "retired_figure"],
        "rows": [[*reversed(row), 1] for row in rows],
    }
    record.save()
    assert published_round_results(ranked.round) == round_results(ranked.round)


def test_publish_marks_only_eligible_entries_not_placed(ranked, admin):
    first, second, *_rest = ranked.entries
    Nomination.objects.filter(pk=second.pk).update(status="shortlisted")
    close(ranked.round)
    decisions.publish(ranked.round, admin)
    second.refresh_from_db()
    first.refresh_from_db()
    assert second.status == "shortlisted"  # went further in an earlier round: stays so
    assert first.status == "not_placed"
    assert first.get_status_display() == "Not placed"


def test_not_placed_is_what_the_nominator_reads(client):
    nomination = Nomination.objects.filter(status="not_placed").select_related("nominator").first()
    assert nomination is not None, "the demo's 2026 screening leaves entries not placed"
    client.force_login(nomination.nominator)
    listing = client.get("/my-nominations/").content.decode()
    assert "Not placed" in listing
    detail = client.get(f"/my-nominations/{nomination.uuid}/").content.decode()
    assert "Not placed" in detail and "was not among the placed entries" in detail
    assert ">Eligible<" not in detail
