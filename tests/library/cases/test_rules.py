"""Which entries may become a case study (library/cases/rules.py), and who may make one
(`library.make_case_study`)."""

import pytest
from django.contrib.auth.models import Group

from library.cases.rules import CASE_STUDY_STATUSES, candidates, may_become_case_study, refusal
from nominations.statuses import NominationStatus
from tests.factories.accounts import UserFactory
from tests.factories.nominations import NominationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("status", ["shortlisted", "finalist", "merit", "winner"])
def test_a_consenting_shortlisted_or_placed_entry_may_become_a_case_study(status):
    entry = NominationFactory(status=status, consent_case_study=True)
    assert may_become_case_study(entry)
    assert entry in candidates()


@pytest.mark.parametrize("status", ["draft", "submitted", "eligible", "ineligible", "not_placed"])
def test_an_entry_not_shortlisted_nor_placed_may_not(status):
    entry = NominationFactory(status=status, consent_case_study=True)
    assert "shortlisted or placed" in str(refusal(entry))
    assert entry not in candidates()


def test_an_entry_without_consent_may_not_even_when_it_won():
    entry = NominationFactory(status=NominationStatus.WINNER)
    assert entry.consent_case_study is False  # never given by default
    assert "not consented" in str(refusal(entry))
    assert entry not in candidates()


def test_the_outcomes_are_judgings_decidable_statuses():
    assert set(CASE_STUDY_STATUSES) == {"shortlisted", "finalist", "merit", "winner"}


def test_editors_and_administrators_may_make_case_studies(editor, demo_admin):
    assert editor.has_perm("library.make_case_study")
    assert demo_admin.has_perm("library.make_case_study")
    administrator = UserFactory()
    administrator.groups.add(Group.objects.get_or_create(name="Administrators")[0])
    assert administrator.has_perm("library.make_case_study")


def test_nobody_else_may(nominator, judge_user, sponsor, editor):
    for user in (nominator, judge_user, sponsor):
        assert not user.has_perm("library.make_case_study")
    editor.is_active = False
    editor.save()
    assert not editor.has_perm("library.make_case_study")
