"""Feedback to entrants: once a round that shares comments has published its results, the
nominator reads the judges' comments on their entry, per criterion and overall, without names;
nobody else reaches the page, and the nomination's page links to it only then."""

from datetime import timedelta

import pytest
from django.utils import timezone

from judging.models import Recommendation, ScoresheetStatus
from judging.results import feedback
from nominations.models import Nomination
from tests.factories.accounts import UserFactory
from tests.factories.judging import AssignmentFactory, RoundFactory, ScoresheetFactory

pytestmark = pytest.mark.django_db


def score(assignment, comments, overall="", status=ScoresheetStatus.SUBMITTED):
    criteria = assignment.round.rubric.criteria.order_by("sort_order")
    return ScoresheetFactory(
        assignment=assignment,
        status=status,
        scores=[
            (criterion, 4, comment) for criterion, comment in zip(criteria, comments, strict=True)
        ],
        overall_comment=overall,
        recommendation=Recommendation.YES,
    )


def publish(round, **fields):
    now = timezone.now()
    values = {
        "opens_at": now - timedelta(days=20),
        "closes_at": now - timedelta(days=5),
        "entrant_feedback": True,
        "results_published_at": now - timedelta(days=1),
        **fields,
    }
    for name, value in values.items():
        setattr(round, name, value)
    round.save()


@pytest.fixture
def judged(world):
    """World's first entry scored by its two judges (and a draft elsewhere), results published."""
    entry = world.entries[0]
    first, second = world.round.assignments.filter(nomination=entry).order_by("judge__user__email")
    score(first, ["Clear figures before and after.", "", "Staff were trained."], "A strong entry.")
    score(second, ["Needs a source for the NPS.", "Works on basic phones.", "  "], "")
    publish(world.round)
    world.entry = entry
    world.url = f"/my-nominations/{entry.uuid}/feedback/"
    world.detail_url = f"/my-nominations/{entry.uuid}/"
    return world


def test_owner_reads_the_comments_per_criterion_and_overall_without_judges_names(client, judged):
    client.force_login(judged.entry.nominator)
    html = client.get(judged.url).content.decode()
    for comment in [
        "Clear figures before and after.",
        "Needs a source for the NPS.",
        "Works on basic phones.",
        "Staff were trained.",
        "A strong entry.",
    ]:
        assert comment in html
    for criterion in judged.criteria:
        assert criterion.name in html
    assert "Judges&#x27; feedback" in html or "Judges' feedback" in html
    for judge in judged.judges:
        assert judge.user.email not in html
        assert judge.user.first_name not in html
        assert judge.organisation not in html


def test_comments_are_not_grouped_by_judge(judged):
    (round_feedback,) = feedback.nomination_feedback(judged.entry)
    first = round_feedback.criteria[0].comments
    # Ordered by their text, not by who wrote them.
    assert (
        first == sorted(first) == ["Clear figures before and after.", "Needs a source for the NPS."]
    )
    assert round_feedback.criteria[2].comments == ["Staff were trained."]  # blank ones dropped
    assert round_feedback.overall == ["A strong entry."]


def test_draft_scoresheets_are_not_shared(client, judged):
    # A third judge's unfinished draft on the same entry.
    other_judge = next(
        j
        for j in judged.judges
        if not judged.round.assignments.filter(nomination=judged.entry, judge=j).exists()
    )
    draft_assignment = AssignmentFactory(
        round=judged.round, nomination=judged.entry, judge=other_judge
    )
    score(draft_assignment, ["Half-written thought", "", ""], "", status=ScoresheetStatus.DRAFT)
    client.force_login(judged.entry.nominator)
    assert "Half-written thought" not in client.get(judged.url).content.decode()


@pytest.mark.parametrize("who", ["other nominator", "judge", "another entrant"])
def test_nobody_else_reaches_the_feedback(client, judged, who):
    user = {
        "other nominator": lambda: UserFactory(email="someone@elsewhere.example"),
        "judge": lambda: judged.judges[0].user,
        "another entrant": lambda: judged.entries[1].nominator,
    }[who]()
    client.force_login(user)
    assert client.get(judged.url).status_code == 404


def test_anonymous_visitors_are_asked_to_sign_in(client, judged):
    response = client.get(judged.url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    "change",
    [
        {"entrant_feedback": False},
        {"results_published_at": None},
    ],
    ids=["round does not share comments", "results not published"],
)
def test_no_feedback_and_no_link_until_the_round_allows_it(client, judged, change):
    publish(judged.round, **change)
    client.force_login(judged.entry.nominator)
    assert client.get(judged.url).status_code == 404
    assert judged.url not in client.get(judged.detail_url).content.decode()


def test_the_nominations_page_links_to_the_feedback_when_there_is_some(client, judged):
    client.force_login(judged.entry.nominator)
    html = client.get(judged.detail_url).content.decode()
    assert f'href="{judged.url}"' in html
    # An entry of the round that no judge has scored yet: no link.
    other = judged.entries[1]
    client.force_login(other.nominator)
    assert client.get(f"/my-nominations/{other.uuid}/").status_code == 200
    assert judged.url not in client.get(f"/my-nominations/{other.uuid}/").content.decode()


def test_queries_do_not_grow_with_rounds_and_comments(
    client, judged, django_assert_max_num_queries, django_assert_num_queries
):
    client.force_login(judged.entry.nominator)
    client.get(judged.url)  # menus and settings cached, as on a live site
    with django_assert_max_num_queries(30) as captured:
        client.get(judged.url)
    baseline = len(captured)  # counted now: the next request clears the query log
    final = RoundFactory(cycle=judged.cycle, rubric=judged.rubric, name_en="Final")
    publish(final)
    for judge in judged.judges:
        assignment = AssignmentFactory(round=final, nomination=judged.entry, judge=judge)
        score(assignment, ["Final words one.", "Final words two.", "Final three."], "Bravo.")
    client.get(judged.url)  # publishing moved the menu's cache on: warm it again
    with django_assert_num_queries(baseline):
        html = client.get(judged.url).content.decode()
    assert "Final words two." in html and html.count("Bravo.") == 3


def test_demo_nominator_reads_the_2026_feedback(client):
    entry = Nomination.objects.get(
        cycle__code="CX26", organisation_name__startswith="Mairie de Dakar-Plateau"
    )
    client.force_login(entry.nominator)
    detail = client.get(f"/my-nominations/{entry.uuid}/").content.decode()
    url = f"/my-nominations/{entry.uuid}/feedback/"
    assert f'href="{url}"' in detail
    html = client.get(url).content.decode()
    assert "Screening" in html and "Final" in html
    assert "Measurable results" in html
    for name in ["Jabari", "Juliette", "judge1@demo.test", "University of Nairobi"]:
        assert name not in html
