"""The judge portal through the test client: the dashboard, the conflict check, the entry with
its scoresheet, drafts, two tabs, submitting with a confirmation step, locks, other judges'
scores, the judge's conflicts, evidence and the PDF copy."""

import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from judging.models import (
    Assignment,
    Conflict,
    Recommendation,
    Round,
    Scoresheet,
    ScoresheetStatus,
    ScoreVisibility,
)
from judging.scoring import rules as scoring
from nominations.demo import minimal_pdf
from tests.factories.judging import (
    AssignmentFactory,
    JudgeProfileFactory,
    RoundFactory,
    ScoresheetFactory,
)
from tests.factories.nominations import (
    AwardCycleFactory,
    CategoryFactory,
    EvidenceFileFactory,
    NominationFactory,
)
from tests.pages import page_text as text

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment(world):
    return (
        Assignment.objects.filter(round=world.round)
        .select_related("judge__user", "nomination", "round")
        .order_by("pk")
        .first()
    )


@pytest.fixture
def judge_client(client, assignment):
    client.force_login(assignment.judge.user)
    return client


@pytest.fixture
def checked(assignment):
    assignment.conflict_checked_at = timezone.now()
    assignment.save()
    return assignment


def entry_url(assignment):
    return reverse("judging:entry", args=[assignment.pk])


def form_data(world, values=(5, 3, 1), version=1, recommendation="yes", **extra):
    data = {"version": str(version), "overall_comment": "Overall view.", **extra}
    data["recommendation"] = recommendation
    for index, (criterion, value) in enumerate(zip(world.criteria, values, strict=True)):
        data[f"score_{criterion.pk}"] = "" if value is None else str(value)
        data[f"comment_{criterion.pk}"] = f"Comment {index + 1}"
    return data


def submit_sheet(assignment, world, values=(4, 4, 4)):
    sheet = scoring.scoresheet_for(assignment)
    scores = {
        c.pk: (v, f"{assignment.judge.user.first_name} on {c.name}")
        for c, v in zip(world.criteria, values, strict=True)
    }
    scoring.save(
        sheet, sheet.version, scores, "Other overall", Recommendation.YES, assignment.judge.user
    )
    scoring.submit(sheet, sheet.version, assignment.judge.user)
    return sheet


# Dashboard ------------------------------------------------------------------------------------
def test_dashboard_groups_by_round_with_status_progress_and_due_dates(
    world, judge_client, assignment
):
    judge = assignment.judge
    mine = list(Assignment.objects.filter(judge=judge).order_by("pk"))
    submit_sheet(mine[0], world)
    scoring.scoresheet_for(mine[1])  # a draft
    Assignment.objects.filter(pk=mine[-1].pk).update(
        due_on=timezone.localdate() - timedelta(days=1)
    )
    page = text(judge_client.get(reverse("judging:dashboard")))
    assert "Screening" in page and "Test cycle" in page
    assert f"1 of {len(mine)} submitted" in page
    assert "Submitted" in page and "Draft" in page and "Not started" in page
    assert page.count("Overdue") == 1
    for assignment in mine:
        assert assignment.nomination.organisation_name in page


def test_dashboard_shows_rounds_of_other_cycles_with_assignments(world, judge_client, assignment):
    now = timezone.now()
    old_cycle = AwardCycleFactory(
        name_en="Old cycle",
        nominations_open_at=now - timedelta(days=400),
        nominations_close_at=now - timedelta(days=380),
    )
    category = CategoryFactory(cycle=old_cycle, name_en="Old", name_fr="Ancien")
    old_round = RoundFactory(
        cycle=old_cycle,
        rubric=world.rubric,
        name_en="Old final",
        opens_at=now - timedelta(days=300),
        closes_at=now - timedelta(days=290),
    )
    entry = NominationFactory(cycle=old_cycle, category=category, number=77)
    AssignmentFactory(round=old_round, nomination=entry, judge=assignment.judge, due_on=now.date())
    page = text(judge_client.get(reverse("judging:dashboard")))
    assert "Old final" in page and "Agency 77" in page and "Closed on" in page


def test_dashboard_query_count_does_not_grow_with_entries(
    world, client, django_assert_max_num_queries
):
    judge = JudgeProfileFactory(email="counted@judges7.example", organisation="Counting body")
    client.force_login(judge.user)
    nominations = [
        NominationFactory(cycle=world.cycle, category=world.categories[0], number=100 + n)
        for n in range(30)
    ]
    for nomination in nominations[:3]:
        AssignmentFactory(
            round=world.round, nomination=nomination, judge=judge, due_on=world.round.scores_due_on
        )
    with django_assert_max_num_queries(30) as captured:
        assert client.get(reverse("judging:dashboard")).status_code == 200
    baseline = len(captured)
    for index, nomination in enumerate(nominations[3:]):
        assignment = AssignmentFactory(
            round=world.round, nomination=nomination, judge=judge, due_on=world.round.scores_due_on
        )
        if index % 3 == 0:
            ScoresheetFactory(assignment=assignment)
    with django_assert_max_num_queries(baseline):
        response = client.get(reverse("judging:dashboard"))
    assert "of 30 submitted" in text(response)


# Conflict check -------------------------------------------------------------------------------
def test_before_the_check_only_name_country_and_category_show(judge_client, assignment):
    nomination = assignment.nomination
    nomination.summary = "A secret summary only for judges after the check."
    nomination.save()
    response = judge_client.get(entry_url(assignment))
    page = text(response)
    assert response.status_code == 200
    assert nomination.organisation_name in page
    assert "Kenya" in page
    assert nomination.category.name in page
    for hidden in [nomination.summary, nomination.initiative_title, nomination.reference]:
        assert hidden not in page
    assert "I have no conflict, open the entry" in page
    assert "I have a conflict" in page


def test_no_conflict_opens_the_entry(judge_client, assignment):
    url = reverse("judging:conflict_check", args=[assignment.pk])
    response = judge_client.post(url, {"no_conflict": "1"})
    assert response.status_code == 302 and response["Location"] == entry_url(assignment)
    assert Assignment.objects.get(pk=assignment.pk).conflict_checked_at is not None
    page = text(judge_client.get(entry_url(assignment)))
    assert assignment.nomination.initiative_title in page
    assert "Save draft" in page


def test_declaring_a_conflict_in_the_portal(world, judge_client, assignment):
    url = reverse("judging:conflict_check", args=[assignment.pk])
    response = judge_client.post(
        url, {"conflict": "1", "reason": "I was on their board."}, follow=True
    )
    page = text(response)
    assert response.redirect_chain[-1][0] == reverse("judging:dashboard")
    assert "You declared a conflict with Agency" in page
    assert not Assignment.objects.filter(pk=assignment.pk).exists()
    conflict = Conflict.objects.get(judge=assignment.judge, nomination=assignment.nomination)
    assert conflict.reason == "I was on their board."
    assert (
        Assignment.objects.filter(nomination=assignment.nomination, round=world.round).count() == 2
    )
    assert judge_client.get(entry_url(assignment)).status_code == 404


# The entry ------------------------------------------------------------------------------------
def test_entry_shows_answers_metrics_evidence_and_hides_the_nominator(world, judge_client, checked):
    nomination = checked.nomination
    nomination.nps_before, nomination.nps_after = -12, 41
    nomination.relation = "self"
    nomination.save()
    content = minimal_pdf("Evidence")
    evidence = EvidenceFileFactory(
        nomination=nomination, original_name="survey.pdf", content=content
    )
    assert world.round.hide_nominator
    response = judge_client.get(entry_url(checked))
    page = text(response)
    assert nomination.initiative_title in page and "A summary." in page
    assert "CX metrics" in page and "41" in page
    assert reverse("judging:evidence", args=[checked.pk, evidence.pk]) in response.content.decode()
    assert reverse("judging:pdf", args=[checked.pk]) in response.content.decode()
    assert nomination.contact_name not in page
    assert nomination.contact_email not in page
    relation_label = str(nomination._meta.get_field("relation").verbose_name)
    assert relation_label[:1].upper() + relation_label[1:] not in page
    assert "hidden from judges" in page
    # The criteria with their guidance and one radio per level, labelled with its descriptor.
    for criterion in world.criteria:
        assert criterion.name in page
    assert page.count("5 – Outstanding") == len(world.criteria)
    assert response.content.decode().count('type="radio"') == len(world.criteria) * 5 + 3
    assert "<fieldset" in response.content.decode() and "<legend>" in response.content.decode()

    download = judge_client.get(reverse("judging:evidence", args=[checked.pk, evidence.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == content


def test_entry_shows_the_nominator_when_the_round_does_not_hide_it(world, judge_client, checked):
    Round.objects.filter(pk=world.round.pk).update(hide_nominator=False)
    page = text(judge_client.get(entry_url(checked)))
    assert checked.nomination.contact_name in page
    assert "hidden from judges" not in page


def test_pdf_copy_leaves_out_the_nominator_when_hidden(world, judge_client, checked):
    from pypdf import PdfReader

    response = judge_client.get(reverse("judging:pdf", args=[checked.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf_text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert checked.nomination.organisation_name in pdf_text
    assert checked.nomination.contact_name not in pdf_text
    Round.objects.filter(pk=world.round.pk).update(hide_nominator=False)
    response = judge_client.get(reverse("judging:pdf", args=[checked.pk]))
    pdf_text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert checked.nomination.contact_name in pdf_text


# Scoring --------------------------------------------------------------------------------------
def test_save_a_draft_and_see_it_again(world, judge_client, checked):
    data = form_data(world, values=(4, None, 2), recommendation="", save="1")
    response = judge_client.post(entry_url(checked), data)
    assert response.status_code == 302
    sheet = Scoresheet.objects.get(assignment=checked)
    assert sheet.status == ScoresheetStatus.DRAFT and sheet.version == 2
    assert sheet.scores.get(criterion=world.criteria[0]).score == 4
    assert sheet.scores.get(criterion=world.criteria[1]).score is None
    response = judge_client.get(entry_url(checked))
    html = response.content.decode()
    assert "Your draft is saved" in text(response)
    assert re.search(rf'name="score_{world.criteria[0].pk}" value="4"[^>]*checked', html)
    assert 'name="version" value="2"' in html
    assert "Comment 2" in html
    dashboard = text(judge_client.get(reverse("judging:dashboard")))
    assert "Draft" in dashboard


def test_second_tab_with_an_old_version_gets_the_conflict_message(world, judge_client, checked):
    first = form_data(world, values=(5, 5, 5), save="1")
    first["overall_comment"] = "From tab one."
    assert judge_client.post(entry_url(checked), first).status_code == 302

    second = form_data(world, values=(1, 2, 3), save="1")  # still version 1
    second["overall_comment"] = "Typed in tab two."
    response = judge_client.post(entry_url(checked), second)
    page = text(response)
    html = response.content.decode()
    assert response.status_code == 200
    assert "These scores were changed in another tab or window" in page
    assert "Check the values below and save again" in page
    # What was typed in tab two is all still there, with the current version to save again.
    assert "Typed in tab two." in html
    assert re.search(rf'name="score_{world.criteria[0].pk}" value="1"[^>]*checked', html)
    assert 'name="version" value="2"' in html
    # The database keeps the first save.
    sheet = Scoresheet.objects.get(assignment=checked)
    assert sheet.overall_comment == "From tab one." and sheet.version == 2
    assert sheet.scores.get(criterion=world.criteria[0]).score == 5
    # Saving again from the re-shown form wins.
    second["version"] = "2"
    assert judge_client.post(entry_url(checked), second).status_code == 302
    sheet.refresh_from_db()
    assert sheet.overall_comment == "Typed in tab two." and sheet.version == 3


def test_submit_incomplete_keeps_the_draft_and_says_what_is_missing(world, judge_client, checked):
    data = form_data(world, values=(4, None, 2), recommendation="", submit="1")
    response = judge_client.post(entry_url(checked), data)
    page = text(response)
    assert response.status_code == 200
    assert "Your scores are saved as a draft" in page
    assert f"Choose a score for “{world.criteria[1].name}”, then submit again." in page
    assert "Choose your recommendation, then submit again." in page
    assert f'href="#id_score_{world.criteria[1].pk}_0"' in response.content.decode()
    sheet = Scoresheet.objects.get(assignment=checked)
    assert sheet.status == ScoresheetStatus.DRAFT
    assert sheet.scores.get(criterion=world.criteria[0]).score == 4
    assert 'name="version" value="2"' in response.content.decode()


def test_submit_with_confirmation(world, judge_client, checked):
    response = judge_client.post(entry_url(checked), form_data(world, submit="1"))
    confirm_url = reverse("judging:submit", args=[checked.pk])
    assert response.status_code == 302 and response["Location"] == confirm_url
    assert Scoresheet.objects.get(assignment=checked).status == ScoresheetStatus.DRAFT

    page = text(judge_client.get(confirm_url))
    assert "Weighted score: 65.00 out of 100" in page  # 5, 3, 1 on weights 50/30/20
    assert "5 – Outstanding" in page and "Comment 1" in page and "Recommend" in page

    response = judge_client.post(confirm_url, {"version": "2"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("judging:dashboard")
    assert "are submitted" in text(response)
    sheet = Scoresheet.objects.get(assignment=checked)
    assert sheet.status == ScoresheetStatus.SUBMITTED

    page = text(judge_client.get(entry_url(checked)))
    assert "You submitted these scores, so they can no longer change" in page
    assert "Save draft" not in page
    # A late POST changes nothing.
    judge_client.post(entry_url(checked), form_data(world, values=(1, 1, 1), version=3, save="1"))
    sheet.refresh_from_db()
    assert sheet.scores.get(criterion=world.criteria[0]).score == 5


def test_stale_confirmation_shows_the_saved_scores(world, judge_client, checked):
    judge_client.post(entry_url(checked), form_data(world, submit="1"))
    confirm_url = reverse("judging:submit", args=[checked.pk])
    # Another tab saves other scores after this one showed the summary (version 2).
    judge_client.post(entry_url(checked), form_data(world, values=(1, 1, 1), version=2, save="1"))
    response = judge_client.post(confirm_url, {"version": "2"})
    assert response.status_code == 409
    page = text(response)
    assert "changed in another tab or window" in page
    assert "Weighted score: 0.00 out of 100" in page
    assert Scoresheet.objects.get(assignment=checked).status == ScoresheetStatus.DRAFT


def test_the_round_closed_makes_the_sheet_read_only(world, judge_client, checked):
    judge_client.post(entry_url(checked), form_data(world, save="1"))
    now = timezone.now()
    Round.objects.filter(pk=world.round.pk).update(
        opens_at=now - timedelta(days=20), closes_at=now - timedelta(minutes=1)
    )
    page = text(judge_client.get(entry_url(checked)))
    assert "The round closed on" in page and "Save draft" not in page
    typed = form_data(world, values=(1, 1, 1), version=2, overall_comment="Typed too late.")
    response = judge_client.post(entry_url(checked), typed)
    assert response.status_code == 409
    assert (
        Scoresheet.objects.get(assignment=checked).scores.get(criterion=world.criteria[0]).score
        == 5
    )
    # Nothing typed is lost: the refusal shows it back, to copy for the awards team.
    page = text(response)
    assert "The round closed on" in page and "not saved" in page
    assert "1 – Comment 1" in page and "Typed too late." in page


# Other judges' scores -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("rule", "own_submitted", "closed", "visible"),
    [
        (ScoreVisibility.NEVER, True, True, False),
        (ScoreVisibility.AFTER_OWN, False, False, False),
        (ScoreVisibility.AFTER_OWN, True, False, True),
        (ScoreVisibility.AFTER_CLOSE, True, False, False),
        (ScoreVisibility.AFTER_CLOSE, False, True, True),
    ],
)
def test_other_judges_scores(world, judge_client, checked, rule, own_submitted, closed, visible):
    other = (
        Assignment.objects.filter(round=world.round, nomination=checked.nomination)
        .exclude(pk=checked.pk)
        .get()
    )
    submit_sheet(other, world, values=(2, 3, 4))  # 12.5 + 15 + 15 = 42.5
    if own_submitted:
        submit_sheet(checked, world)
    fields = {"score_visibility": rule}
    if closed:
        now = timezone.now()
        fields.update(opens_at=now - timedelta(days=20), closes_at=now - timedelta(minutes=1))
    Round.objects.filter(pk=world.round.pk).update(**fields)
    page = text(judge_client.get(entry_url(checked)))
    secret = f"{other.judge.user.first_name} on {world.criteria[0].name}"
    assert ("Judge A: 42.50 out of 100" in page) is visible
    assert (secret in page) is visible
    # Never the other judge's name.
    assert other.judge.user.email not in page
    assert other.judge.display_name not in page


# The judge's conflicts ------------------------------------------------------------------------
def test_conflicts_page_declares_a_country_conflict(world, judge_client, assignment):
    judge = assignment.judge
    world.cycle.is_current = True  # the conflict is for the current cycle
    world.cycle.save()
    url = reverse("judging:conflicts")
    page = text(judge_client.get(url))
    assert "You have not declared any conflict." in page

    response = judge_client.post(url, {"organisation": "", "country": "", "reason": ""})
    page = text(response)
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Write the organisation's name, or choose a country below." in page

    mine = Assignment.objects.filter(judge=judge).count()
    response = judge_client.post(
        url, {"country": "KE", "reason": "I am a civil servant there."}, follow=True
    )
    page = text(response)
    assert f"{mine} entries were withdrawn from your list" in page
    assert "Country: Kenya" in page and "I am a civil servant there." in page
    assert not Assignment.objects.filter(judge=judge).exists()
    # Every entry still has two judges.
    for nomination in world.entries:
        assert Assignment.objects.filter(round=world.round, nomination=nomination).count() == 2


def test_conflicts_page_lists_entry_conflicts(world, judge_client, assignment):
    url = reverse("judging:conflict_check", args=[assignment.pk])
    judge_client.post(url, {"conflict": "1", "reason": ""})
    page = text(judge_client.get(reverse("judging:conflicts")))
    assert f"Entry: {assignment.nomination.organisation_name}" in page


def test_judging_link_in_the_account_menu(judge_client, client, assignment):
    html = judge_client.get(reverse("judging:dashboard")).content.decode()
    assert f'href="{reverse("judging:dashboard")}"' in html
    client.force_login(assignment.nomination.nominator)
    html = client.get(reverse("nominations:my_nominations")).content.decode()
    assert f'href="{reverse("judging:dashboard")}"' not in html
