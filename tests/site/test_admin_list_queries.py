"""Every list the project adds to the Wagtail admin costs the administrator the same number of
queries with one row of what it lists as with four (issue 15): rows are read with their related
objects and counts, never one query per row.

The lists with a query-count test of their own next to their other tests are not repeated here:
nominations (tests/nominations/review/test_admin.py), deletion requests
(tests/nominations/privacy/test_privacy_deletion.py), rubrics, rounds, judges, assignments, a
round's progress and results, certificates (tests/judging/...), the translation report
(tests/cms/translations/) and the admin's dashboard (tests/judging/results/test_overview.py).

Each listing below says how to add a row of what it lists (made with the factories, in the
`world` of tests/conftest.py) and what of that row the page shows, so a row that a filter or a
page break hid would fail the test rather than pass it."""

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from cms.models import EnquiryFormPage
from tests.factories.accounts import UserFactory
from tests.factories.cms import (
    OpenLetterSignatureFactory,
    PartnerFactory,
    PledgeSignatureFactory,
    SponsorMemberFactory,
)
from tests.factories.judging import (
    AssignmentFactory,
    ConflictClearanceFactory,
    ConflictFactory,
    JudgeProfileFactory,
    RoundFactory,
    SignatoryFactory,
)
from tests.factories.nominations import AwardCycleFactory, CategoryFactory, NominationFactory
from tests.factories.site import FailedTaskFactory

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Listing:
    name: str
    url: Callable  # world -> the list's address
    add: Callable  # (world, n) -> what the page shows of each of the n rows it adds

    def __str__(self):
        return self.name


_numbers = itertools.count(500)


def _numbered(n):
    """n numbers no other row uses (an entry's number names its agency and its reference)."""
    return [next(_numbers) for _ in range(n)]


def add_cycles(world, n):
    return [AwardCycleFactory(name_en=f"Listed cycle {number}").name_en for number in _numbered(n)]


def add_categories(world, n):
    return [
        CategoryFactory(cycle=world.cycle, name_en=f"Listed category {number}").name_en
        for number in _numbered(n)
    ]


def add_conflicts(world, n):
    """An entry of the round's cycle assigned to a judge who then declared a conflict with it
    (a declared conflict and a conflicted assignment), and a judge whose likely conflict the
    awards team cleared."""
    shown = []
    for number in _numbered(n):
        entry = NominationFactory(cycle=world.cycle, category=world.categories[0], number=number)
        judge = JudgeProfileFactory(email=f"conflicted{number}@judges.example", cycle=world.cycle)
        AssignmentFactory(round=world.round, nomination=entry, judge=judge)
        ConflictFactory(judge=judge, nomination=entry, reason=f"Worked there {number}")
        ConflictClearanceFactory(
            judge=JudgeProfileFactory(email=f"cleared{number}@judges.example"),
            nomination=entry,
            note=f"Cleared {number}",
        )
        shown += [entry.organisation_name, f"Worked there {number}", f"Cleared {number}"]
    return shown


def add_overdue(world, n):
    shown = []
    for number in _numbered(n):
        entry = NominationFactory(cycle=world.cycle, category=world.categories[0], number=number)
        judge = JudgeProfileFactory(email=f"late{number}@judges.example", cycle=world.cycle)
        AssignmentFactory(
            round=world.round,
            nomination=entry,
            judge=judge,
            due_on=timezone.localdate() - timedelta(days=2),
        )
        shown.append(entry.organisation_name)
    return shown


def add_rounds(world, n):
    return [
        RoundFactory(cycle=world.cycle, rubric=world.rubric, name_en=f"Listed round {number}").name
        for number in _numbered(n)
    ]


def add_signatories(world, n):
    return [
        SignatoryFactory(cycle=world.cycle, name=f"Listed signatory {number}").name
        for number in _numbered(n)
    ]


def add_partners(world, n):
    shown = []
    for number in _numbered(n):
        partner = PartnerFactory(name=f"Listed partner {number}")
        partner.cycles.add(world.cycle)
        shown.append(partner.name)
    return shown


def add_sponsor_members(world, n):
    return [
        SponsorMemberFactory(
            user=UserFactory(email=f"sponsor{number}@partners.example"),
            partner=PartnerFactory(name=f"Sponsoring partner {number}"),
        ).partner.name
        for number in _numbered(n)
    ]


def add_letter_signatures(world, n):
    return [
        OpenLetterSignatureFactory(name=f"Letter signer {number}").name for number in _numbered(n)
    ]


def add_pledge_signatures(world, n):
    return [PledgeSignatureFactory(name=f"Pledge signer {number}").name for number in _numbered(n)]


def add_report_cycles(world, n):
    """A cycle with two categories and a sponsor: the reports list each cycle with its
    categories, nominations sent and sponsors."""
    shown = []
    for number in _numbered(n):
        cycle = AwardCycleFactory(name_en=f"Reported cycle {number}")
        for index, letter in enumerate("AB"):
            category = CategoryFactory(cycle=cycle, name_en=f"Reported {letter}{number}")
            NominationFactory(cycle=cycle, category=category, number=number * 10 + index)
        PartnerFactory(name=f"Reporting sponsor {number}").cycles.add(cycle)
        shown += [cycle.name_en, f"Reported B{number}", f"Reporting sponsor {number}"]
    return shown


def add_failed_tasks(world, n):
    return [FailedTaskFactory(error=f"Listed failure {number}").error for number in _numbered(n)]


def enquiry_page():
    return EnquiryFormPage.objects.filter(locale__language_code="en").first()


def add_enquiries(world, n):
    page = enquiry_page()
    fields = [field.clean_name for field in page.get_form_fields()]
    shown = []
    for number in _numbered(n):
        data = {name: f"Enquiry {number} {name}" for name in fields}
        FormSubmission.objects.create(page=page, form_data=data)
        shown.append(f"Enquiry {number} {fields[0]}")
    return shown


def add_users(world, n):
    return [UserFactory(email=f"listed{number}@users.example").email for number in _numbered(n)]


LISTINGS = [
    Listing("award cycles", lambda world: "/admin/awardcycle/", add_cycles),
    Listing("categories", lambda world: "/admin/category/", add_categories),
    Listing(
        "conflicts",
        lambda world: f"/admin/judging/conflicts/?round={world.round.pk}",
        add_conflicts,
    ),
    Listing(
        "overdue scoresheets",
        lambda world: f"/admin/judging/overdue/?round={world.round.pk}",
        add_overdue,
    ),
    Listing("results (rounds)", lambda world: "/admin/judging/results/", add_rounds),
    Listing("signatories", lambda world: "/admin/snippets/judging/signatory/", add_signatories),
    Listing("partners", lambda world: "/admin/snippets/cms/partner/", add_partners),
    Listing(
        "sponsor users", lambda world: "/admin/snippets/cms/sponsormember/", add_sponsor_members
    ),
    Listing(
        "open letter signatures",
        lambda world: "/admin/snippets/cms/openlettersignature/",
        add_letter_signatures,
    ),
    Listing(
        "pledge signatures",
        lambda world: "/admin/snippets/cms/pledgesignature/",
        add_pledge_signatures,
    ),
    Listing("cycle reports", lambda world: "/admin/cycle-reports/", add_report_cycles),
    Listing("failed background tasks", lambda world: "/admin/failed-tasks/", add_failed_tasks),
    Listing(
        "enquiries",
        lambda world: f"/admin/forms/submissions/{enquiry_page().pk}/",
        add_enquiries,
    ),
    Listing("users", lambda world: "/admin/users/?q=users.example", add_users),
]


@pytest.mark.parametrize("listing", LISTINGS, ids=str)
def test_an_admin_list_costs_the_same_queries_with_more_rows(
    demo_admin_client, world, listing, django_assert_max_num_queries, django_assert_num_queries
):
    shown = listing.add(world, 1)
    url = listing.url(world)
    demo_admin_client.get(url)  # warm the caches a first request fills (menus, content types)
    with django_assert_max_num_queries(80) as captured:
        response = demo_admin_client.get(url)
    one_row = len(captured)  # before the next request resets the log
    assert response.status_code == 200
    shown += listing.add(world, 3)
    # New rows of what public pages show move the public content on: the site's lookups kept
    # until then (awards_site/caching/memo.py) are made again once, by this request.
    demo_admin_client.get(url)
    with django_assert_num_queries(one_row):
        response = demo_admin_client.get(url)
    page = response.content.decode()
    for text in shown:
        assert text in page, f"{text!r} is not on the page"
