"""Judge invitations (Judging ▸ Judges ▸ Invite a judge): a new person gets an account and a
link to choose a password that works; an existing account is linked and keeps its password;
inviting again duplicates nothing. The judges list shows panels and loads without N+1."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.models import ModelLogEntry

from judging.models import JudgeProfile, PanelMembership
from judging.panel.invitations import invite
from tests.factories.accounts import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

INVITE = "/admin/judging/judges/new/"
NEW_PASSWORD = "a-brand-new-judge-password"


def assert_no_access(response, email):
    assert response.status_code == 302
    expected = "/admin/" if email == "editor@demo.test" else "/admin/login/"
    assert response["Location"].split("?")[0] == expected


def invite_data(world, email="Esi.Mensah@Ministry.example", **fields):
    return {
        "email": email,
        "first_name": "Esi",
        "last_name": "Mensah",
        "language": "fr",
        "organisation": "Ministry of Service",
        "country": "GH",
        "expertise": [world.categories[0].pk],
        "cycle": world.cycle.pk,
        "categories": [world.categories[1].pk],
        **fields,
    }


def link_in(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_invite_a_new_judge_who_then_chooses_a_password(
    demo_admin_client, client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = demo_admin_client.post(INVITE, invite_data(world))
    assert response.status_code == 302

    user = get_user_model().objects.get(email="esi.mensah@ministry.example")
    assert not user.has_usable_password()
    assert user.language == "fr"
    assert user.groups.filter(name="Judges").exists()
    profile = user.judge_profile
    assert (profile.organisation, profile.country) == ("Ministry of Service", "GH")
    assert list(profile.expertise.all()) == [world.categories[0]]
    assert list(profile.panel_memberships.values_list("cycle", "category")) == [
        (world.cycle.pk, world.categories[1].pk)
    ]
    entry = ModelLogEntry.objects.get(action="judging.invite", object_id=str(profile.pk))
    assert entry.user.email == "admin@demo.test"
    assert entry.data["account_created"] is True

    (message,) = mail.outbox
    assert message.to == ["esi.mensah@ministry.example"]
    assert "Esi" in message.body
    assert "/fr/judging/" in message.body  # in the judge's language
    link = link_in(message)
    assert "/accounts/password/reset/key/" in link

    client.logout()
    response = client.get(link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    # The emailed link proved the address: no second email to confirm it.
    assert EmailAddress.objects.get(user=user, email=user.email).verified
    # The link works once.
    response = client.get(link, follow=True)
    assert response.context["token_fail"]


def test_invite_an_existing_user_links_the_account_without_resetting_it(
    demo_admin_client, world, django_capture_on_commit_callbacks
):
    existing = UserFactory(email="kwame@ministry.example")
    existing.first_name = "Kwame"
    existing.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = demo_admin_client.post(
            INVITE, invite_data(world, email="KWAME@ministry.example", first_name="Other")
        )
    assert response.status_code == 302
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)
    assert existing.first_name == "Kwame"
    assert existing.judge_profile.organisation == "Ministry of Service"
    assert get_user_model().objects.filter(email__iexact="kwame@ministry.example").count() == 1
    (message,) = mail.outbox
    assert "/accounts/password/reset/key/" not in message.body
    assert "/accounts/login/?next=" in link_in(message)


def test_inviting_twice_duplicates_nothing(demo_admin, world, django_capture_on_commit_callbacks):
    for _attempt in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            profile, _created = invite(
                "twice@ministry.example",
                cycle=world.cycle,
                categories=[world.categories[0]],
                expertise=[world.categories[0]],
                invited_by=demo_admin,
            )
    assert JudgeProfile.objects.filter(user__email="twice@ministry.example").count() == 1
    assert PanelMembership.objects.filter(judge=profile).count() == 1
    assert profile.expertise.count() == 1
    assert profile.user.groups.filter(name="Judges").count() == 1
    assert len(mail.outbox) == 2
    assert (
        ModelLogEntry.objects.filter(action="judging.invite", object_id=str(profile.pk)).count()
        == 2
    )


def test_a_whole_cycle_panel_when_no_category_is_ticked(demo_admin, world):
    profile, _created = invite("all@ministry.example", cycle=world.cycle, invited_by=demo_admin)
    assert list(profile.panel_memberships.values_list("category", flat=True)) == [None]


def test_invite_form_errors_say_what_to_do(demo_admin_client, world):
    other_cycle_category = world.categories[0].__class__.objects.exclude(cycle=world.cycle).first()
    response = demo_admin_client.post(
        INVITE, invite_data(world, email="", categories=[other_cycle_category.pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter the judge&#x27;s email address." in html
    assert "belong to another cycle. Tick categories of Test cycle." in html
    assert not mail.outbox


def test_judge_edit_sets_panels_and_expertise(demo_admin_client, world):
    judge = world.judges[0]
    digital, frontline = world.categories
    response = demo_admin_client.post(
        f"/admin/judging/judges/edit/{judge.pk}/",
        {
            "organisation": "New body",
            "country": "SN",
            "expertise": [frontline.pk],
            "is_active": "on",
            "panels": [f"{world.cycle.pk}:{digital.pk}"],
        },
    )
    assert response.status_code == 302
    judge.refresh_from_db()
    assert judge.organisation == "New body"
    assert list(judge.expertise.all()) == [frontline]
    assert list(judge.panel_memberships.values_list("category", flat=True)) == [digital.pk]


def test_judges_list_shows_panels_and_loads_without_n_plus_1(
    demo_admin_client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(60) as captured:
        html = demo_admin_client.get("/admin/judging/judges/").content.decode()
    baseline = len(captured)
    assert "ada@judges1.example" in html
    assert "Test cycle – all" in html
    assert "Invite a judge" in html
    from tests.factories.judging import JudgeProfileFactory

    for number in range(5):
        JudgeProfileFactory(
            email=f"extra{number}@judges.example", cycle=world.cycle, category=world.categories[0]
        )
    with django_assert_max_num_queries(baseline):
        html = demo_admin_client.get("/admin/judging/judges/").content.decode()
    assert "extra4@judges.example" in html


def test_a_judge_with_assignments_is_not_deleted(demo_admin_client, world):
    judge = world.judges[0]
    response = demo_admin_client.post(f"/admin/judging/judges/delete/{judge.pk}/", follow=True)
    assert JudgeProfile.objects.filter(pk=judge.pk).exists()
    assert "Untick" in response.content.decode()


@pytest.mark.parametrize("email", ["editor@demo.test", "judge1@demo.test", "nominator@demo.test"])
def test_other_users_cannot_invite_or_see_judges(client, world, email):
    client.force_login(get_user_model().objects.get(email=email))
    for url in (INVITE, "/admin/judging/judges/"):
        assert_no_access(client.get(url), email)
    assert_no_access(client.post(INVITE, invite_data(world)), email)
    assert not JudgeProfile.objects.filter(user__email="esi.mensah@ministry.example").exists()
