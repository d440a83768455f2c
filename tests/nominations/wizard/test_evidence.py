"""Evidence files: the type is read from the content, sizes and counts are limited with a
message that says what to do, names are made safe, files stay attached across steps, and only
their owner (and administrators) can download them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from nominations.models import EvidenceFile
from nominations.wizard.evidence import safe_file_name
from tests.factories.accounts import UserFactory
from tests.nominations.wizard.driver import office_upload, pdf_upload

pytestmark = pytest.mark.django_db


def files(wizard):
    return EvidenceFile.objects.filter(nomination=wizard.nomination)


def upload(wizard, file):
    return wizard.client.post(
        wizard.url("evidence"),
        {
            f"nomination-{wizard.uuid}-current_step": "evidence",
            "upload": "1",
            "evidence-file": file,
        },
    )


def test_pdf_is_attached_with_its_size_and_hash(wizard, settings):
    response = upload(wizard, pdf_upload("Rapport annuel 2025.pdf"))
    assert response.status_code == 302
    evidence = files(wizard).get()
    assert (evidence.kind, evidence.original_name) == ("pdf", "Rapport annuel 2025.pdf")
    assert evidence.size > 0 and len(evidence.sha256) == 64
    # Stored under a generated name, outside public media.
    assert "Rapport" not in evidence.file.name
    assert evidence.file.storage.location == str(settings.PRIVATE_MEDIA_ROOT)
    assert not evidence.file.path.startswith(str(settings.MEDIA_ROOT))


@pytest.mark.parametrize(
    "file, message",
    [
        (
            SimpleUploadedFile("report.pdf", b"<html><script>alert(1)</script></html>"),
            "must be a PDF, JPEG, PNG",
        ),
        (
            SimpleUploadedFile("photo.png", b"MZ\x90\x00\x03\x00\x00\x00 executable"),
            "must be a PDF, JPEG, PNG",
        ),
        (SimpleUploadedFile("empty.pdf", b""), "The selected file is empty"),
        (
            SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * (11 * 1024 * 1024)),
            "larger than 10 MB",
        ),
        (
            SimpleUploadedFile("fake.docx", b"PK\x03\x04not really a zip"),
            "must be a PDF, JPEG, PNG",
        ),
    ],
    ids=["html-named-pdf", "exe-named-png", "empty", "11-MB", "broken-zip"],
)
def test_bad_files_are_refused_with_a_clear_message(wizard, file, message):
    response = upload(wizard, file)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "There is a problem" in html
    assert not files(wizard).exists()


def test_office_files_are_recognised_by_their_package(wizard):
    assert upload(wizard, office_upload("plan.docx", "word/document.xml")).status_code == 302
    assert upload(wizard, office_upload("figures.xlsx", "xl/workbook.xml")).status_code == 302
    assert sorted(files(wizard).values_list("kind", flat=True)) == ["docx", "xlsx"]
    # A zip that is neither is refused.
    response = upload(wizard, office_upload("other.docx", "content.xml"))
    assert "must be a PDF" in response.content.decode()


def test_a_sixth_file_is_refused(wizard):
    for number in range(5):
        assert upload(wizard, pdf_upload(f"file{number}.pdf")).status_code == 302
    response = upload(wizard, pdf_upload("sixth.pdf"))
    assert "5 files at most" in response.content.decode()
    assert files(wizard).count() == 5


def test_no_file_chosen(wizard):
    response = upload(wizard, "")
    assert "Select a file to upload." in response.content.decode()


def test_continue_needs_at_least_one_file(wizard):
    response = wizard.post("evidence")
    assert "Add at least one file as evidence: choose a file" in response.content.decode()


def test_path_like_names_are_made_safe():
    assert safe_file_name("../../etc/passwd.pdf", "pdf") == "passwd.pdf"
    assert safe_file_name("C:\\Users\\me\\report.exe", "pdf") == "report.pdf"
    assert safe_file_name("..", "png") == "evidence.png"
    assert safe_file_name("plan<script>.docx", "docx") == "planscript.docx"


def test_uploaded_file_stays_attached_going_back_and_forth(wizard):
    upload(wizard, pdf_upload())
    wizard.post("evidence", action="wizard_goto_step", action_value="results")
    wizard.client.get(wizard.url("results"))
    html = wizard.client.get(wizard.url("evidence")).content.decode()
    assert "report.pdf" in html


def test_file_can_be_removed_while_draft(wizard):
    upload(wizard, pdf_upload())
    evidence = files(wizard).get()
    path = evidence.file.path
    wizard.post("evidence", action="remove", action_value=str(evidence.pk))
    assert not files(wizard).exists()
    import os

    assert not os.path.exists(path)


def test_download_is_an_attachment_for_the_owner_only(wizard, client):
    upload(wizard, pdf_upload())
    evidence = files(wizard).get()
    url = f"/my-nominations/{wizard.uuid}/evidence/{evidence.pk}/"
    response = wizard.client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")

    client.force_login(UserFactory(email="intruder@example.org"))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the log-in page


def test_a_file_chosen_before_going_back_is_uploaded_not_lost(wizard):
    wizard.client.post(
        wizard.url("evidence"),
        {
            f"nomination-{wizard.uuid}-current_step": "evidence",
            "wizard_goto_step": "results",
            "evidence-file": pdf_upload("chosen.pdf"),
        },
    )
    assert list(files(wizard).values_list("original_name", flat=True)) == ["chosen.pdf"]


def test_files_of_a_sent_nomination_cannot_be_removed(wizard):
    wizard.complete_all()
    wizard.submit()
    evidence = files(wizard).get()
    response = wizard.post("evidence", action="remove", action_value=str(evidence.pk))
    assert files(wizard).count() == 1
    assert "cannot be removed" in wizard.client.get(response["Location"]).content.decode()
