"""A demo judge scores an entry in Chromium with the keyboard only: signs in, opens an entry of the
open cycle's screening round they have not started, says they have no conflict, scores every
criterion, chooses a recommendation and submits after the confirmation step. axe-core finds no
violation on any judge page, in English and French, nor on a form showing errors; the entry page
fits a 320 px wide phone."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from judging.models import Assignment, Recommendation, Scoresheet, ScoresheetStatus
from tests.browser.helpers import axe_violations, judge_draft_assignment, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def judge():
    """The demo judge: on PostgreSQL the live server only sees committed rows."""
    return get_user_model().objects.get(email="judge1@demo.test")


def not_started(judge):
    """judge1's assignment in the current cycle's open round without a scoresheet."""
    now = timezone.now()
    assignment = (
        Assignment.objects.filter(
            judge__user=judge,
            round__cycle__is_current=True,
            round__opens_at__lte=now,
            round__closes_at__gt=now,
            scoresheet__isnull=True,
        )
        .select_related("round", "nomination")
        .order_by("nomination__reference")
        .first()
    )
    assert assignment is not None, "the demo gives judge1 untouched assignments in CX27"
    return assignment


def keyboard_sign_in(page, judge, next_path="/judging/"):
    page.goto(f"/accounts/login/?next={next_path}")
    tab_to(page, "el => el.id === 'id_login'")
    page.keyboard.type(judge.email)
    tab_to(page, "el => el.id === 'id_password'")
    page.keyboard.type(settings.DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(f"**{next_path}")


def press_enter_on(page, predicate_js):
    tab_to(page, predicate_js)
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.journey
def test_keyboard_only_scoring(page, judge):
    assignment = not_started(judge)
    rubric = assignment.round.rubric_for(assignment.nomination.category_id)
    criteria = list(rubric.criteria.all())
    failures = {}

    keyboard_sign_in(page, judge)
    failures["dashboard"] = axe_violations(page)
    assert "submitted" in page.locator("main").inner_text()

    entry_path = f"/judging/entries/{assignment.pk}/"
    press_enter_on(page, f"el => el.getAttribute('href') === {entry_path!r}")
    assert page.url.endswith(entry_path)
    assert "I have no conflict, open the entry" in page.locator("main").inner_text()
    assert assignment.nomination.initiative_title not in page.content()
    failures["conflict check"] = axe_violations(page)

    press_enter_on(page, "el => el.name === 'no_conflict'")
    assert page.url.endswith(entry_path)
    assert page.locator("form .criterion").count() == len(criteria)
    failures["entry"] = axe_violations(page)

    expected = {}
    span = rubric.scale_max - rubric.scale_min
    for index, criterion in enumerate(criteria):
        tab_to(page, f"el => el.name === 'score_{criterion.pk}'")
        page.keyboard.press("Space")  # checks the lowest level
        steps = (index % span) + 1
        for _ in range(steps):
            page.keyboard.press("ArrowRight")  # moves to, and checks, the next level
        expected[criterion.pk] = rubric.scale_min + steps
        tab_to(page, f"el => el.name === 'comment_{criterion.pk}'")
        page.keyboard.type(f"Keyboard comment {index + 1}.")
    tab_to(page, "el => el.name === 'overall_comment'")
    page.keyboard.type("Scored with the keyboard only.")
    tab_to(page, "el => el.name === 'recommendation'")
    page.keyboard.press("Space")  # the first choice: recommend

    press_enter_on(page, "el => el.name === 'submit'")
    assert page.url.endswith(f"{entry_path}submit/"), page.locator("main").inner_text()[:500]
    assert "Weighted score" in page.locator("main").inner_text()
    failures["submit confirmation"] = axe_violations(page)

    press_enter_on(page, "el => el.name === 'confirm'")
    page.wait_for_url(re.compile(r"/judging/$"))
    assert "are submitted" in page.locator(".messages").inner_text()

    sheet = Scoresheet.objects.get(assignment=assignment)
    assert sheet.status == ScoresheetStatus.SUBMITTED
    assert sheet.recommendation == Recommendation.YES
    assert sheet.overall_comment == "Scored with the keyboard only."
    assert {s.criterion_id: s.score for s in sheet.scores.all()} == expected

    page.goto(entry_path)
    assert "You submitted these scores" in page.locator("main").inner_text()
    failures["entry, submitted"] = axe_violations(page)
    page.goto("/judging/conflicts/")
    failures["conflicts"] = axe_violations(page)
    failures = {key: value for key, value in failures.items() if value}
    assert not failures, failures


def test_judge_pages_with_errors_and_in_french_are_accessible(page, judge):
    assignment = not_started(judge)
    keyboard_sign_in(page, judge, next_path="/fr/judging/")
    failures = {"fr dashboard": axe_violations(page)}
    page.goto(f"/fr/judging/entries/{assignment.pk}/")
    failures["fr conflict check"] = axe_violations(page)
    page.goto("/judging/conflicts/")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 1
    failures["conflicts with errors"] = axe_violations(page)
    failures = {key: value for key, value in failures.items() if value}
    assert not failures, failures


def widest_in_main(page):
    """The right edge of the page content furthest right, in CSS pixels."""
    return page.evaluate(
        "Math.max(...Array.from(document.querySelectorAll('main, main *'))"
        ".map(el => el.getBoundingClientRect().right))"
    )


def test_entry_page_fits_a_phone(phone_page, judge):
    assignment = judge_draft_assignment(judge)
    assert assignment is not None and assignment.conflict_checked_at
    phone_page.goto(f"/accounts/login/?next=/judging/entries/{assignment.pk}/")
    phone_page.fill("#id_login", judge.email)
    phone_page.fill("#id_password", settings.DEMO_PASSWORD)
    with phone_page.expect_navigation():
        phone_page.press("#id_password", "Enter")
    assert phone_page.locator("form .criterion").count() > 0
    assert widest_in_main(phone_page) <= 320
    phone_page.goto("/judging/")
    assert widest_in_main(phone_page) <= 320
