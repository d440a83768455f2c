"""Administrators edit rubrics in the Wagtail admin (Judging ▸ Rubrics): weights must add up to
100, every score of the scale needs a descriptor, and a rubric judges have scored with keeps its
criteria, weights and scale."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from judging.models import Assignment, Rubric, ScoresheetStatus
from tests.factories.judging import ScoresheetFactory

pytestmark = pytest.mark.django_db

NEW = "/admin/judging/rubrics/new/"


def assert_no_access(response, email):
    """Editors reach the admin but not judging (sent home with a message); judges and nominators
    do not reach the admin at all (sent to its login)."""
    assert response.status_code == 302
    expected = "/admin/" if email == "editor@demo.test" else "/admin/login/"
    assert response["Location"].split("?")[0] == expected


def criterion(name, weight, **fields):
    return {
        "name_en": name,
        "name_fr": "",
        "guidance_en": "",
        "guidance_fr": "",
        "weight": weight,
        **fields,
    }


def level(value, descriptor, **fields):
    return {"value": value, "descriptor_en": descriptor, "descriptor_fr": "", **fields}


def rubric_data(weights=(60, 40), values=(1, 2, 3), name="Service rubric", scale=(1, 3)):
    return nested_form_data(
        {
            "name": name,
            "scale_min": scale[0],
            "scale_max": scale[1],
            "criteria": inline_formset(
                [criterion(f"Criterion {i}", weight) for i, weight in enumerate(weights)]
            ),
            "levels": inline_formset([level(value, f"Level {value}") for value in values]),
        }
    )


def test_weights_that_do_not_add_up_to_100_are_refused(demo_admin_client):
    response = demo_admin_client.post(NEW, rubric_data(weights=(60, 30)))
    assert response.status_code == 200
    html = response.content.decode()
    assert "add up to 90. Change them so they add up to 100." in html
    assert not Rubric.objects.filter(name="Service rubric").exists()


def test_weights_of_100_with_every_level_described_are_saved(demo_admin_client):
    response = demo_admin_client.post(NEW, rubric_data(weights=(60, 40)))
    assert response.status_code == 302
    rubric = Rubric.objects.get(name="Service rubric")
    assert [c.weight for c in rubric.criteria.all()] == [60, 40]
    assert [level.value for level in rubric.levels.all()] == [1, 2, 3]


def test_a_score_without_descriptor_is_refused(demo_admin_client):
    response = demo_admin_client.post(NEW, rubric_data(values=(1, 2)))
    assert response.status_code == 200
    assert "3 have no descriptor yet" in response.content.decode()
    assert not Rubric.objects.filter(name="Service rubric").exists()


def test_rows_marked_for_deletion_do_not_count(demo_admin_client):
    data = nested_form_data(
        {
            "name": "Service rubric",
            "scale_min": 1,
            "scale_max": 2,
            "criteria": inline_formset(
                [criterion("Kept", 100), criterion("Dropped", 50, DELETE="1")]
            ),
            "levels": inline_formset(
                [level(1, "Low"), level(2, "High"), level(2, "Twice", DELETE="1")]
            ),
        }
    )
    response = demo_admin_client.post(NEW, data)
    assert response.status_code == 302
    rubric = Rubric.objects.get(name="Service rubric")
    assert [c.name_en for c in rubric.criteria.all()] == ["Kept"]
    assert rubric.levels.count() == 2


def edit_data(rubric, weights=None, names=None, delete=()):
    criteria = list(rubric.criteria.all())
    weights = weights or [c.weight for c in criteria]
    names = names or [c.name_en for c in criteria]
    return nested_form_data(
        {
            "name": rubric.name,
            "scale_min": rubric.scale_min,
            "scale_max": rubric.scale_max,
            "criteria": inline_formset(
                [
                    criterion(
                        name,
                        weight,
                        id=c.pk,
                        **({"DELETE": "1"} if c.pk in delete else {}),
                    )
                    for c, weight, name in zip(criteria, weights, names, strict=True)
                ],
                initial=len(criteria),
            ),
            "levels": inline_formset(
                [level(lv.value, lv.descriptor_en, id=lv.pk) for lv in rubric.levels.all()],
                initial=rubric.levels.count(),
            ),
        }
    )


def submit_a_score(world):
    assignment = Assignment.objects.filter(round=world.round).first()
    ScoresheetFactory(
        assignment=assignment,
        status=ScoresheetStatus.SUBMITTED,
        scores=[(world.criteria[0], 4, "")],
    )


def test_scored_rubric_keeps_its_weights_but_wording_can_improve(demo_admin_client, world):
    submit_a_score(world)
    url = f"/admin/judging/rubrics/edit/{world.rubric.pk}/"
    response = demo_admin_client.post(url, edit_data(world.rubric, weights=[40, 40, 20]))
    assert response.status_code == 200
    assert "criteria and weights cannot change" in response.content.decode()
    assert [c.weight for c in world.rubric.criteria.all()] == [50, 30, 20]

    response = demo_admin_client.post(
        url, edit_data(world.rubric, names=["Clarity", "Criterion 2", "Criterion 3"])
    )
    assert response.status_code == 302
    assert world.rubric.criteria.first().name_en == "Clarity"


def test_a_criterion_with_scores_cannot_be_removed(demo_admin_client, world):
    submit_a_score(world)
    scored = world.criteria[0]
    response = demo_admin_client.post(
        f"/admin/judging/rubrics/edit/{world.rubric.pk}/",
        edit_data(world.rubric, weights=[50, 30, 70], delete={scored.pk}),
    )
    assert response.status_code == 200
    assert "already has judges&#x27; scores, so it cannot be removed" in response.content.decode()
    assert world.rubric.criteria.filter(pk=scored.pk).exists()


def test_a_rubric_in_use_is_not_deleted(demo_admin_client, world):
    response = demo_admin_client.post(
        f"/admin/judging/rubrics/delete/{world.rubric.pk}/", follow=True
    )
    assert Rubric.objects.filter(pk=world.rubric.pk).exists()
    assert "is still used (by a round or by judges&#x27; scores), so it cannot be deleted" in (
        response.content.decode()
    )


def test_rubric_list_query_count_does_not_grow(
    demo_admin_client, world, django_assert_max_num_queries
):
    from tests.factories.judging import RubricFactory

    with django_assert_max_num_queries(60) as captured:
        response = demo_admin_client.get("/admin/judging/rubrics/")
    baseline = len(captured)
    assert world.rubric.name in response.content.decode()
    for number in range(5):
        RubricFactory(name=f"Extra {number}")
    with django_assert_max_num_queries(baseline):
        response = demo_admin_client.get("/admin/judging/rubrics/")
    assert "Extra 4" in response.content.decode()


@pytest.mark.parametrize("email", ["editor@demo.test", "judge1@demo.test", "nominator@demo.test"])
def test_other_users_cannot_edit_rubrics(client, world, email):
    client.force_login(get_user_model().objects.get(email=email))
    response = client.get("/admin/judging/rubrics/")
    assert_no_access(response, email)


def test_copy_a_scored_rubric_to_change_it_for_a_new_round(demo_admin_client, world):
    submit_a_score(world)
    url = f"/admin/judging/rubrics/copy/{world.rubric.pk}/"
    before = Rubric.objects.count()
    assert "Test rubric (copy)" in demo_admin_client.get(url).content.decode()
    assert Rubric.objects.count() == before  # the page alone copies nothing
    response = demo_admin_client.post(url, {"name": "Test rubric 2028"})
    copy = Rubric.objects.get(name="Test rubric 2028")
    assert Rubric.objects.count() == before + 1
    assert response["Location"] == f"/admin/judging/rubrics/edit/{copy.pk}/"
    assert [(c.name_en, c.weight) for c in copy.criteria.all()] == [
        (c.name_en, c.weight) for c in world.rubric.criteria.all()
    ]
    assert [lv.descriptor_en for lv in copy.levels.all()] == [
        lv.descriptor_en for lv in world.rubric.levels.all()
    ]
    assert set(copy.criteria.values_list("pk", flat=True)).isdisjoint(
        world.rubric.criteria.values_list("pk", flat=True)
    )
    response = demo_admin_client.post(
        f"/admin/judging/rubrics/edit/{copy.pk}/", edit_data(copy, weights=[40, 40, 20])
    )
    assert response.status_code == 302
    assert [c.weight for c in copy.criteria.all()] == [40, 40, 20]
    assert [c.weight for c in world.rubric.criteria.all()] == [50, 30, 20]
