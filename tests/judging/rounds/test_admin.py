"""Administrators set up judging rounds in the Wagtail admin (Judging ▸ Rounds): every editable
field, entering statuses as checkboxes, category rubrics of the round's cycle, and a list with
each round's judging links."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from judging.models import (
    Assignment,
    Round,
    RoundKind,
    ScoresheetStatus,
    ScoreVisibility,
)
from nominations.models import AwardCycle, Category
from tests.factories.judging import (
    CriterionScoreFactory,
    RoundFactory,
    RubricFactory,
    ScoresheetFactory,
)

pytestmark = pytest.mark.django_db

NEW = "/admin/judging/rounds/new/"


def assert_no_access(response, email):
    """Editors reach the admin but not judging (sent home with a message); judges and nominators
    do not reach the admin at all (sent to its login)."""
    assert response.status_code == 302
    expected = "/admin/" if email == "editor@demo.test" else "/admin/login/"
    assert response["Location"].split("?")[0] == expected


def moment(days):
    return (timezone.localtime() + timedelta(days=days)).strftime("%Y-%m-%d %H:%M")


def round_data(world, overrides=None, category_rubrics=(), initial=0, **fields):
    values = {
        "cycle": world.cycle.pk,
        "name_en": "Test final",
        "name_fr": "Finale",
        "kind": RoundKind.FINAL,
        "rubric": world.rubric.pk,
        "opens_at": moment(1),
        "closes_at": moment(20),
        "scores_due_on": (timezone.localdate() + timedelta(days=15)).isoformat(),
        "entering_statuses": ["shortlisted"],
        "judges_per_entry": 3,
        "hide_nominator": "on",
        "score_visibility": ScoreVisibility.AFTER_OWN,
        "entrant_feedback": "on",
        "disagreement_threshold": 20,
        "category_rubrics": inline_formset(list(category_rubrics), initial=initial),
        **fields,
    }
    data = nested_form_data(values)
    data["entering_statuses"] = values["entering_statuses"]
    data.update(overrides or {})
    return data


def test_create_a_round_with_a_category_rubric(demo_admin_client, world):
    other_rubric = RubricFactory(name="Frontline rubric")
    response = demo_admin_client.post(
        NEW,
        round_data(
            world,
            category_rubrics=[{"category": world.categories[1].pk, "rubric": other_rubric.pk}],
        ),
    )
    assert response.status_code == 302
    final = Round.objects.get(name_en="Test final")
    assert final.entering_statuses == ["shortlisted"]
    assert final.kind == RoundKind.FINAL
    assert final.judges_per_entry == 3
    assert final.score_visibility == ScoreVisibility.AFTER_OWN
    assert final.entrant_feedback and final.hide_nominator
    assert final.rubric_for(world.categories[1].pk) == other_rubric
    assert final.rubric_for(world.categories[0].pk) == world.rubric


def test_the_form_shows_statuses_as_checkboxes(demo_admin_client, world):
    html = demo_admin_client.get(NEW).content.decode()
    assert 'type="checkbox" name="entering_statuses" value="eligible"' in html
    assert 'value="shortlisted"' in html


def test_a_round_without_statuses_or_closing_before_opening_is_refused(demo_admin_client, world):
    response = demo_admin_client.post(
        NEW, round_data(world, entering_statuses=[], closes_at=moment(0))
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tick at least one status" in html
    assert "Choose a closing time after the opening time." in html
    assert not Round.objects.filter(name_en="Test final").exists()


def test_a_category_of_another_cycle_is_refused(demo_admin_client, world):
    other_cycle = AwardCycle.objects.exclude(pk=world.cycle.pk).first()
    foreign = Category.objects.filter(cycle=other_cycle).first()
    response = demo_admin_client.post(
        NEW,
        round_data(world, category_rubrics=[{"category": foreign.pk, "rubric": world.rubric.pk}]),
    )
    assert response.status_code == 200
    assert "belongs to another cycle" in response.content.decode()


def test_a_scored_rounds_rubric_cannot_change(demo_admin_client, world):
    assignment = Assignment.objects.filter(round=world.round).first()
    sheet = ScoresheetFactory(assignment=assignment, status=ScoresheetStatus.DRAFT)
    CriterionScoreFactory(scoresheet=sheet, criterion=world.criteria[0], score=3)
    other = RubricFactory(name="Other")
    round = world.round
    data = round_data(
        world,
        name_en=round.name_en,
        kind=round.kind,
        rubric=other.pk,
        entering_statuses=round.entering_statuses,
        judges_per_entry=round.judges_per_entry,
    )
    response = demo_admin_client.post(f"/admin/judging/rounds/edit/{round.pk}/", data)
    assert response.status_code == 200
    assert "its rubrics cannot change" in response.content.decode()
    round.refresh_from_db()
    assert round.rubric == world.rubric


def test_round_list_links_to_each_rounds_judging_pages(
    demo_admin_client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(60) as captured:
        html = demo_admin_client.get("/admin/judging/rounds/").content.decode()
    baseline = len(captured)
    assert f"/admin/judging/rounds/{world.round.pk}/assign/" in html
    assert f"/admin/judging/rounds/{world.round.pk}/progress/" in html
    assert "Test cycle" in html
    for number in range(4):
        RoundFactory(
            cycle=world.cycle, rubric=RubricFactory(name=f"R{number}"), name_en=f"Extra {number}"
        )
    with django_assert_max_num_queries(baseline):
        html = demo_admin_client.get("/admin/judging/rounds/").content.decode()
    assert "Extra 3" in html


@pytest.mark.parametrize("email", ["editor@demo.test", "judge1@demo.test", "nominator@demo.test"])
def test_other_users_cannot_edit_rounds(client, world, email):
    client.force_login(get_user_model().objects.get(email=email))
    for url in ("/admin/judging/rounds/", f"/admin/judging/rounds/edit/{world.round.pk}/"):
        response = client.get(url)
        assert_no_access(response, email)


def test_editors_without_judging_permissions_see_no_judging_menu(client, world):
    client.force_login(get_user_model().objects.get(email="editor@demo.test"))
    html = client.get("/admin/").content.decode()
    assert "/admin/judging/" not in html


def category_select(html):
    """The category select of the row template the page adds rows from."""
    start = html.index('name="category_rubrics-__prefix__-category"')
    return html[start : html.index("</select>", start)]


def test_category_rows_offer_the_rounds_cycle_only(demo_admin_client, world):
    other = Category.objects.exclude(cycle=world.cycle).first()
    html = demo_admin_client.get(f"/admin/judging/rounds/edit/{world.round.pk}/").content.decode()
    select = category_select(html)
    assert f'value="{world.categories[0].pk}">Digital</option>' in select
    assert f'value="{other.pk}"' not in select
    select = category_select(demo_admin_client.get(NEW).content.decode())
    assert f"{other.cycle} – {other.name}" in select
