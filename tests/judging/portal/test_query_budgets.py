"""Query budgets of the judge's scoring pages (issue 15): the entry page with its scoresheet
costs at most 10 queries, and a save of the scores at most 8 (a draft, the first one and later
ones, and a complete sheet sent with "Submit scores"), whatever the size of the rubric, of the
entry and of the judge's list: each count is the same with 1 criterion, 1 evidence file and 1
assignment as with 3 of each.

Where the queries go (run with -v to list them):

- entry page: the session, the user, the assignment (one query with the judge's profile, which
  the portal's rule then finds on the user, the round and its rubric, the entry, the version
  given, the latest version's number and the scoresheet), the rubric's criteria, its levels, the
  sheet's scores; then the site's header and footer (the sponsor membership for the account
  menu, the site, the locale, the site settings). The evidence is listed from the version.
- a save: the session, the user, the assignment, the criteria, the sheet's conditional UPDATE
  (its INSERT on the first save) and one INSERT ... ON CONFLICT of all its scores, in a
  transaction. Tests run inside a transaction, so it shows as a SAVEPOINT and its RELEASE (two
  of the 8); in production it is BEGIN and COMMIT, which are not counted.
"""

from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from judging.models import Recommendation, Scoresheet, ScoresheetStatus
from nominations.sending import versions
from tests.factories.judging import (
    AssignmentFactory,
    JudgeProfileFactory,
    RoundFactory,
    RubricFactory,
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

# The site's own lookups for the header and footer (the site, the locale, the site settings) are
# kept until public content changes (awards_site/caching/memo.py): the page's own queries only.
ENTRY_PAGE = 7
ENTRY_PAGE_BEFORE_ANY_SCORE = 6  # no scores to read yet
SAVE = 8
# Submitting on the confirmation page: the same conditional UPDATE (which also checks that the
# sheet is complete and stores its figures), the figures read back, and the audit log's entry,
# for which Wagtail first checks that its content type and user exist.
SUBMIT = 10

WEIGHTS = {1: (100,), 3: (50, 30, 20)}


def judge_with_entries(size):
    """A judge with `size` entries to score in an open round whose rubric has `size` criteria;
    each entry sent (its version 1 given to the judge) with `size` evidence files, and checked
    for conflicts."""
    cycle = AwardCycleFactory()
    category = CategoryFactory(cycle=cycle)
    rubric = RubricFactory(weights=WEIGHTS[size])
    round = RoundFactory(cycle=cycle, rubric=rubric)
    judge = JudgeProfileFactory(cycle=cycle)
    assignments = []
    for _ in range(size):
        entry = NominationFactory(cycle=cycle, category=category)
        for number in range(size):
            EvidenceFileFactory(nomination=entry, original_name=f"evidence-{number}.pdf")
        assignments.append(
            AssignmentFactory(
                round=round,
                nomination=entry,
                judge=judge,
                nomination_version=versions.record_version(entry, entry.nominator),
                conflict_checked_at=timezone.now(),
            )
        )
    return SimpleNamespace(
        judge=judge,
        criteria=list(rubric.criteria.all()),
        assignment=assignments[0],
        url=reverse("judging:entry", args=[assignments[0].pk]),
    )


@pytest.fixture
def scene(request, client):
    scene = judge_with_entries(request.param)
    client.force_login(scene.judge.user)
    client.get(reverse("judging:dashboard"))  # the menu and footer, cached for every page
    return scene


def with_size(test):
    return pytest.mark.parametrize("scene", [1, 3], ids=["1 of each", "3 of each"], indirect=True)(
        test
    )


def draft(scene, score=3):
    return ScoresheetFactory(
        assignment=scene.assignment,
        version=2,
        recommendation="",
        scores=[(criterion, score, "So far.") for criterion in scene.criteria],
    )


def scores(scene, value, version, recommendation=Recommendation.YES, **extra):
    data = {
        "version": str(version),
        "overall_comment": "Overall.",
        "recommendation": recommendation,
    }
    for criterion in scene.criteria:
        data[f"score_{criterion.pk}"] = str(value)
        data[f"comment_{criterion.pk}"] = f"Scored {value}."
    return {**data, **extra}


@with_size
def test_the_entry_page_with_a_draft(client, scene, django_assert_num_queries):
    draft(scene)
    with django_assert_num_queries(ENTRY_PAGE):
        response = client.get(scene.url)
    page = text(response)
    assert response.status_code == 200
    assert "Draft" in page and "evidence-0.pdf" in page
    assert f"evidence-{len(scene.criteria) - 1}.pdf" in page
    assert page.count("So far.") == len(scene.criteria)


@with_size
def test_the_entry_page_before_any_score(client, scene, django_assert_num_queries):
    with django_assert_num_queries(ENTRY_PAGE_BEFORE_ANY_SCORE):
        response = client.get(scene.url)
    assert response.status_code == 200
    assert "Not started" in text(response)


@with_size
def test_the_first_save_of_a_draft(client, scene, django_assert_num_queries):
    with django_assert_num_queries(SAVE):
        response = client.post(scene.url, scores(scene, 4, version=1, save="1"))
    assert response.status_code == 302 and response.url == scene.url
    sheet = Scoresheet.objects.get(assignment=scene.assignment)
    assert sheet.version == 2 and sheet.status == ScoresheetStatus.DRAFT
    assert sorted(sheet.scores.values_list("score", flat=True)) == [4] * len(scene.criteria)


@with_size
def test_a_later_save_of_a_draft(client, scene, django_assert_num_queries):
    sheet = draft(scene)
    with django_assert_num_queries(SAVE):
        response = client.post(scene.url, scores(scene, 5, version=2, recommendation="", save="1"))
    assert response.status_code == 302 and response.url == scene.url
    sheet.refresh_from_db()
    assert sheet.version == 3 and sheet.recommendation == ""
    assert sorted(sheet.scores.values_list("score", flat=True)) == [5] * len(scene.criteria)


@with_size
def test_a_complete_save_sent_to_submit(client, scene, django_assert_num_queries):
    sheet = draft(scene)
    with django_assert_num_queries(SAVE):
        response = client.post(scene.url, scores(scene, 2, version=2, submit="1"))
    assert response.status_code == 302
    assert response.url == reverse("judging:submit", args=[scene.assignment.pk])
    sheet.refresh_from_db()
    assert sheet.version == 3 and sheet.recommendation == Recommendation.YES


@with_size
def test_submitting_on_the_confirmation_page(client, scene, django_assert_num_queries):
    sheet = draft(scene)
    Scoresheet.objects.filter(pk=sheet.pk).update(recommendation=Recommendation.YES)
    with django_assert_num_queries(SUBMIT):
        response = client.post(
            reverse("judging:submit", args=[scene.assignment.pk]), {"version": "2"}
        )
    assert response.status_code == 302 and response.url == reverse("judging:dashboard")
    sheet.refresh_from_db()
    assert sheet.status == ScoresheetStatus.SUBMITTED and sheet.weighted_score == 50
