"""Administrators complete (or refuse) deletion requests in the Wagtail admin: drafts go, sent
nominations stay as the record without personal data, the account is closed; and the retention
command anonymises the cycles past their retention period, once."""

from datetime import date, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from nominations.choices import DeletionRequestStatus, NominationStatus
from nominations.models import Consent, EvidenceFile, Nomination
from nominations.privacy.consents import withdraw_consent
from nominations.privacy.deletion import complete_deletion, deletion_plan, request_deletion
from nominations.privacy.nominations_part import PERSONAL_NOMINATION_FIELDS
from nominations.privacy.records import PrivacyRefused
from tests.factories.accounts import PASSWORD, UserFactory, UserSessionFactory
from tests.factories.nominations import (
    AwardCycleFactory,
    CategoryFactory,
    DeclaredNominationFactory,
    EvidenceFileFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC_RECORD = (
    "reference",
    "organisation_name",
    "organisation_kind",
    "country",
    "city",
    "website",
    "category_id",
    "cycle_id",
    "status",
    "initiative_title",
    "summary",
    "results",
    "nps_before",
    "nps_after",
    "declaration_accepted_at",
)


def stored(evidence):
    return evidence.file.storage.exists(evidence.file.name)


def edit_url(request):
    return f"/admin/nominations/deletion-requests/edit/{request.pk}/"


# Completing a request ---------------------------------------------------------------------------


def test_completing_a_request_deletes_drafts_anonymises_sent_nominations_and_closes_the_account(
    demo_admin_client,
    demo_admin,
    nominator,
    other_nominator,
    cycle,
    django_capture_on_commit_callbacks,
):
    sent = DeclaredNominationFactory(nominator=nominator, cycle=cycle, tag="A")
    draft = DeclaredNominationFactory(
        nominator=nominator, cycle=cycle, status=NominationStatus.DRAFT, tag="B"
    )
    withdrawn_draft = DeclaredNominationFactory(
        nominator=nominator, cycle=cycle, status=NominationStatus.DRAFT, tag="C"
    )
    withdraw_consent(withdrawn_draft.consents.get().pk, nominator)
    theirs = DeclaredNominationFactory(nominator=other_nominator, cycle=cycle, tag="Z")
    draft_file, sent_file = draft.evidence.get(), sent.evidence.get()
    request = request_deletion(nominator, reason="I changed jobs.")
    before = {name: getattr(sent, name) for name in PUBLIC_RECORD}
    UserSessionFactory(user=nominator, ip="198.51.100.7")

    page = demo_admin_client.get(edit_url(request)).content.decode()
    assert "Deletes 2 unsent drafts" in page and sent.reference in page
    with django_capture_on_commit_callbacks(execute=True):
        response = demo_admin_client.post(
            edit_url(request), {"decision": "complete", "note": "Done as asked."}
        )
    assert response.status_code == 302

    # The drafts (withdrawn or not: never sent) and their files are gone.
    assert not Nomination.objects.filter(pk__in=[draft.pk, withdrawn_draft.pk]).exists()
    assert not stored(draft_file)
    # The sent nomination stays as the record, without its personal data.
    sent.refresh_from_db()
    assert {name: getattr(sent, name) for name in PUBLIC_RECORD} == before
    for name in PERSONAL_NOMINATION_FIELDS:
        assert getattr(sent, name) == ""
    assert sent.wizard_state == {}
    assert sent.personal_data_removed_at is not None
    assert EvidenceFile.objects.filter(pk=sent_file.pk).exists() and stored(sent_file)
    # The account is closed and anonymised.
    person = get_user_model().objects.get(pk=nominator.pk)
    assert person.email == f"deleted-{nominator.pk}@invalid"
    assert (person.first_name, person.last_name, person.is_active) == ("", "", False)
    assert not person.has_usable_password()
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not UserSession.objects.filter(user=person).exists()  # IP addresses and browsers
    assert not Consent.objects.filter(user=person, withdrawn_at__isnull=True).exists()
    assert not demo_admin_client.login(email="amina@example.org", password=PASSWORD)
    # The request is the record, and the log says what was done.
    request.refresh_from_db()
    assert request.status == DeletionRequestStatus.COMPLETED
    assert request.completed_by == demo_admin and request.completed_at
    entry = ModelLogEntry.objects.get(action="nominations.deletion_complete")
    assert entry.data["drafts_deleted"] == 2
    assert entry.data["nominations_anonymised"] == [sent.reference]
    assert "amina" not in entry.label
    assert ModelLogEntry.objects.filter(action="nominations.anonymise").count() == 1
    # The person is told, at the address they had.
    assert [message.to for message in mail.outbox] == [["amina@example.org"]]
    assert "Your data has been deleted" in mail.outbox[0].subject
    # Nobody else's data is touched.
    theirs_after = Nomination.objects.get(pk=theirs.pk)
    assert theirs_after.contact_email == theirs.contact_email
    assert theirs_after.personal_data_removed_at is None
    assert get_user_model().objects.get(pk=other_nominator.pk).is_active


def test_evidence_of_sent_nominations_can_go_too(
    demo_admin_client, nominator, cycle, django_capture_on_commit_callbacks
):
    sent = DeclaredNominationFactory(nominator=nominator, cycle=cycle, files=2)
    files = list(sent.evidence.all())
    request = request_deletion(nominator)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        demo_admin_client.post(
            edit_url(request), {"decision": "complete", "remove_evidence": "on", "note": ""}
        )
    assert not sent.evidence.exists()
    # Files leave the storage only once the transaction has committed.
    assert all(stored(evidence) for evidence in files)
    for callback in callbacks:
        callback()
    assert not any(stored(evidence) for evidence in files)


def test_a_request_for_one_nomination_keeps_the_account(
    demo_admin_client, nominator, cycle, django_capture_on_commit_callbacks
):
    sent = DeclaredNominationFactory(nominator=nominator, cycle=cycle, tag="A")
    other = DeclaredNominationFactory(nominator=nominator, cycle=cycle, tag="B")
    withdraw_consent(sent.consents.get().pk, nominator)
    request = nominator.deletion_requests.get()
    with django_capture_on_commit_callbacks(execute=True):
        demo_admin_client.post(edit_url(request), {"decision": "complete", "note": ""})
    sent.refresh_from_db()
    other.refresh_from_db()
    assert sent.contact_email == "" and other.contact_email == "contact-b@example.gov"
    nominator.refresh_from_db()
    assert nominator.is_active and nominator.email == "amina@example.org"
    assert mail.outbox[-1].to == ["amina@example.org"]
    assert sent.reference in mail.outbox[-1].subject


def test_refusing_needs_a_reason_the_person_reads(demo_admin_client, nominator):
    request = request_deletion(nominator)
    response = demo_admin_client.post(edit_url(request), {"decision": "refuse", "note": ""})
    assert response.status_code == 200
    assert "Give the reason for refusing" in response.content.decode()
    demo_admin_client.post(
        edit_url(request), {"decision": "refuse", "note": "A complaint about it is open."}
    )
    request.refresh_from_db()
    assert request.status == DeletionRequestStatus.REFUSED
    nominator.refresh_from_db()
    assert nominator.is_active
    person = Client()
    person.force_login(nominator)
    assert "A complaint about it is open." in person.get("/my-data/").content.decode()
    # A handled request is not handled twice: its page opens instead.
    again = demo_admin_client.get(edit_url(request))
    assert again.status_code == 302 and "/inspect/" in again["Location"]
    with pytest.raises(PrivacyRefused):
        complete_deletion(request.pk, by=None)


def test_admin_accounts_are_not_closed_by_the_tool(demo_admin_client, nominator):
    nominator.is_staff = True
    nominator.save()
    request = request_deletion(nominator)
    response = demo_admin_client.post(edit_url(request), {"decision": "complete", "note": ""})
    assert response.status_code == 200
    assert "Remove its admin access" in response.content.decode()
    nominator.refresh_from_db()
    assert nominator.is_active


def test_admin_list_and_inspect(demo_admin_client, nominator, cycle, django_assert_max_num_queries):
    DeclaredNominationFactory(nominator=nominator, cycle=cycle)
    request = request_deletion(nominator, reason="Please.")
    with django_assert_max_num_queries(60) as captured:
        listing = demo_admin_client.get("/admin/nominations/deletion-requests/")
    assert listing.status_code == 200 and "amina@example.org" in listing.content.decode()
    for number in range(4):
        request_deletion(UserFactory(email=f"p{number}@example.org"))
    with django_assert_max_num_queries(len(captured)):
        demo_admin_client.get("/admin/nominations/deletion-requests/")
    inspect = demo_admin_client.get(f"/admin/nominations/deletion-requests/inspect/{request.pk}/")
    assert "Please." in inspect.content.decode()
    assert "Handle the request" in inspect.content.decode()
    # Requests are not added or deleted in the admin.
    assert demo_admin_client.get("/admin/nominations/deletion-requests/new/").status_code in (
        302,
        403,
    )
    assert demo_admin_client.post(
        f"/admin/nominations/deletion-requests/delete/{request.pk}/"
    ).status_code in (302, 403)
    assert request.__class__.objects.filter(pk=request.pk).exists()


def test_only_administrators_reach_the_requests(client, nominator):
    request = request_deletion(nominator)
    client.force_login(UserFactory(email="someone.else@example.org"))
    for url in (
        "/admin/nominations/deletion-requests/",
        f"/admin/nominations/deletion-requests/inspect/{request.pk}/",
        edit_url(request),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403)
    client.post(edit_url(request), {"decision": "complete", "note": ""})
    request.refresh_from_db()
    assert request.status == DeletionRequestStatus.REQUESTED


# Retention --------------------------------------------------------------------------------------


def old_cycle(code, closed_on, retention_days=1095):
    zone = timezone.get_current_timezone()
    closes = datetime.combine(closed_on, datetime.min.time(), tzinfo=zone)
    cycle = AwardCycleFactory(
        name_en=f"Cycle {code}",
        code=code,
        nominations_open_at=closes - timedelta(days=90),
        nominations_close_at=closes,
        retention_days=retention_days,
    )
    CategoryFactory(cycle=cycle, name_en="Service", name_fr="Service")
    return cycle


@pytest.fixture
def cycles(nominator, other_nominator):
    today = timezone.localdate()
    expired = old_cycle("CX20", today - timedelta(days=1200))  # closed, retention over
    recent = old_cycle("CX24", today - timedelta(days=400))  # closed, still kept
    expired_sent = DeclaredNominationFactory(nominator=nominator, cycle=expired, tag="A", files=2)
    expired_draft = DeclaredNominationFactory(
        nominator=nominator, cycle=expired, status=NominationStatus.DRAFT, tag="B", files=1
    )
    expired_withdrawn = DeclaredNominationFactory(
        nominator=other_nominator,
        cycle=expired,
        status=NominationStatus.WITHDRAWN,
        tag="C",
        files=0,
    )
    recent_sent = DeclaredNominationFactory(nominator=nominator, cycle=recent, tag="D")
    return {
        "expired": expired,
        "recent": recent,
        "expired_sent": expired_sent,
        "expired_draft": expired_draft,
        "expired_withdrawn": expired_withdrawn,
        "recent_sent": recent_sent,
    }


def run(*args):
    out = StringIO()
    call_command("anonymise_expired_data", *args, stdout=out)
    return out.getvalue()


def test_cycle_end_counts_judging_and_results(cycle):
    cycle.results_on = date(2099, 1, 10)
    assert cycle.ends_at.date() == date(2099, 1, 10)
    assert cycle.retention_ends_at.date() == date(2099, 1, 10) + timedelta(days=1095)


def test_dry_run_counts_and_changes_nothing(cycles, cycle):
    before = list(Nomination.objects.values().order_by("pk"))
    output = run("--dry-run")
    assert "Cycle CX20" in output
    assert "1 draft(s) would be deleted, 2 nomination(s) would be anonymised" in output
    assert "3 evidence file(s) would be deleted" in output
    assert "CX24" not in output and cycle.code not in output
    assert list(Nomination.objects.values().order_by("pk")) == before
    assert EvidenceFile.objects.filter(nomination=cycles["expired_sent"]).count() == 2


def test_retention_anonymises_only_expired_cycles_once(cycles, cycle):
    current = Nomination.objects.filter(cycle=cycle).exclude(contact_email="").first()
    sent = cycles["expired_sent"]
    before = {name: getattr(sent, name) for name in PUBLIC_RECORD}
    output = run()
    assert "1 draft(s) were deleted, 2 nomination(s) were anonymised" in output

    assert not Nomination.objects.filter(pk=cycles["expired_draft"].pk).exists()
    sent.refresh_from_db()
    assert {name: getattr(sent, name) for name in PUBLIC_RECORD} == before
    assert sent.contact_name == sent.contact_email == sent.contact_phone == ""
    assert sent.wizard_state == {} and sent.personal_data_removed_at
    assert not sent.evidence.exists()
    withdrawn = Nomination.objects.get(pk=cycles["expired_withdrawn"].pk)
    assert withdrawn.contact_email == "" and withdrawn.status == NominationStatus.WITHDRAWN
    # Cycles still within their retention period are untouched; so are the accounts.
    recent = Nomination.objects.get(pk=cycles["recent_sent"].pk)
    assert recent.contact_email == "contact-d@example.gov" and recent.evidence.exists()
    assert Nomination.objects.get(pk=current.pk).contact_email == current.contact_email
    assert get_user_model().objects.get(pk=sent.nominator_id).is_active

    # Idempotent: a second run finds nothing and logs nothing.
    logged = ModelLogEntry.objects.filter(action="nominations.anonymise").count()
    assert logged == 2
    assert "0 draft(s) were deleted, 0 nomination(s) were anonymised" in run()
    assert ModelLogEntry.objects.filter(action="nominations.anonymise").count() == logged


def test_retention_removes_evidence_kept_by_a_deletion_request(cycles, demo_admin):
    sent = cycles["expired_sent"]
    request = request_deletion(sent.nominator)
    complete_deletion(request.pk, by=demo_admin)
    assert sent.evidence.count() == 2  # kept when the request was completed
    # The draft went with the request; the other person's withdrawn nomination is due too.
    assert "0 draft(s) were deleted, 2 nomination(s) were anonymised" in run()
    assert not sent.evidence.exists()


def test_a_longer_retention_keeps_the_data(cycles):
    cycles["expired"].retention_days = 3650
    cycles["expired"].save()
    assert "No award cycle is past its retention period." in run()
    assert Nomination.objects.filter(pk=cycles["expired_draft"].pk).exists()


def test_retention_comes_with_time(cycles):
    with time_machine.travel(timezone.now() + timedelta(days=800)):
        assert "Cycle CX24" in run("--dry-run")


def test_new_evidence_is_listed_in_the_plan(nominator, cycle):
    sent = DeclaredNominationFactory(nominator=nominator, cycle=cycle)
    EvidenceFileFactory(nomination=sent, original_name="more.pdf")
    request = request_deletion(nominator)
    plan = deletion_plan(request)
    assert plan.evidence_count == 2 and plan.sent == [sent] and plan.closes_account


def test_an_editor_learns_nothing_about_which_requests_exist(client, nominator, demo_admin_client):
    """Handled or unknown, open or not: without the permission the answer is the same refusal,
    never the inspect page or a "not found"."""
    handled = request_deletion(nominator)
    demo_admin_client.post(
        edit_url(handled), {"decision": "refuse", "note": "Kept for the record."}
    )
    handled.refresh_from_db()
    assert not handled.is_open
    client.force_login(get_user_model().objects.get(email="editor@demo.test"))
    missing = type(handled)(pk=handled.pk + 1000)
    answers = {client.get(edit_url(request))["Location"] for request in (handled, missing)}
    assert answers == {"/admin/"}  # Wagtail's "permission denied": back to the dashboard
