"""The query budget of the wizard (issue 15): the page of each step (GET) and the save of each
step with "Continue" (POST), for a signed-in nominator, at most 8 queries each, and the same
literal number whether the nominator has 1 or 3 nominations, the nomination 1 or 3 evidence
files and the cycle 1 or 3 more categories.

Counted as a nominator meets them: the site's menu, site, locale and settings already kept in
the cache by an earlier visitor (awards_site/caching/), and a page loaded just now (its
revision is the saved one, drafts.py's usual case)."""

import pytest

from nominations.choices import NominationStatus
from nominations.wizard.forms import STEPS
from tests.factories.nominations import CategoryFactory, EvidenceFileFactory, NominationFactory
from tests.nominations.wizard.driver import VALID_ANSWERS

pytestmark = pytest.mark.django_db

BUDGET = 8
# Each step's page and save, counted. A "Continue" answers with the next step's page (the
# declaration's with a redirect to "Check your answers"), so its count includes that page.
PAGES = {
    "category": 6,  # + the cycle's categories, once for the choices and their notes
    "organisation": 5,
    "contact": 5,
    "initiative": 5,
    "results": 6,  # + the agencies the nominator is staff of (measured results, hook)
    "evidence": 6,  # + the files
    "declaration": 5,
    "check": 7,  # + the files, + whether the email address is confirmed
}
SAVES = {
    "category": 7,  # + the category looked up among the cycle's; the organisation's page
    "organisation": 6,
    "contact": 6,
    "initiative": 7,  # the results step's page: + the nominator's agencies
    "results": 7,  # the evidence step's page shows the files
    "evidence": 7,  # whether a file is attached; the declaration's page
    "declaration": 7,  # the consent recorded with it, in one transaction
}
# Session, user, nomination; the account menu's two roles (judge, sponsor): every page.
# A step's save is one UPDATE (the answers, the revision and the wizard's place together).


def test_the_budgets_are_within_eight_queries():
    assert max(PAGES.values()) <= BUDGET and max(SAVES.values()) <= BUDGET
    assert set(PAGES) == {step for step, _form in STEPS}
    assert set(SAVES) == set(PAGES) - {"check"}


@pytest.fixture(params=[1, 3], ids=["one of each", "three of each"])
def nominator_with_data(request, wizard, nominator, cycle):
    """The wizard's nomination, with `count` evidence files, `count - 1` other nominations of
    the nominator and `count - 1` more categories in the cycle."""
    count = request.param
    for number in range(count - 1):
        CategoryFactory(cycle=cycle, name_en=f"Extra category {number}")
        NominationFactory(
            cycle=cycle,
            category=None,
            nominator=nominator,
            status=NominationStatus.DRAFT,
            reference=None,
        )
    for number in range(count):
        EvidenceFileFactory(nomination=wizard.nomination, original_name=f"file{number}.pdf")
    wizard.client.get(wizard.url("category"))  # the first visit; the site's caches warm
    return wizard


def answers(wizard, step):
    if step == "category":
        return wizard.category_answers()
    return VALID_ANSWERS.get(step)


@pytest.mark.parametrize("step", list(PAGES))
def test_each_step_page_within_its_budget(nominator_with_data, step, django_assert_num_queries):
    wizard = nominator_with_data
    with django_assert_num_queries(PAGES[step]):
        response = wizard.client.get(wizard.url(step))
    assert response.status_code == 200


@pytest.mark.parametrize("step", list(SAVES))
def test_each_step_save_within_its_budget(nominator_with_data, step, django_assert_num_queries):
    wizard = nominator_with_data
    data = wizard.form_data(step, answers(wizard, step))  # as the page just loaded sends it
    with django_assert_num_queries(SAVES[step]):
        response = wizard.client.post(wizard.url(step), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:  # the next step, not this one again with errors
        assert "error-summary" not in response.content.decode()
        assert response.context["wizard"]["steps"].current != step
    saved = wizard.nomination
    assert saved.wizard_state["step_data"][step] == {}  # nothing left pending
    if step == "organisation":
        assert saved.organisation_name == VALID_ANSWERS["organisation"]["organisation_name"]
