"""Administrators in the Wagtail admin: the nominations list with filters and export, and the
review screen: every answer and file, versions and history, eligibility decisions that tell the
nominator and are logged, reopening and deadline extensions."""

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from nominations.choices import NominationStatus
from nominations.models import EvidenceFile, Nomination
from nominations.sending import versions
from tests.factories.accounts import UserFactory
from tests.factories.nominations import NominationFactory

pytestmark = pytest.mark.django_db


def submitted():
    return (
        Nomination.objects.filter(status=NominationStatus.SUBMITTED).select_related("cycle").first()
    )


def test_list_filters_and_query_count(demo_admin_client, cycle, django_assert_max_num_queries):
    with django_assert_max_num_queries(60) as captured:
        response = demo_admin_client.get("/admin/nomination/?status=eligible")
    assert response.status_code == 200
    html = response.content.decode()
    eligible = Nomination.objects.filter(status=NominationStatus.ELIGIBLE).first()
    assert eligible.reference in html
    assert submitted().reference not in html  # filtered out
    baseline = len(captured)
    owner = UserFactory(email="bulk@example.org")
    for number in range(15):
        NominationFactory(
            category=cycle.categories.first(),
            nominator=owner,
            status=NominationStatus.ELIGIBLE,
            country="KE",
            organisation_name=f"Bulk {number}",
            reference=f"CX27-KE-9{number:03d}",
        )
    with django_assert_max_num_queries(baseline):
        demo_admin_client.get("/admin/nomination/?status=eligible")


def test_export_as_spreadsheet(demo_admin_client):
    response = demo_admin_client.get("/admin/nomination/?export=csv")
    assert response.status_code == 200
    content = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )
    assert "Reference" in content.splitlines()[0]
    assert submitted().reference in content


def test_the_list_links_to_the_review_screen(demo_admin_client):
    nomination = submitted()
    html = demo_admin_client.get(f"/admin/nomination/?q={nomination.reference}").content.decode()
    assert f"/admin/nomination/inspect/{nomination.pk}/" in html
    assert f"/admin/nomination/edit/{nomination.pk}/" not in html
    # The old edit address leads to the review screen.
    response = demo_admin_client.get(f"/admin/nomination/edit/{nomination.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/nomination/inspect/{nomination.pk}/"


def test_review_shows_answers_files_versions_and_history(demo_admin_client):
    nomination = Nomination.objects.filter(versions__number=2).first()
    html = demo_admin_client.get(f"/admin/nomination/inspect/{nomination.pk}/").content.decode()
    assert nomination.organisation_name in html
    assert "the September survey came in" in html  # version 2's answer
    evidence = nomination.evidence.first()
    assert f"/admin/nominations/evidence/{evidence.pk}/" in html
    assert "What changed in version 2" in html
    assert "Changes sent by the nominator: a new version" in html  # the history
    assert "Started by the nominator" in html
    older = demo_admin_client.get(f"/admin/nomination/inspect/{nomination.pk}/?version=1")
    assert "the September survey came in" not in older.content.decode().split("Versions")[0]
    download = demo_admin_client.get(f"/admin/nominations/evidence/{evidence.pk}/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")


def test_evidence_admin_download_needs_admin_rights(client):
    evidence = EvidenceFile.objects.first()
    client.force_login(UserFactory(email="nosy@example.org"))
    assert client.get(f"/admin/nominations/evidence/{evidence.pk}/").status_code in (302, 403)


def test_ineligible_needs_a_reason_then_tells_the_nominator(
    demo_admin_client, django_capture_on_commit_callbacks
):
    nomination = submitted()
    url = f"/admin/nomination/inspect/{nomination.pk}/"
    response = demo_admin_client.post(url, {"action": "ineligible", "ineligible-reason": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html and "Give the reason" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = demo_admin_client.post(
            url, {"action": "ineligible", "ineligible-reason": "Started too recently."}
        )
    assert response.status_code == 302 and response["Location"] == url
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.INELIGIBLE
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [nomination.nominator.email]
    assert "Started too recently." in mail.outbox[0].body
    entry = ModelLogEntry.objects.get(action="nominations.decision", object_id=str(nomination.pk))
    assert entry.data["to"] == "ineligible" and entry.user.email == "admin@demo.test"
    html = demo_admin_client.get(url).content.decode()
    assert "Started too recently." in html and "Submitted → Not eligible" in html


def test_reopen_and_extend_from_the_review_screen(demo_admin_client):
    nomination = Nomination.objects.filter(status=NominationStatus.ELIGIBLE).first()
    url = f"/admin/nomination/inspect/{nomination.pk}/"
    demo_admin_client.post(url, {"action": "reopen", "reopen-message": "Add the survey."})
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.SUBMITTED
    assert nomination.changes_requested == "Add the survey."
    demo_admin_client.post(url, {"action": "extend", "extend-until": "2099-01-01T12:00"})
    nomination.refresh_from_db()
    assert nomination.deadline_extended_until.year == 2099
    assert timezone.localtime(nomination.deadline_extended_until).hour == 12
    assert ModelLogEntry.objects.filter(
        action="nominations.extension", object_id=str(nomination.pk)
    ).exists()


def test_review_screen_query_count_does_not_grow_with_versions(
    demo_admin_client, django_assert_max_num_queries
):
    nomination = submitted()
    url = f"/admin/nomination/inspect/{nomination.pk}/"
    with django_assert_max_num_queries(30) as captured:
        assert demo_admin_client.get(url).status_code == 200
    baseline = len(captured)
    user = nomination.nominator
    for number in range(3):
        Nomination.objects.filter(pk=nomination.pk).update(city=f"City {number}")
        nomination.refresh_from_db()
        versions.record_version(nomination, user)
        log(nomination, "nominations.changes_sent", user=user, data={"fields": ["city"]})
    with django_assert_max_num_queries(baseline):
        html = demo_admin_client.get(url).content.decode()
    assert "What changed in version 4" in html


def test_nominations_cannot_be_added_in_the_admin(demo_admin_client):
    assert demo_admin_client.get("/admin/nomination/new/").status_code in (302, 403)


def test_list_filters_by_submission_date(demo_admin_client):
    nomination = submitted()
    # The day in the site's time zone, as the admin filters: between 23:00 and 00:00 UTC the
    # UTC date is the day before Lagos's.
    day = timezone.localdate(nomination.submitted_at).isoformat()
    html = demo_admin_client.get(
        f"/admin/nomination/?submitted_at__date__gte={day}&submitted_at__date__lte={day}"
    )
    assert nomination.organisation_name in html.content.decode()
    later = demo_admin_client.get(
        "/admin/nomination/?submitted_at__date__gte=2099-01-01"
    ).content.decode()
    assert nomination.organisation_name not in later
