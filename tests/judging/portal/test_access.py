"""Who reaches which judge portal URL. Anonymous visitors are sent to sign in; everyone else who
is not the assigned judge gets 404 on every URL of the entry (nothing tells them it exists):
the nominator, a judge not assigned to it, a judge who declared a conflict with it, an inactive
judge, a sponsor, an editor and a member of the Judges group without a judge profile."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from judging.models import Assignment
from judging.panel import conflicts
from tests.factories.judging import ConflictFactory, JudgeProfileFactory
from tests.factories.nominations import EvidenceFileFactory

pytestmark = pytest.mark.django_db

ENTRY_URLS = ["entry", "conflict_check", "submit", "evidence", "pdf"]
PORTAL_URLS = ["dashboard", "conflicts"]


@pytest.fixture
def setting(world):
    assignment = Assignment.objects.filter(round=world.round).select_related("nomination").first()
    evidence = EvidenceFileFactory(nomination=assignment.nomination)
    assignment.conflict_checked_at = assignment.created_at
    assignment.save()
    return assignment, evidence


def entry_url(name, assignment, evidence):
    if name == "evidence":
        return reverse("judging:evidence", args=[assignment.pk, evidence.pk])
    return reverse(f"judging:{name}", args=[assignment.pk])


def every_url(assignment, evidence):
    return [reverse(f"judging:{name}") for name in PORTAL_URLS] + [
        entry_url(name, assignment, evidence) for name in ENTRY_URLS
    ]


def test_the_assigned_judge_reaches_every_url(client, setting):
    assignment, evidence = setting
    client.force_login(assignment.judge.user)
    for name in ENTRY_URLS:
        url = entry_url(name, assignment, evidence)
        response = client.get(url)
        # "submit" before any score sends the judge back to the entry; all others answer.
        assert response.status_code in (200, 302), url
        if response.status_code == 302:
            assert response["Location"] == reverse("judging:entry", args=[assignment.pk])
    for name in PORTAL_URLS:
        assert client.get(reverse(f"judging:{name}")).status_code == 200


def test_french_urls(client, setting):
    assignment, _evidence = setting
    client.force_login(assignment.judge.user)
    assert client.get("/fr/judging/").status_code == 200
    response = client.get(f"/fr/judging/entries/{assignment.pk}/")
    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_sign_in(client, setting, method):
    assignment, evidence = setting
    for url in every_url(assignment, evidence):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login") + "?next="), url


def the_nominator(world, assignment):
    return assignment.nomination.nominator


def an_unassigned_judge(world, assignment):
    return JudgeProfileFactory(
        email="unassigned@judges9.example", organisation="Elsewhere", cycle=world.cycle
    ).user


def an_assigned_judge_of_another_entry(world, assignment):
    judges_of_this_entry = Assignment.objects.filter(nomination=assignment.nomination).values(
        "judge"
    )
    other = (
        Assignment.objects.filter(round=world.round)
        .exclude(judge__in=judges_of_this_entry)
        .order_by("pk")
        .first()
    )
    assert not Assignment.objects.filter(
        judge=other.judge, nomination=assignment.nomination
    ).exists()
    return other.judge.user


def an_inactive_judge(world, assignment):
    assignment.judge.is_active = False
    assignment.judge.save()
    return assignment.judge.user


def a_judge_with_a_conflict_kept_by_an_administrator(world, assignment):
    # The assignment still exists (an administrator left it), but the conflict hides it.
    ConflictFactory(judge=assignment.judge, cycle=world.cycle, nomination=assignment.nomination)
    return assignment.judge.user


def a_sponsor(world, assignment):
    return get_user_model().objects.get(email="sponsor@demo.test")


def an_editor(world, assignment):
    return get_user_model().objects.get(email="editor@demo.test")


def a_judges_group_member_without_a_profile(world, assignment):
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(email="grouponly@example.org", password="x" * 12)
    user.groups.add(Group.objects.get_or_create(name="Judges")[0])
    return user


@pytest.mark.parametrize(
    "who",
    [
        the_nominator,
        an_unassigned_judge,
        an_assigned_judge_of_another_entry,
        an_inactive_judge,
        a_judge_with_a_conflict_kept_by_an_administrator,
        a_sponsor,
        an_editor,
        a_judges_group_member_without_a_profile,
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_everyone_else_gets_404_on_every_entry_url(client, world, setting, who, method):
    assignment, evidence = setting
    client.force_login(who(world, assignment))
    for name in ENTRY_URLS:
        url = entry_url(name, assignment, evidence)
        response = getattr(client, method)(url, {"no_conflict": "1", "version": "1"})
        assert response.status_code == 404, (url, response.status_code)
    assert Assignment.objects.get(pk=assignment.pk).conflict_checked_at == assignment.created_at


@pytest.mark.parametrize(
    "who",
    [
        the_nominator,
        an_inactive_judge,
        a_sponsor,
        an_editor,
        a_judges_group_member_without_a_profile,
    ],
)
def test_people_without_an_active_judge_profile_get_404_on_the_portal(client, world, setting, who):
    assignment, _evidence = setting
    client.force_login(who(world, assignment))
    for name in PORTAL_URLS:
        assert client.get(reverse(f"judging:{name}")).status_code == 404


def test_a_judge_who_declared_a_conflict_no_longer_reaches_the_entry(client, world, setting):
    assignment, evidence = setting
    judge = assignment.judge
    conflicts.declare_entry_conflict(assignment, "Former employer", judge.user)
    client.force_login(judge.user)
    for name in ENTRY_URLS:
        assert client.get(entry_url(name, assignment, evidence)).status_code == 404
    dashboard = client.get(reverse("judging:dashboard")).content.decode()
    assert reverse("judging:entry", args=[assignment.pk]) not in dashboard


def test_evidence_of_another_entry_is_404(client, world, setting):
    assignment, evidence = setting
    other = (
        Assignment.objects.filter(judge=assignment.judge)
        .exclude(nomination=assignment.nomination)
        .first()
    )
    other.conflict_checked_at = other.created_at
    other.save()
    client.force_login(assignment.judge.user)
    url = reverse("judging:evidence", args=[other.pk, evidence.pk])
    assert client.get(url).status_code == 404


def test_evidence_and_pdf_wait_for_the_conflict_check(client, setting):
    assignment, evidence = setting
    Assignment.objects.filter(pk=assignment.pk).update(conflict_checked_at=None)
    client.force_login(assignment.judge.user)
    entry = reverse("judging:entry", args=[assignment.pk])
    for name in ["evidence", "pdf", "submit"]:
        response = client.get(entry_url(name, assignment, evidence))
        assert response.status_code == 302 and response["Location"] == entry
