"""The staff portal as agency staff use it: the dashboard's figures beside the country's, the
period chooser, their service points, the comments' moderation with replies, the held answers'
review and the exports; each guard attacked (another agency's staff, a nominator, anonymous)."""

import csv
import io

from django.utils import timezone
from openpyxl import load_workbook

from feedback.choices import AnswerStatus, CommentState
from feedback.models import Reply, Response, ServicePoint
from feedback.results import last_twelve_months, point_measures
from feedback.staff import moderation
from tests.factories.accounts import UserFactory
from tests.factories.feedback import AgencyFactory, ResponseFactory, ServicePointFactory
from tests.feedback.staff.conftest import comment

BASE = "/feedback/manage/test-registry"
# The session, its user, the agency and the access check, the site's frame, the figures, and
# the two counts of what waits for staff (comments, held answers).
DASHBOARD_QUERIES = 11
COMMENTS_QUERIES = 11


def urls(points, response):
    """Every address of the portal about the test agency, and what to POST to it."""
    return [
        ("get", f"{BASE}/", None),
        ("get", f"{BASE}/figures.csv", None),
        ("get", f"{BASE}/figures.xlsx", None),
        ("get", f"{BASE}/points/add/", None),
        ("post", f"{BASE}/points/add/", {"name": "Forged", "kind": "phone"}),
        ("get", f"{BASE}/points/{points[0].pk}/", None),
        ("post", f"{BASE}/points/{points[0].pk}/", {"name": "Forged", "kind": "phone"}),
        ("get", f"{BASE}/comments/", None),
        ("get", f"{BASE}/comments/{response.pk}/", None),
        (
            "post",
            f"{BASE}/comments/{response.pk}/",
            {"action": "publish", f"c{response.pk}-text": "Hi"},
        ),
        ("get", f"{BASE}/held/", None),
        ("post", f"{BASE}/held/{response.pk}/", {"action": "count"}),
    ]


# Attacks -------------------------------------------------------------------------------------
def test_other_agency_staff_get_404_everywhere_and_change_nothing(client, points, other_staff):
    response = comment(points[0], status=AnswerStatus.HELD)
    client.force_login(other_staff)
    for method, address, data in urls(points, response):
        assert getattr(client, method)(address, data or {}).status_code == 404, address
    response.refresh_from_db()
    assert response.comment_status == CommentState.PENDING
    assert response.status == AnswerStatus.HELD
    assert not Reply.objects.exists()
    assert not ServicePoint.objects.filter(name="Forged").exists()


def test_a_nominator_gets_404_and_anonymous_visitors_sign_in(client, points):
    response = comment(points[0])
    client.force_login(UserFactory())
    assert client.get("/feedback/manage/").status_code == 404
    for method, address, data in urls(points, response):
        assert getattr(client, method)(address, data or {}).status_code == 404, address
    client.logout()
    for method, address, data in urls(points, response):
        answer = getattr(client, method)(address, data or {})
        assert answer.status_code == 302 and answer["Location"].startswith("/accounts/login/")


def test_staff_cannot_reach_another_agencys_objects_through_their_own_address(staff_client, points):
    """The ids of another agency's point, comment and held answer, under the staff's own
    agency's address: 404, nothing changes."""
    elsewhere = ServicePointFactory(name="Elsewhere")
    other = comment(elsewhere, status=AnswerStatus.HELD)
    assert staff_client.get(f"{BASE}/points/{elsewhere.pk}/").status_code == 404
    assert (
        staff_client.post(
            f"{BASE}/points/{elsewhere.pk}/", {"name": "X", "kind": "phone"}
        ).status_code
        == 404
    )
    assert staff_client.get(f"{BASE}/comments/{other.pk}/").status_code == 404
    assert (
        staff_client.post(f"{BASE}/comments/{other.pk}/", {"action": "publish"}).status_code == 404
    )
    assert staff_client.post(f"{BASE}/held/{other.pk}/", {"action": "count"}).status_code == 404
    other.refresh_from_db()
    elsewhere.refresh_from_db()
    assert (other.comment_status, other.status) == (CommentState.PENDING, AnswerStatus.HELD)
    assert elsewhere.name == "Elsewhere"


def test_staff_see_only_their_own_agencys_comments(staff_client, points):
    comment(points[0], text="Ours: the counter was clean.")
    comment(ServicePointFactory(), text="Theirs: nobody answered the phone.")
    page = staff_client.get(f"{BASE}/comments/").content.decode()
    assert "Ours: the counter was clean." in page
    assert "Theirs" not in page


def test_moderation_needs_the_csrf_token(client, staff, points):
    from django.test import Client

    response = comment(points[0])
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(staff)
    assert strict.post(f"{BASE}/comments/{response.pk}/", {"action": "publish"}).status_code == 403
    response.refresh_from_db()
    assert response.comment_status == CommentState.PENDING


# The dashboard -------------------------------------------------------------------------------
def test_my_agencies_lead_straight_to_the_dashboard(staff_client, points):
    answer = staff_client.get("/feedback/manage/")
    assert answer.status_code == 302 and answer["Location"] == f"{BASE}/"


def test_the_dashboard_shows_each_point_and_the_country_median(staff_client, points):
    page = staff_client.get(f"{BASE}/").content.decode()
    assert "Dashboard of Test Registry" in page
    french = staff_client.get(f"/fr{BASE}/").content.decode()
    for point in points:
        # Each point's settings and public form, in the reader's language (the paths are kept
        # per language: feedback/templatetags/feedback_figures.py).
        assert point.name in page
        assert f'href="/feedback/{point.code}/"' in page
        assert f'href="/fr/feedback/{point.code}/"' in french
        assert f'href="{BASE}/points/{point.pk}/"' in page
        assert f'href="/fr{BASE}/points/{point.pk}/"' in french
    assert page.count("Office or branch ·") == len(points)  # each point's kind
    assert french.count("Bureau ou agence ·") == len(points)
    # 9 of 12 satisfied in every roll-up of the fixture: 75%, for the agency and each point.
    assert page.count("75%") >= 3
    assert "Country median" in page
    assert "Not enough answers yet" in page  # the months without roll-ups


def test_a_month_range_narrows_the_figures_and_bad_input_says_what_to_do(staff_client, points):
    today = timezone.localdate()
    this_month = today.strftime("%Y-%m")
    page = staff_client.get(f"{BASE}/", {"first": this_month, "last": this_month})
    assert page.context["board"].period.first == today.replace(day=1)
    page = staff_client.get(f"{BASE}/", {"first": "2026-13", "last": "soon"}).content.decode()
    assert "Enter a month as year and month, for example 2026-01." in page
    page = staff_client.get(f"{BASE}/", {"first": "2026-05", "last": "2026-01"}).content.decode()
    assert "The first month must come before the last one." in page


def test_the_dashboards_queries_do_not_grow_with_points(
    staff_client, points, django_assert_num_queries
):
    staff_client.get(f"{BASE}/")  # the site's menu and footer, kept after the first page
    with django_assert_num_queries(DASHBOARD_QUERIES):
        staff_client.get(f"{BASE}/")
    for number in range(3):
        point = ServicePointFactory(agency=points[0].agency, name=f"More {number}")
        comment(point)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        staff_client.get(f"{BASE}/")


def test_the_dashboard_counts_what_waits_for_staff_and_nothing_else(
    staff_client, points, other_staff
):
    """Waiting comments (not those of rejected answers, nor those decided) and held answers,
    of this agency's points only."""
    comment(points[0])
    comment(points[1])
    comment(points[0], status=AnswerStatus.REJECTED)
    ResponseFactory(point=points[0], comment="Fine.", comment_status=CommentState.PUBLISHED)
    ResponseFactory(point=points[1], status=AnswerStatus.HELD, held_reason="burst")
    elsewhere = ServicePointFactory(agency=AgencyFactory(slug="elsewhere"))
    comment(elsewhere)
    ResponseFactory(point=elsewhere, status=AnswerStatus.HELD, held_reason="burst")
    assert moderation.waiting_of(points[0].agency) == {"comments": 2, "held": 1}
    page = staff_client.get(f"{BASE}/").content.decode()
    assert "2 comments wait for moderation" in page
    assert "1 answer held for review" in page


# Service points ------------------------------------------------------------------------------
def test_staff_add_a_point_and_see_its_code_and_address(staff_client, agency):
    answer = staff_client.post(
        f"{BASE}/points/add/",
        {
            "name": "Registry Mombasa",
            "kind": "office",
            "town": "Mombasa",
            "region": "Coast",
            "active": "on",
        },
        follow=True,
    )
    point = ServicePoint.objects.get(name="Registry Mombasa")
    assert point.agency == agency and len(point.code) == 6
    page = answer.content.decode()
    assert point.code in page and f"/feedback/{point.code}/" in page


def test_an_office_without_its_town_is_sent_back_with_the_fix(staff_client, agency):
    page = staff_client.post(f"{BASE}/points/add/", {"name": "Registry X", "kind": "office"})
    assert "Enter the town of this office or branch." in page.content.decode()
    assert page.context["form"]["name"].value() == "Registry X"


def test_staff_close_their_point_but_its_code_stays(staff_client, points):
    point = points[0]
    code = point.code
    staff_client.post(
        f"{BASE}/points/{point.pk}/", {"name": "Registry Nairobi CBD", "kind": "phone"}
    )
    point.refresh_from_db()
    assert (point.name, point.active, point.code) == ("Registry Nairobi CBD", False, code)


# Comments ------------------------------------------------------------------------------------
def test_publish_with_a_reply_records_who_and_when(staff_client, staff, points):
    response = comment(points[0])
    answer = staff_client.post(
        f"{BASE}/comments/{response.pk}/",
        {"action": "publish", f"c{response.pk}-text": "Thank you, we added a second counter."},
        follow=True,
    )
    assert "The comment is published." in answer.content.decode()
    response.refresh_from_db()
    assert response.comment_status == CommentState.PUBLISHED
    assert response.moderated_by == staff and response.moderated_at is not None
    assert response.reply.text == "Thank you, we added a second counter."
    assert response.reply.author == staff


def test_reject_and_edit_the_reply(staff_client, points):
    response = comment(points[0])
    staff_client.post(
        f"{BASE}/comments/{response.pk}/", {"action": "reply", f"c{response.pk}-text": "First"}
    )
    staff_client.post(
        f"{BASE}/comments/{response.pk}/", {"action": "reject", f"c{response.pk}-text": "Second"}
    )
    response.refresh_from_db()
    assert response.comment_status == CommentState.REJECTED
    assert Reply.objects.get(response=response).text == "Second"
    staff_client.post(
        f"{BASE}/comments/{response.pk}/", {"action": "reply", f"c{response.pk}-text": ""}
    )
    assert not Reply.objects.filter(response=response).exists()


def test_a_too_long_reply_comes_back_with_its_text(staff_client, points):
    response = comment(points[0])
    text = "x" * 2001
    page = staff_client.post(
        f"{BASE}/comments/{response.pk}/", {"action": "publish", f"c{response.pk}-text": text}
    )
    assert page.status_code == 200
    assert text in page.content.decode()
    response.refresh_from_db()
    assert response.comment_status == CommentState.PENDING


def test_staff_read_only_the_scrubbed_comment(staff_client, points, citizen):
    """A citizen's comment with a phone number and an email address, through the form."""
    citizen.point = points[0]
    citizen.address = f"/feedback/{points[0].code}/"
    citizen.answer(comment="Call me on 0712 345 678 or mail amina@example.com please")
    page = staff_client.get(f"{BASE}/comments/").content.decode()
    assert "0712 345 678" not in page and "amina@example.com" not in page
    assert "[removed]" in page


def test_the_list_puts_waiting_comments_first_and_filters(staff_client, points):
    published = comment(points[0], text="Published one, already read.")
    published.comment_status = CommentState.PUBLISHED
    published.save()
    comment(points[1], text="Waiting one, not read yet.")
    page = staff_client.get(f"{BASE}/comments/").content.decode()
    assert page.index("Waiting one") < page.index("Published one")
    page = staff_client.get(f"{BASE}/comments/", {"status": "published"}).content.decode()
    assert "Published one" in page and "Waiting one" not in page
    page = staff_client.get(f"{BASE}/comments/", {"point": points[1].pk}).content.decode()
    assert "Waiting one" in page and "Published one" not in page


def test_the_comments_lists_queries_do_not_grow_with_comments(
    staff_client, points, django_assert_num_queries
):
    first = comment(points[0])
    Reply.objects.create(response=first, text="Thanks")
    staff_client.get(f"{BASE}/comments/")  # the site's menu and footer, kept after the first
    with django_assert_num_queries(COMMENTS_QUERIES):
        staff_client.get(f"{BASE}/comments/")
    for number in range(5):
        reply_to = comment(points[number % 2], text=f"Comment number {number} here")
        Reply.objects.create(response=reply_to, text="Thanks")
    with django_assert_num_queries(COMMENTS_QUERIES):
        staff_client.get(f"{BASE}/comments/")


# Held answers --------------------------------------------------------------------------------
def test_counting_a_held_answer_moves_the_figures_once(staff_client, points):
    point = points[0]
    period = last_twelve_months()
    before = point_measures(point, period).n
    held = ResponseFactory(point=point, status=AnswerStatus.HELD, held_reason="burst")
    staff_client.post(f"{BASE}/held/{held.pk}/", {"action": "count"})
    answer = staff_client.post(f"{BASE}/held/{held.pk}/", {"action": "count"}, follow=True)
    assert "This answer was already reviewed." in answer.content.decode()
    assert point_measures(point, period).n == before + 1
    held.refresh_from_db()
    assert held.status == AnswerStatus.COUNTED


def test_rejecting_a_held_answer_leaves_the_figures(staff_client, points):
    point = points[0]
    period = last_twelve_months()
    before = point_measures(point, period).n
    held = ResponseFactory(point=point, status=AnswerStatus.HELD, held_reason="burst")
    staff_client.post(f"{BASE}/held/{held.pk}/", {"action": "reject"})
    assert Response.objects.get(pk=held.pk).status == AnswerStatus.REJECTED
    assert point_measures(point, period).n == before


# Exports -------------------------------------------------------------------------------------
def test_the_csv_holds_each_point_and_month_and_no_formula(staff_client, points):
    points[0].name = '=HYPERLINK("http://evil.example")'
    points[0].save()
    answer = staff_client.get(f"{BASE}/figures.csv")
    assert answer["Content-Disposition"].startswith('attachment; filename="test-registry-feedback-')
    lines = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert lines[0][:4] == ["Service point", "Code", "Month", "Answers"]
    assert lines[1][:4] == ["Test Registry", "", "whole period", "72"]
    names = {line[0] for line in lines[1:]}
    assert '\'=HYPERLINK("http://evil.example")' in names
    assert len(lines) == 1 + 1 + 2 + 2 * 13 or len(lines) == 1 + 1 + 2 + 2 * 12


def test_the_workbook_has_a_chart_of_the_months(staff_client, points):
    answer = staff_client.get(f"{BASE}/figures.xlsx")
    workbook = load_workbook(io.BytesIO(answer.content))
    assert workbook.sheetnames == ["Months", "Figures"]
    months = workbook["Months"]
    assert months.cell(1, 2).value == "Answers"
    assert sum(row[1] for row in months.iter_rows(min_row=2, values_only=True)) == 72
    assert len(months._charts) == 1
