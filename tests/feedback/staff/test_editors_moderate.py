"""Editors moderate citizens' comments of every agency (docs/feedback.md): the demo's editor
(an editor, not a superuser) opens the list of agencies with what waits, publishes a comment with
a reply, and reaches nothing else of an agency: not its figures, points, exports or held answers.
Nominators and judges, who are not editors, still get 404."""

from feedback.choices import AnswerStatus, CommentState
from feedback.models import ServicePoint
from tests.feedback.staff.conftest import comment
from tests.feedback.staff.test_portal import BASE, urls

COMMENT_PAGES = {f"{BASE}/comments/"}


def test_the_editor_sees_every_agency_with_its_waiting_comments(client, editor, points):
    comment(points[0])
    comment(points[1])
    comment(points[1], status=AnswerStatus.REJECTED)
    client.force_login(editor)
    page = client.get("/feedback/manage/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "<h1>Citizens' comments to moderate</h1>" in text
    assert f'href="{BASE}/comments/?status=pending">Test Registry (Kenya)</a>' in text
    row = text.split("Test Registry (Kenya)</a></th>", 1)[1]
    assert row.split("</td>", 1)[0].strip() == "<td>2"  # the rejected answer's is not waiting


def test_the_editor_publishes_a_comment_with_a_reply(client, editor, points):
    response = comment(points[0])
    client.force_login(editor)
    answer = client.post(
        f"{BASE}/comments/{response.pk}/",
        {"action": "publish", f"c{response.pk}-text": "Thank you; the agency is told."},
        follow=True,
    )
    assert "The comment is published." in answer.content.decode()
    response.refresh_from_db()
    assert response.comment_status == CommentState.PUBLISHED
    assert response.moderated_by == editor
    assert response.reply.author == editor


def test_the_editor_reaches_nothing_but_the_comments(client, editor, points):
    response = comment(points[0], status=AnswerStatus.HELD)
    client.force_login(editor)
    for method, address, data in urls(points, response):
        if "/comments/" in address:
            continue
        got = getattr(client, method)(address, data or {})
        assert got.status_code == 404, address
    response.refresh_from_db()
    assert response.status == AnswerStatus.HELD
    assert not ServicePoint.objects.filter(name="Forged").exists()
    listing = client.get(f"{BASE}/comments/").content.decode()
    assert f'href="{BASE}/"' not in listing  # no link to the dashboard they cannot open


def test_the_editors_list_of_agencies_does_not_grow_in_queries(
    client, editor, points, django_assert_max_num_queries
):
    from tests.factories.feedback import AgencyFactory, ServicePointFactory

    for number in range(6):
        point = ServicePointFactory(agency=AgencyFactory(slug=f"more-{number}"))
        comment(point)
    client.force_login(editor)
    client.get("/feedback/manage/")  # the site's frame (menus, footer) is kept after once
    with django_assert_max_num_queries(8):
        assert client.get("/feedback/manage/").status_code == 200


def test_the_admin_menu_offers_the_editor_the_comments(client, editor):
    # The sidebar is drawn from JSON props: the item's name and address are in them.
    client.force_login(editor)
    menu = client.get("/admin/").content.decode()
    assert "citizens-comments" in menu and "/feedback/manage/" in menu
