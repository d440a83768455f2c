"""Privacy and your data: consents stored with time, version and language and withdrawable;
the download of everything held about the person (and never anyone else's); deletion requests
filed by the person. Completion by administrators and retention: test_privacy_deletion.py."""

import io
import json
import zipfile

import pytest
from django.core import mail
from wagtail import hooks
from wagtail.models import ModelLogEntry

from nominations.choices import ConsentPurpose, DeletionRequestStatus, NominationStatus
from nominations.models import Consent, DeletionRequest, EvidenceFile
from nominations.privacy.archive import ExportFile, PersonalDataSection, write_archive
from nominations.privacy.consents import withdraw_consent
from nominations.privacy.deletion import request_deletion
from nominations.wizard.declaration import DECLARATION_VERSION
from tests.factories.accounts import UserFactory, UserSessionFactory
from tests.factories.nominations import DeclaredNominationFactory, EvidenceFileFactory

pytestmark = pytest.mark.django_db


# Helpers (also used by the privacy tests of judging and cms) -------------------------------------


def archive_of(user):
    buffer = io.BytesIO()
    write_archive(user, buffer)
    buffer.seek(0)
    return zipfile.ZipFile(buffer)


# Consents ---------------------------------------------------------------------------------------


def test_the_declaration_is_stored_as_a_consent_with_time_version_and_language(wizard, nominator):
    wizard.complete_all()
    nomination = wizard.nomination
    consent = Consent.objects.get(nomination=nomination)
    assert consent.user == nominator
    assert consent.purpose == ConsentPurpose.NOMINATION_DECLARATION
    assert consent.text_version == DECLARATION_VERSION == nomination.declaration_version
    assert consent.given_at == nomination.declaration_accepted_at
    assert consent.withdrawn_at is None
    assert consent.language == nomination.declaration_language == "en"
    # Confirming the same declaration again records nothing new.
    wizard.post("declaration", {"accept": "on"})
    assert Consent.objects.filter(nomination=nomination).count() == 1


def test_the_declaration_in_french_is_recorded_in_french(wizard):
    wizard.post("category", wizard.category_answers())
    wizard.post("declaration", {"accept": "on"}, url=f"/fr/nominate/{wizard.uuid}/declaration/")
    assert Consent.objects.get(nomination=wizard.nomination).language == "fr"


def test_withdrawing_a_draft_declaration_withdraws_the_draft(nominator_client, nominator, cycle):
    draft = DeclaredNominationFactory(
        nominator=nominator, cycle=cycle, status=NominationStatus.DRAFT
    )
    consent = draft.consents.get()
    url = f"/my-data/consents/{consent.pk}/withdraw/"
    page = nominator_client.get(url)
    assert page.status_code == 200
    assert "withdraws the draft" in page.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_at is None  # showing the confirmation changes nothing

    response = nominator_client.post(url)
    assert response.status_code == 302 and response["Location"] == "/my-data/"
    consent.refresh_from_db()
    draft.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert draft.status == NominationStatus.WITHDRAWN
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"nominations.consent_withdraw", "nominations.withdraw"} <= actions
    assert not DeletionRequest.objects.filter(user=nominator).exists()
    # Withdrawing again changes nothing and says so.
    again = nominator_client.post(url, follow=True)
    assert "already withdrawn" in again.content.decode()


def test_withdrawing_the_declaration_of_a_sent_nomination_files_a_deletion_request(
    nominator_client, nominator, cycle, django_capture_on_commit_callbacks
):
    sent = DeclaredNominationFactory(nominator=nominator, cycle=cycle)
    consent = sent.consents.get()
    assert (
        "stop using it"
        in nominator_client.get(f"/my-data/consents/{consent.pk}/withdraw/").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        nominator_client.post(f"/my-data/consents/{consent.pk}/withdraw/")
    consent.refresh_from_db()
    sent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert sent.status == NominationStatus.SUBMITTED  # the awards team decides
    request = DeletionRequest.objects.get(user=nominator)
    assert request.status == DeletionRequestStatus.REQUESTED
    assert request.nomination == sent and request.consent == consent
    assert sent.reference in request.reason
    assert [message.to for message in mail.outbox] == [["team@localhost"]]
    # The withdrawal is idempotent: no second request.
    result = withdraw_consent(consent.pk, nominator)
    assert result.outcome == "recorded"
    assert DeletionRequest.objects.filter(user=nominator).count() == 1


def test_nobody_withdraws_another_persons_consent(client, nominator, cycle):
    consent = DeclaredNominationFactory(nominator=nominator, cycle=cycle).consents.get()
    client.force_login(UserFactory(email="someone.else@example.org"))
    assert client.get(f"/my-data/consents/{consent.pk}/withdraw/").status_code == 404
    assert client.post(f"/my-data/consents/{consent.pk}/withdraw/").status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


# The data page ----------------------------------------------------------------------------------


def test_data_page_lists_consents_and_requests(nominator_client, nominator, cycle):
    sent = DeclaredNominationFactory(nominator=nominator, cycle=cycle)
    html = nominator_client.get("/my-data/").content.decode()
    assert "Nomination declaration" in html
    assert sent.reference in html
    assert DECLARATION_VERSION in html
    assert f"/my-data/consents/{sent.consents.get().pk}/withdraw/" in html
    assert "/my-data/download/" in html and "/my-data/delete/" in html
    assert "/my-data/" in nominator_client.get("/my-nominations/").content.decode()
    french = nominator_client.get("/fr/my-data/")
    assert french.status_code == 200


def test_data_page_query_count_does_not_grow(
    nominator_client, nominator, cycle, django_assert_max_num_queries
):
    DeclaredNominationFactory(nominator=nominator, cycle=cycle, tag="A")
    # The site's header and menus take most of these; the page itself takes three.
    with django_assert_max_num_queries(35) as captured:
        assert nominator_client.get("/my-data/").status_code == 200
    baseline = len(captured)
    for tag in "BCD":
        nomination = DeclaredNominationFactory(nominator=nominator, cycle=cycle, tag=tag, files=2)
        request_deletion(nominator, nomination=nomination)
    withdraw_consent(nomination.consents.get().pk, nominator)
    with django_assert_max_num_queries(baseline):
        assert nominator_client.get("/my-data/").status_code == 200


@pytest.mark.parametrize(
    "path", ["/my-data/", "/my-data/download/", "/my-data/delete/", "/fr/my-data/"]
)
def test_anonymous_people_are_sent_to_sign_in(client, path):
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_withdraw_needs_sign_in(client, nominator, cycle):
    consent = DeclaredNominationFactory(nominator=nominator, cycle=cycle).consents.get()
    response = client.post(f"/my-data/consents/{consent.pk}/withdraw/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


# Export -----------------------------------------------------------------------------------------


def test_archive_holds_exactly_the_persons_data_and_files(nominator, other_nominator, cycle):
    sent = DeclaredNominationFactory(nominator=nominator, cycle=cycle, tag="A", files=2)
    draft = DeclaredNominationFactory(
        nominator=nominator, cycle=cycle, status=NominationStatus.DRAFT, tag="B"
    )
    # Two files with the same name keep both, under different names.
    EvidenceFileFactory(nomination=sent, original_name="report.pdf", text="third")
    theirs = DeclaredNominationFactory(nominator=other_nominator, cycle=cycle, tag="Z")
    request_deletion(nominator, reason="Moving on.")
    UserSessionFactory(user=nominator, ip="198.51.100.7")

    archive = archive_of(nominator)
    names = set(archive.namelist())
    assert names == {
        "data.json",
        f"files/{sent.reference}/report.pdf",
        f"files/{sent.reference}/report (2).pdf",
        f"files/{sent.reference}/report (3).pdf",
        f"files/draft-{draft.uuid}/report.pdf",
    }
    data = json.loads(archive.read("data.json"))
    assert data["format_version"] == 1
    assert data["account"]["email"] == "amina@example.org"
    assert data["account"]["email_addresses"] == [
        {"email": "amina@example.org", "verified": True, "primary": True}
    ]
    assert data["account"]["sessions"][0]["ip"] == "198.51.100.7"
    assert nominator.password not in archive.read("data.json").decode()  # never the hash
    by_uuid = {item["uuid"]: item for item in data["nominations"]}
    assert set(by_uuid) == {str(sent.uuid), str(draft.uuid)}
    exported = by_uuid[str(sent.uuid)]
    assert exported["reference"] == sent.reference
    assert exported["contact_name"] == "Contact A Person"
    assert exported["contact_email"] == "contact-a@example.gov"
    assert exported["summary"] == sent.summary
    assert exported["nps_before"] == -12 and exported["nps_after"] == 41
    assert exported["cycle"]["code"] == cycle.code
    assert exported["category"]["name_en"] == sent.category.name_en
    assert exported["declaration_version"] == DECLARATION_VERSION
    assert exported["wizard_state"]  # the unsaved input is data held too
    assert len(exported["evidence"]) == 3
    for item in exported["evidence"]:
        stored = EvidenceFile.objects.get(nomination=sent, sha256=item["sha256"])
        assert archive.read(item["path_in_archive"]) == stored.file.open("rb").read()
    assert {c["nomination"] for c in data["consents"]} == {sent.reference, str(draft.uuid)}
    assert all(c["given_at"] and c["language"] == "en" for c in data["consents"])
    assert data["deletion_requests"][0]["reason"] == "Moving on."
    assert {entry["action"] for entry in data["history"]} == {"nominations.deletion_request"}

    # Nothing of the other person's, anywhere in the archive.
    everything = b"".join(archive.read(name) for name in names)
    for secret in (
        theirs.reference,
        theirs.organisation_name,
        theirs.contact_email,
        "other@example.org",
        "Z evidence",
    ):
        assert secret.encode() not in everything


def test_download_is_an_attachment_of_the_signed_in_persons_data(
    nominator_client, nominator, other_nominator, cycle
):
    mine = DeclaredNominationFactory(nominator=nominator, cycle=cycle, tag="A")
    theirs = DeclaredNominationFactory(nominator=other_nominator, cycle=cycle, tag="Z")
    response = nominator_client.get("/my-data/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Cache-Control"] == "private, no-store"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("data.json"))
    assert [item["reference"] for item in data["nominations"]] == [mine.reference]
    assert theirs.reference.encode() not in archive.read("data.json")


def test_other_apps_add_their_part_through_a_hook(nominator):
    def signatures(user):
        return [
            PersonalDataSection(
                "signatures",
                [{"page": "Open letter", "email": user.email}],
                [ExportFile("files/signatures.txt", lambda: io.BytesIO(b"signed"))],
            )
        ]

    with hooks.register_temporarily("personal_data_sections", signatures):
        archive = archive_of(nominator)
    assert json.loads(archive.read("data.json"))["signatures"][0]["email"] == nominator.email
    assert archive.read("files/signatures.txt") == b"signed"


# Deletion requests by the person ----------------------------------------------------------------


def test_asking_for_deletion(nominator_client, nominator, django_capture_on_commit_callbacks):
    page = nominator_client.get("/my-data/delete/")
    assert page.status_code == 200
    assert "your account is closed" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = nominator_client.post("/my-data/delete/", {"reason": "I changed jobs."})
    assert response.status_code == 302
    request = DeletionRequest.objects.get(user=nominator)
    assert request.reason == "I changed jobs." and request.nomination is None
    assert request.status == DeletionRequestStatus.REQUESTED
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["team@localhost"]
    assert "/admin/nominations/deletion-requests/inspect/" in mail.outbox[0].body
    assert "amina@example.org" not in mail.outbox[0].body  # the admin shows who
    assert ModelLogEntry.objects.filter(action="nominations.deletion_request").exists()
    # A second click makes no second request.
    nominator_client.post("/my-data/delete/", {"reason": "again"})
    assert DeletionRequest.objects.filter(user=nominator).count() == 1
    html = nominator_client.get("/my-data/").content.decode()
    assert "You asked for deletion on" in html


def test_the_reason_is_optional(nominator_client, nominator):
    nominator_client.post("/my-data/delete/", {})
    assert DeletionRequest.objects.get(user=nominator).reason == ""


def test_a_too_long_reason_is_shown_in_the_error_summary(nominator_client, nominator):
    response = nominator_client.post("/my-data/delete/", {"reason": "x" * 2001})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html and 'href="#id_reason"' in html
    assert not DeletionRequest.objects.filter(user=nominator).exists()
