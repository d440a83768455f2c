"""The Campaign reach report: what editors read and download, what it costs, who is refused."""

import csv
import io
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from awards_site.reach import buffer
from awards_site.reach.models import ConversionDay, ReachDay

pytestmark = pytest.mark.django_db

REPORT = reverse("reach_report")
RESULTS = reverse("reach_report_results")


def demo_user(email):
    return get_user_model().objects.get(email=email)


@pytest.fixture
def editor_client(client, editor):
    assert not editor.is_superuser
    client.force_login(editor)
    return client


def test_the_editor_reads_the_demos_campaigns(editor_client):
    response = editor_client.get(REPORT)
    assert response.status_code == 200
    rows = {(row.campaign, row.source): row for row in response.context["object_list"]}
    linkedin = rows[("cx-day-2027", "linkedin")]
    assert linkedin.views > 0
    assert linkedin.referrers[0][0] == "www.linkedin.com"
    assert linkedin.conversions_signed > 0
    assert rows[("", "")].campaign_label == "(no campaign)"
    body = response.content.decode()
    for heading in ("Campaign reach", "Top referrers", "Pledges and letters signed", "Views"):
        assert heading in body


def test_each_campaign_has_an_accessible_chart_with_its_figures_in_a_table(editor_client):
    body = editor_client.get(REPORT).content.decode()
    assert body.count('role="img"') == 2  # the demo's two campaigns
    assert '<title id="reach-chart-0-title">Daily views of the campaign cx-day-2027</title>' in body
    assert '<desc id="reach-chart-0-desc">' in body
    assert "Views day by day" in body and "<script" not in body.split("reach-daily-heading")[1]


def test_views_are_in_the_report_once_their_minute_is_over(editor_client, browser):
    browser.get("/about/?utm_campaign=launch-day&utm_source=x")
    rows = editor_client.get(REPORT).context["object_list"]
    assert "launch-day" not in {row.campaign for row in rows}  # its minute is still open
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        response = editor_client.get(REPORT, {"campaign": "launch-day"})
    (row,) = response.context["object_list"]
    assert (row.campaign, row.source, row.views) == ("launch-day", "x", 1)


def test_the_period_and_the_campaign_filter_the_rows(editor_client):
    old = timezone.localdate() - timedelta(days=40)
    ReachDay.objects.create(day=old, path="/", campaign="last-year", views=9)
    rows = editor_client.get(REPORT).context["object_list"]
    assert "last-year" not in {row.campaign for row in rows}
    rows = editor_client.get(REPORT, {"period": "90"}).context["object_list"]
    assert "last-year" in {row.campaign for row in rows}
    rows = editor_client.get(RESULTS, {"period": "90", "campaign": "last-year"}).context[
        "object_list"
    ]
    assert [(row.campaign, row.views) for row in rows] == [("last-year", 9)]


def more_campaigns(number):
    today = timezone.localdate()
    for index in range(number):
        for day in range(5):
            ReachDay.objects.create(
                day=today - timedelta(days=day),
                path=f"/p{index}/",
                referrer=f"r{index}.example",
                campaign=f"more-{index}",
                views=3,
            )
            ConversionDay.objects.create(
                day=today - timedelta(days=day), kind="signed", campaign=f"more-{index}", count=1
            )


def test_the_queries_do_not_grow_with_the_figures(editor_client, django_assert_max_num_queries):
    editor_client.get(REPORT)
    with CaptureQueriesContext(connection) as before:
        editor_client.get(REPORT)
    budget = len(before)  # read now: the next request empties the connection's log
    assert budget <= 20  # the admin's menus and the user's permissions, then 5 of its own
    more_campaigns(8)
    buffer.add((buffer.VIEW, "/about/", None, "", "waiting", ""), buffer.current_slot() - 5)
    editor_client.get(REPORT)  # moves the waiting counts in: the next report has none to move
    with django_assert_max_num_queries(budget):
        response = editor_client.get(REPORT)
    assert len(response.context["object_list"]) >= 12
    assert len(response.context["charts"]) == 10


@pytest.mark.parametrize("export", ["xlsx", "csv"])
def test_the_download_has_every_column_and_safe_cells(editor_client, browser, export):
    browser.get(
        '/about/?utm_campaign==HYPERLINK("https://evil.example","x")&utm_source=@SUM(1)',
        HTTP_REFERER="https://=cmd.example/",
    )
    response = editor_client.get(REPORT, {"export": export})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "xlsx":
        sheet = load_workbook(io.BytesIO(content)).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    else:
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Campaign", "Source", "Views", "Top referrers"]
    assert "Subscriptions" in rows[0]
    assert [str(v) for v in rows[1][:2]] == ["cx-day-2027", "linkedin"]
    text = repr(rows)
    assert "HYPERLINK" not in text and "SUM" not in text and "cmd" not in text
    # The hostile tags were dropped whole: the view counts, without a campaign.
    assert ReachDay.objects.filter(path="/about/", campaign="", source="", referrer="").exists()


def test_the_editor_finds_the_report_in_the_reports_menu(editor_client):
    body = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert REPORT in body


# Attacks ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("email", ["nominator@demo.test", "judge1@demo.test", "sponsor@demo.test"])
@pytest.mark.parametrize("query", [{}, {"export": "xlsx"}, {"export": "csv"}])
def test_a_signed_in_nominator_judge_or_sponsor_is_refused(client, email, query):
    user = demo_user(email)
    assert not user.has_perm("awards_site.see_reach_report")
    client.force_login(user)
    for url in (REPORT, RESULTS):
        response = client.get(url, query)
        assert response.status_code in (302, 403), (email, url)
        assert b"cx-day-2027" not in response.content


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_staff_flags_without_the_role_give_no_report(client):
    """Admin access alone (a staff account in no group) is not enough."""
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("staff@example.org", "x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    assert b"cx-day-2027" not in response.content
