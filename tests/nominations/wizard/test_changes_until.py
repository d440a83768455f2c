"""Until when a nomination can be changed (Nomination.accepts_changes, changes_until): the
deadline with its grace minutes, or the day judging starts when the cycle says so; a
nomination's extension going later; eligible entries too. The pages and the email say the
moment precisely."""

from datetime import date, datetime, time, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from nominations.choices import ChangesUntil, NominationStatus
from nominations.models import AwardCycle, Nomination
from nominations.wizard.deadlines import changes_sentence

pytestmark = pytest.mark.django_db

S = NominationStatus
ZONE = timezone.get_default_timezone()


@pytest.fixture
def fixed_cycle(cycle):
    """The current cycle with known dates: closes 30 June 2027 at 23:59 (Lagos), 15 minutes'
    grace; judging starts 10 July 2027."""
    cycle.nominations_close_at = datetime(2027, 6, 30, 23, 59, tzinfo=ZONE)
    cycle.nominations_open_at = datetime(2026, 1, 1, tzinfo=ZONE)
    cycle.grace_minutes = 15
    cycle.judging_starts_on = date(2027, 7, 10)
    cycle.save()
    return cycle


def nomination_in(cycle, status):
    nomination = Nomination.objects.filter(cycle=cycle, status=status).first()
    nomination.cycle = cycle
    return nomination


DEADLINE = datetime(2027, 6, 30, 23, 59, tzinfo=ZONE)
JUDGING = datetime(2027, 7, 10, 0, 0, tzinfo=ZONE)


@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.ELIGIBLE])
def test_until_the_deadline_and_its_grace(fixed_cycle, status):
    nomination = nomination_in(fixed_cycle, status)
    assert nomination.changes_until == DEADLINE
    assert nomination.accepts_changes(DEADLINE + timedelta(minutes=15))
    assert not nomination.accepts_changes(DEADLINE + timedelta(minutes=16))


@pytest.mark.parametrize("status", [S.SUBMITTED, S.ELIGIBLE])
def test_until_judging_starts_when_the_cycle_says_so(fixed_cycle, status):
    fixed_cycle.changes_until = ChangesUntil.JUDGING
    fixed_cycle.save()
    nomination = nomination_in(fixed_cycle, status)
    assert nomination.changes_until == JUDGING
    assert nomination.changes_until_judging
    assert nomination.accepts_changes(DEADLINE + timedelta(days=5))
    assert nomination.accepts_changes(JUDGING - timedelta(seconds=1))
    assert not nomination.accepts_changes(JUDGING + timedelta(seconds=1))


def test_a_draft_must_still_be_sent_by_the_deadline(fixed_cycle):
    fixed_cycle.changes_until = ChangesUntil.JUDGING
    fixed_cycle.save()
    draft = nomination_in(fixed_cycle, S.DRAFT)
    assert draft.changes_until == DEADLINE
    assert not draft.accepts_changes(DEADLINE + timedelta(days=1))


@pytest.mark.parametrize("setting", list(ChangesUntil))
def test_an_extension_goes_later_and_has_no_grace(fixed_cycle, setting):
    fixed_cycle.changes_until = setting
    fixed_cycle.save()
    nomination = nomination_in(fixed_cycle, S.SUBMITTED)
    nomination.deadline_extended_until = JUDGING + timedelta(days=2)
    assert nomination.changes_until == JUDGING + timedelta(days=2)
    assert not nomination.changes_until_judging
    assert nomination.accepts_changes(JUDGING + timedelta(days=2))
    assert not nomination.accepts_changes(JUDGING + timedelta(days=2, seconds=1))


@pytest.mark.parametrize(
    "status", [S.WITHDRAWN, S.INELIGIBLE, S.SHORTLISTED, S.WINNER, S.NOT_PLACED]
)
def test_other_statuses_cannot_change(fixed_cycle, status):
    nomination = nomination_in(fixed_cycle, S.SUBMITTED)
    nomination.status = status
    assert not nomination.accepts_changes(DEADLINE - timedelta(days=1))


def test_a_cycle_changing_until_judging_needs_its_start_after_the_deadline(fixed_cycle):
    fixed_cycle.changes_until = ChangesUntil.JUDGING
    fixed_cycle.judging_starts_on = None
    with pytest.raises(ValidationError, match="day judging starts"):
        fixed_cycle.full_clean()
    fixed_cycle.judging_starts_on = date(2027, 6, 1)
    with pytest.raises(ValidationError, match="after the nomination deadline"):
        fixed_cycle.full_clean()


class TestSentences:
    def test_deadline(self, cycle):
        nomination = nomination_in(cycle, S.SUBMITTED)
        local = timezone.localtime(cycle.nominations_close_at, ZONE)
        expected = f"You can change this nomination until {local:%-d %B %Y}, {local:%H:%M} WAT."
        assert changes_sentence(nomination) == expected

    def test_judging(self, cycle):
        cycle.changes_until = ChangesUntil.JUDGING
        cycle.save()
        nomination = nomination_in(cycle, S.ELIGIBLE)
        day = cycle.judging_starts_on
        assert changes_sentence(nomination) == (
            f"You can change this nomination until judging starts, on "
            f"{day.day} {day:%B %Y}, 00:00 WAT."
        )

    def test_pages_and_email_say_it(
        self, wizard, nominator_client, django_capture_on_commit_callbacks
    ):
        wizard.complete_all()
        with django_capture_on_commit_callbacks(execute=True):
            wizard.submit()
        nomination = wizard.nomination
        sentence = changes_sentence(nomination)
        assert sentence.startswith("You can change this nomination until ")
        for url in (f"/my-nominations/{wizard.uuid}/", f"/my-nominations/{wizard.uuid}/submitted/"):
            assert sentence in nominator_client.get(url).content.decode(), url
        assert sentence in mail.outbox[-1].body
        listing = nominator_client.get("/my-nominations/").content.decode()
        moment = sentence.removeprefix("You can change this nomination until ").rstrip(".")
        assert moment in listing

    def test_after_the_cut_off_the_pages_say_no_more_changes(self, wizard, nominator_client):
        wizard.complete_all()
        wizard.submit()
        AwardCycle.objects.filter(pk=wizard.nomination.cycle_id).update(
            nominations_close_at=timezone.now() - timedelta(days=1),
            nominations_open_at=timezone.now() - timedelta(days=60),
        )
        detail = nominator_client.get(f"/my-nominations/{wizard.uuid}/").content.decode()
        assert "You can change this nomination" not in detail
        assert "Change your answers" not in detail
        assert "No more changes" in nominator_client.get("/my-nominations/").content.decode()


def test_an_eligible_entry_opens_in_the_wizard(wizard, nominator_client):
    wizard.complete_all()
    wizard.submit()
    Nomination.objects.filter(pk=wizard.nomination.pk).update(status=S.ELIGIBLE)
    response = nominator_client.get(wizard.url("organisation"))
    assert response.status_code == 200
    assert "Send changes" in nominator_client.get(wizard.url("check")).content.decode()


def test_judging_start_is_the_start_of_the_day_in_the_site_time_zone(cycle):
    cycle.judging_starts_on = date(2027, 7, 10)
    assert cycle.judging_starts_at == datetime.combine(date(2027, 7, 10), time.min, ZONE)
