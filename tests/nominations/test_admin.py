"""Administrators in the Wagtail admin: the nominations list with filters and export, every
answer and file on the inspect page, eligibility decisions that tell the nominator and are
logged, and deadline extensions."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.models import ModelLogEntry

from nominations.choices import NominationStatus
from nominations.models import EvidenceFile, Nomination

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.get(email="admin@demo.test"))
    return client


def submitted():
    return (
        Nomination.objects.filter(status=NominationStatus.SUBMITTED).select_related("cycle").first()
    )


def test_list_filters_and_query_count(admin_client, cycle, django_assert_max_num_queries):
    with django_assert_max_num_queries(60) as captured:
        response = admin_client.get("/admin/nomination/?status=eligible")
    assert response.status_code == 200
    html = response.content.decode()
    eligible = Nomination.objects.filter(status=NominationStatus.ELIGIBLE).first()
    assert eligible.reference in html
    assert submitted().reference not in html  # filtered out
    baseline = len(captured)
    owner = make_user("bulk@example.org")
    for number in range(15):
        Nomination.objects.create(
            cycle=cycle,
            nominator=owner,
            status=NominationStatus.ELIGIBLE,
            country="KE",
            category=cycle.categories.first(),
            organisation_name=f"Bulk {number}",
            reference=f"CX27-KE-9{number:03d}",
        )
    with django_assert_max_num_queries(baseline):
        admin_client.get("/admin/nomination/?status=eligible")


def test_export_as_spreadsheet(admin_client):
    response = admin_client.get("/admin/nomination/?export=csv")
    assert response.status_code == 200
    content = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )
    assert "Reference" in content.splitlines()[0]
    assert submitted().reference in content


def test_inspect_shows_answers_and_files(admin_client):
    nomination = Nomination.objects.filter(
        evidence__isnull=False, status=NominationStatus.SUBMITTED
    ).first()
    html = admin_client.get(f"/admin/nomination/inspect/{nomination.pk}/").content.decode()
    assert nomination.organisation_name in html
    evidence = nomination.evidence.first()
    assert f"/admin/nominations/evidence/{evidence.pk}/" in html
    download = admin_client.get(f"/admin/nominations/evidence/{evidence.pk}/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")


def test_evidence_admin_download_needs_admin_rights(client):
    evidence = EvidenceFile.objects.first()
    client.force_login(make_user("nosy@example.org"))
    assert client.get(f"/admin/nominations/evidence/{evidence.pk}/").status_code in (302, 403)


def test_ineligible_needs_a_reason_then_tells_the_nominator(
    admin_client, django_capture_on_commit_callbacks
):
    nomination = submitted()
    url = f"/admin/nomination/edit/{nomination.pk}/"
    response = admin_client.post(
        url, {"status": "ineligible", "status_reason": "", "deadline_extended_until": ""}
    )
    assert response.status_code == 200
    assert "Give the reason" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            url,
            {
                "status": "ineligible",
                "status_reason": "Started too recently.",
                "deadline_extended_until": "",
            },
        )
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.INELIGIBLE
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [nomination.nominator.email]
    assert "Started too recently." in mail.outbox[0].body
    entry = ModelLogEntry.objects.get(action="nominations.decision", object_id=str(nomination.pk))
    assert entry.data["to"] == "ineligible" and entry.user.email == "admin@demo.test"


def test_extension_is_recorded(admin_client):
    nomination = submitted()
    admin_client.post(
        f"/admin/nomination/edit/{nomination.pk}/",
        {"status": "submitted", "status_reason": "", "deadline_extended_until": "2030-01-01 12:00"},
    )
    nomination.refresh_from_db()
    assert nomination.deadline_extended_until.year == 2030
    assert ModelLogEntry.objects.filter(
        action="nominations.extension", object_id=str(nomination.pk)
    ).exists()


def test_nominations_cannot_be_added_in_the_admin(admin_client):
    assert admin_client.get("/admin/nomination/new/").status_code in (302, 403)


def test_list_filters_by_submission_date(admin_client):
    nomination = submitted()
    day = nomination.submitted_at.date().isoformat()
    html = admin_client.get(
        f"/admin/nomination/?submitted_at__date__gte={day}&submitted_at__date__lte={day}"
    )
    assert nomination.organisation_name in html.content.decode()
    later = admin_client.get(
        "/admin/nomination/?submitted_at__date__gte=2099-01-01"
    ).content.decode()
    assert nomination.organisation_name not in later
