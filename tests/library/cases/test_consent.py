"""Consent to a case study: asked in the wizard (never ticked in advance), withdrawn from "My
nominations" (a confirmation, then a POST); a withdrawal unpublishes the case study in every
language, emails the editors, and the page cannot be published again (library/cases/consent.py,
wagtail_hooks.py)."""

import pytest
from django.core import mail
from django.urls import reverse

from library.cases.making import make_case_study
from library.cases.models import CaseStudyPage
from nominations.mine import case_study_consent
from nominations.models import Nomination
from tests.library.cases.conftest import case_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_case(placed_entry, editor):
    page = make_case_study(placed_entry, editor).page
    page = CaseStudyPage.objects.get(pk=page.pk)
    page.save_revision(user=editor).publish()
    return CaseStudyPage.objects.get(pk=page.pk)


def every_translation(page):
    return CaseStudyPage.objects.filter(translation_key=page.translation_key)


# The wizard -------------------------------------------------------------------------------------


def test_the_wizard_asks_for_consent_unticked_and_says_what_it_means(wizard):
    wizard.complete_all(upload=False)
    page = wizard.nominator_page = wizard.client.get(wizard.url("declaration"))
    box = page.context["form"]["consent_case_study"]
    assert box.value() is False
    assert 'name="declaration-consent_case_study"' in page.text
    assert "checked" not in str(box)
    assert "without the names, email addresses or phone numbers of people" in page.text
    assert wizard.nomination.consent_case_study is False


def test_ticking_it_gives_consent_and_unticking_withdraws_it(wizard):
    wizard.complete_all(upload=False)
    wizard.post("declaration", {"accept": "on", "consent_case_study": "on"})
    assert wizard.nomination.consent_case_study is True
    wizard.post("declaration", {"accept": "on"})
    nomination = wizard.nomination
    assert nomination.consent_case_study is False
    assert nomination.consent_case_study_withdrawn_at is not None


# "My nominations" -------------------------------------------------------------------------------


def test_the_nominator_sees_the_consent_and_a_way_to_withdraw_it(client, placed_entry):
    client.force_login(placed_entry.nominator)
    detail = client.get(reverse("nominations:detail", args=[placed_entry.uuid]))
    url = reverse("nominations:withdraw_case_study_consent", args=[placed_entry.uuid])
    assert url in detail.text
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "taken off the site in every language" in confirm.text
    # Asking is not withdrawing.
    assert Nomination.objects.get(pk=placed_entry.pk).consent_case_study is True


def test_withdrawing_unpublishes_every_translation_and_tells_the_editors(
    client, placed_entry, published_case, django_capture_on_commit_callbacks
):
    assert every_translation(published_case).filter(live=True).count() == 2  # en, fr alias
    client.force_login(placed_entry.nominator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("nominations:withdraw_case_study_consent", args=[placed_entry.uuid]),
            follow=True,
        )
    assert "Your consent is withdrawn" in response.text
    assert "You withdrew your consent to a case study" in response.text
    assert not every_translation(published_case).filter(live=True).exists()
    assert client.get(published_case.url).status_code == 404
    editors_mail = [m for m in mail.outbox if "consent withdrawn" in m.subject]
    recipients = {address for message in editors_mail for address in message.to}
    assert "editor@demo.test" in recipients and "admin@demo.test" in recipients
    assert placed_entry.nominator.email not in recipients
    assert published_case.title in editors_mail[0].body
    assert "/admin/pages/" in editors_mail[0].body


def test_attack_another_nominator_cannot_withdraw_it(client, placed_entry, published_case):
    client.force_login(placed_entry.nominator.__class__.objects.get(email="nominator@demo.test"))
    url = reverse("nominations:withdraw_case_study_consent", args=[placed_entry.uuid])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Nomination.objects.get(pk=placed_entry.pk).consent_case_study is True
    assert CaseStudyPage.objects.get(pk=published_case.pk).live


def test_the_signal_alone_unpublishes_so_nominations_never_imports_the_library(
    placed_entry, published_case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert case_study_consent.withdraw(placed_entry)
    assert not CaseStudyPage.objects.get(pk=published_case.pk).live
    # Nothing left to withdraw the second time.
    assert case_study_consent.withdraw(placed_entry) is False


def test_the_page_cannot_be_published_again_while_consent_is_withdrawn(
    client, editor, placed_entry, published_case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case_study_consent.withdraw(placed_entry)
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[published_case.pk])
    form = client.get(edit_url).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not hasattr(value, "pk")
    }
    data.update(
        {
            "title": published_case.title,
            "slug": published_case.slug,
            "summary": published_case.summary,
            "organisation_name": published_case.organisation_name,
            "country": "KE",
            "sector": "health",
            "theme": "waiting",
            "year": published_case.year,
            "action-publish": "action-publish",
            "comments-TOTAL_FORMS": 0,
            "comments-INITIAL_FORMS": 0,
            "comments-MIN_NUM_FORMS": 0,
            "comments-MAX_NUM_FORMS": 1000,
        }
    )
    data.pop("agency", None)
    data.pop("change_date", None)
    response = client.post(edit_url, data, follow=True)
    assert "cannot be published: the nominator" in response.text
    assert not CaseStudyPage.objects.get(pk=published_case.pk).live
    # Giving consent again (the nominator, in the wizard) lets it be published.
    Nomination.objects.filter(pk=placed_entry.pk).update(consent_case_study=True)
    client.post(edit_url, data, follow=True)
    assert CaseStudyPage.objects.get(pk=published_case.pk).live


def test_a_case_study_not_made_from_an_entry_is_not_concerned(library):
    page = CaseStudyPage.objects.live().child_of(library).filter(source_nomination=None).first()
    assert page.consent_withdrawn() is False


def test_case_of_helper(placed_entry, published_case):
    assert case_of(placed_entry).pk == published_case.pk
