"""Where frozen measured results are shown (nominations/wizard/measured.py): the judges' entry
page (within its query budget), the nomination PDF, the admin review screen, the report
workbook's Nominations sheet, sponsor reports' counts; and the demo's measured nomination."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from cms.reports.access import ReportScope
from cms.reports.figures import key_figures
from cms.reports.summary_pdf import report_pdf
from cms.reports.workbook import report_workbook
from feedback.evidence import load_demo, snapshot_of
from feedback.models import AgencyMembership
from nominations.models import AwardCycle, Nomination
from nominations.pdf import nomination_pdf
from nominations.wizard.measured import LAST_12, period
from tests.factories.feedback import DailyRollupFactory, ServicePointFactory
from tests.judging.portal.test_query_budgets import ENTRY_PAGE_BEFORE_ANY_SCORE, judge_with_entries
from tests.pdf import pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
LABEL = "Measured by the citizen feedback platform"


@pytest.fixture
def english():
    """Reports are made in the active language: English here."""
    with translation.override("en"):
        yield


@pytest.fixture
def snapshot():
    point = ServicePointFactory(agency__name="Measured Agency", agency__slug="measured-agency")
    DailyRollupFactory(
        point=point,
        n=40,
        satisfied=30,
        resolved=20,
        promoters=20,
        detractors=8,
        effort_sum=200,
        effort_squares=1100,
    )
    return snapshot_of(point.agency, period(LAST_12, None), key=LAST_12)


def test_judges_see_the_label_period_and_counts_without_a_query_more(
    client, snapshot, django_assert_num_queries
):
    scene = judge_with_entries(1)
    entry = scene.assignment.nomination
    Nomination.objects.filter(pk=entry.pk).update(measured_results=snapshot)
    version = scene.assignment.nomination_version
    version.answers["measured_results"] = snapshot
    version.save(update_fields=["answers"])
    client.force_login(scene.judge.user)
    client.get("/judging/")  # the menu and footer, cached
    with django_assert_num_queries(ENTRY_PAGE_BEFORE_ANY_SCORE):
        response = client.get(scene.url)
    page = response.content.decode()
    assert LABEL in page
    assert "Measured Agency" in page and "40 answers of citizens" in page
    assert "75%" in page  # satisfied, with its interval beside it
    pdf = client.get(f"/judging/entries/{scene.assignment.pk}/copy.pdf")
    assert pdf.status_code == 200
    assert LABEL in pdf_text(pdf.content)


def test_judges_read_the_figures_sent_not_a_later_change(client, snapshot):
    scene = judge_with_entries(1)
    # The version given to the judge has no measured results; the nomination now has some.
    Nomination.objects.filter(pk=scene.assignment.nomination_id).update(measured_results=snapshot)
    client.force_login(scene.judge.user)
    page = client.get(scene.url).content.decode()
    assert LABEL not in page


def test_the_nomination_pdf_holds_the_figures(snapshot):
    nomination = Nomination.objects.submitted().first()
    nomination.measured_results = snapshot
    text = pdf_text(nomination_pdf(nomination))
    assert LABEL in text
    assert "Measured Agency" in text and "40 answers of citizens" in text
    assert "Net Promoter Score" in text and "75%" in text


def test_the_admin_review_screen_shows_them(demo_admin_client, snapshot):
    nomination = Nomination.objects.submitted().first()
    Nomination.objects.filter(pk=nomination.pk).update(measured_results=snapshot)
    for version in nomination.versions.all():
        version.answers["measured_results"] = snapshot
        version.save(update_fields=["answers"])
    page = demo_admin_client.get(reverse("nomination:inspect", args=[nomination.pk]))
    assert page.status_code == 200
    assert LABEL in page.content.decode()


def test_the_workbook_lists_the_figures_and_sponsor_reports_count_them(snapshot):
    cycle = AwardCycle.objects.get(code="CX26")
    sent = Nomination.objects.submitted().filter(cycle=cycle).order_by("reference")
    chosen = list(sent[:2])
    Nomination.objects.filter(pk__in=[n.pk for n in chosen]).update(measured_results=snapshot)
    scope = ReportScope(cycle=cycle)
    workbook = load_workbook(io.BytesIO(report_workbook(scope)))
    sheet = workbook["Nominations"]
    headers = [cell.value for cell in sheet[1]]
    start = headers.index("Measured: source")
    assert headers[start:] == [
        "Measured: source",
        "Measured: period",
        "Measured: answers",
        "Measured: satisfied [interval]",
        "Measured: CES [interval]",
        "Measured: resolved [interval]",
        "Measured: NPS [interval]",
    ]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    row = rows[chosen[0].reference]
    assert row[start] == "Measured Agency" and row[start + 2] == 40
    assert row[start + 3].startswith("75% [")
    assert row[start + 1] == f"{snapshot['first']} – {snapshot['last']}"
    other = rows[sent[2].reference]
    assert other[start] is None and other[start + 2] is None

    figures = key_figures(scope)
    assert figures.measured_total == 2
    by_category = {}
    for nomination in chosen:
        by_category[nomination.category_id] = by_category.get(nomination.category_id, 0) + 1
    assert {r.key: r.count for r in figures.measured_by_category if r.count} == by_category
    assert ("Nominations with measured results", 2, "0") in [
        (str(label), value, fmt) for label, value, fmt in figures.key_figures()
    ]
    summary = workbook["Summary"]
    texts = [cell.value for row in summary.iter_rows() for cell in row if cell.value]
    assert "Nominations with measured results, by category" in texts
    pdf = pdf_text(report_pdf(scope))
    assert "2 nominations carry results measured by the citizen feedback platform" in " ".join(
        pdf.split()
    )


def test_the_demo_has_one_nomination_with_measured_results_loaded_once():
    nominator = get_user_model().objects.get(email="nominator@demo.test")
    assert AgencyMembership.objects.filter(user=nominator, agency__slug="ke-huduma").exists()
    measured = Nomination.objects.filter(nominator=nominator).exclude(measured_results=None)
    assert measured.count() == 1
    nomination = measured.get()
    assert nomination.is_sent and nomination.measured_results["answers"] >= 10
    assert nomination.versions.first().answers["measured_results"] == nomination.measured_results
    load_demo()
    assert Nomination.objects.exclude(measured_results=None).count() == 1
    assert AgencyMembership.objects.filter(user=nominator).count() == 1
