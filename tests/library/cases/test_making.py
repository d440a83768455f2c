"""From a consenting placed entry to a draft case study, in one action (library/cases/making.py,
admin_views.py): the answers fill the page, nothing personal is copied, and only editors and
administrators may do it."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from library.cases.making import CaseStudyRefused, make_case_study, people_of, scrub_people
from library.cases.models import CaseStudyIndexPage, CaseStudyPage
from nominations.statuses import NominationStatus
from tests.factories.nominations import NominationFactory
from tests.library.cases.conftest import CONTACT, case_of

pytestmark = pytest.mark.django_db


def test_the_entrys_answers_fill_a_draft_under_the_library(placed_entry, library, editor):
    made = make_case_study(placed_entry, editor)
    page = CaseStudyPage.objects.get(pk=made.page.pk)
    assert made.created
    assert page.get_parent().pk == library.pk
    assert not page.live  # a draft: the editor rewrites and publishes it
    assert page.title == "Clinic slots booked by SMS"
    assert page.organisation_name == "Makueni County Health Services"
    assert page.country == "KE"
    assert page.source_nomination == placed_entry
    assert "300 people a day" in page.problem
    assert "4 hours to 50 minutes" in page.results
    assert "Net Promoter Score: -10 before, 35 after." in page.results
    assert "service charter" in page.reusable
    assert page.year == placed_entry.cycle.nominations_close_at.year
    # The French library gets an alias, published with the page.
    assert page.get_translation_or_none(Locale.objects.get(language_code="fr")) is not None


def test_nothing_personal_is_copied(placed_entry, editor):
    page = make_case_study(placed_entry, editor).page
    text = " ".join(
        [
            page.title,
            page.summary,
            page.problem,
            page.change,
            page.results,
            page.reusable,
            page.contact,
        ]
    )
    for personal in (
        CONTACT,
        "Wanjiru",
        "Kamau",
        "w.kamau@makueni.example",
        "712 345 678",
        "+254712345678",
        "Njeri",
        "Otieno",
        "Njeri Otieno",
    ):
        assert personal not in text, personal
    assert "[removed], our outpatient lead" in page.problem
    assert "Ask [removed] ([removed], [removed])" in page.change
    # What is not a name stays: "first contact" (the surname rule asks for a capital).
    assert "at the first contact" in page.change
    # The contact is the organisation's, never the person's.
    assert page.contact.startswith("Makueni County Health Services")


def test_scrubbing_a_name_email_and_phone_in_one_answer(placed_entry):
    people = people_of(placed_entry)
    text = "Call Wanjiru Kamau on 0712 345 678 or write to wanjiru@example.org. KAMAU agrees."
    assert scrub_people(text, people) == (
        "Call [removed] on [removed] or write to [removed]. KAMAU agrees."
    )
    assert scrub_people("wanjiru kamau said so", people) == "[removed] said so"


def test_a_french_entry_goes_to_the_french_library(placed_entry, editor):
    placed_entry.language = "fr"
    placed_entry.save()
    page = make_case_study(placed_entry, editor).page
    assert page.locale.language_code == "fr"
    assert page.get_parent().specific == CaseStudyIndexPage.objects.get(locale__language_code="fr")


def test_without_a_library_in_its_language_the_default_languages(placed_entry, editor):
    placed_entry.language = "sw"
    placed_entry.save()
    page = make_case_study(placed_entry, editor).page
    assert page.locale.language_code == "en"


def test_a_second_action_opens_the_first_case_study(placed_entry, editor):
    first = make_case_study(placed_entry, editor)
    again = make_case_study(placed_entry, editor)
    assert not again.created and again.page.pk == first.page.pk
    made = CaseStudyPage.objects.filter(source_nomination=placed_entry, alias_of__isnull=True)
    assert made.count() == 1


def test_an_entry_without_consent_is_refused(editor):
    entry = NominationFactory(status=NominationStatus.WINNER)
    with pytest.raises(CaseStudyRefused):
        make_case_study(entry, editor)
    assert not CaseStudyPage.objects.filter(source_nomination=entry).exists()


# The admin's screens ----------------------------------------------------------------------------


def test_the_editor_makes_it_from_the_candidates_screen(editor_client, placed_entry):
    listing = editor_client.get(reverse("library_case_candidates"))
    assert listing.status_code == 200
    assert "Makueni County Health Services" in listing.text
    assert CONTACT not in listing.text and "w.kamau" not in listing.text
    response = editor_client.post(reverse("library_make_case_study", args=[placed_entry.pk]))
    page = case_of(placed_entry)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "Case study candidates" in editor_client.get(reverse("wagtailadmin_home")).text


def test_a_refused_entry_comes_back_with_the_reason(editor_client):
    entry = NominationFactory(status=NominationStatus.NOT_PLACED, consent_case_study=True)
    response = editor_client.post(reverse("library_make_case_study", args=[entry.pk]), follow=True)
    assert "Only an entry that was shortlisted or placed" in response.text
    assert not CaseStudyPage.objects.filter(source_nomination=entry).exists()


@pytest.mark.parametrize("who", ["nominator", "judge_user", "sponsor"])
def test_attack_others_posting_to_the_action_make_nothing(client, placed_entry, who, request):
    """A nominator, a judge or a sponsor POSTing to the action is refused and no page is made
    (without the rule, the view would make one)."""
    client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("library_make_case_study", args=[placed_entry.pk]))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"] or response["Location"] == "/admin/"
    assert not CaseStudyPage.objects.filter(source_nomination=placed_entry).exists()


def test_attack_an_admin_user_without_the_rule_is_refused(client, placed_entry, judge_user):
    """Someone with admin access who is neither editor nor administrator: Wagtail's refusal."""
    from django.contrib.auth.models import Permission

    judge_user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(judge_user)
    response = client.post(reverse("library_make_case_study", args=[placed_entry.pk]), follow=True)
    assert "Sorry, you do not have permission" in response.text
    assert not CaseStudyPage.objects.filter(source_nomination=placed_entry).exists()
    listing = client.get(reverse("library_case_candidates"), follow=True)
    assert "Makueni" not in listing.text
