"""Files entering through the Wagtail admin (issue 6, "Trust"; docs/security.md, "Uploads"):
images and documents are judged by their content, as nominators' evidence is, through every
form that takes them (the add page, the multiple upload, the choosers); documents are served
by Wagtail's view, which applies the collection's privacy, always as attachments."""

import io
import os
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories.cms import DocumentFactory
from tests.nominations.wizard.driver import office_upload, pdf_upload

pytestmark = pytest.mark.django_db

SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def image_file(name="photo.png", size=(40, 30), mode="RGB", image_format="PNG", noise=False):
    if noise:  # does not compress: the file is about 3 bytes per pixel
        picture = PillowImage.frombytes(mode, size, os.urandom(size[0] * size[1] * 3))
    else:
        picture = PillowImage.new(mode, size)
    buffer = io.BytesIO()
    picture.save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue())


def root_collection():
    return Collection.get_first_root_node()


# Images ----------------------------------------------------------------------------------------
def add_image(client, upload):
    return client.post(
        "/admin/images/add/",
        {"title": "Upload", "file": upload, "collection": root_collection().pk},
    )


def upload_images(client, upload):
    """Wagtail's multiple upload: one file per request, answered in JSON."""
    return client.post(
        "/admin/images/multiple/add/", {"files[]": upload, "collection": root_collection().pk}
    ).json()


def add_image_in_chooser(client, upload):
    response = client.post(
        "/admin/images/chooser/create/",
        {
            "image-chooser-upload-title": "Upload",
            "image-chooser-upload-file": upload,
            "image-chooser-upload-collection": root_collection().pk,
        },
    )
    return response.json()


def form_errors(response):
    assert response.status_code == 200, "the form was accepted"
    return " ".join(str(e) for e in response.context["form"].errors.get("file", []))


def test_an_image_is_accepted_through_every_image_form(demo_admin_client):
    before = Image.objects.count()
    # Three different pictures: Wagtail asks before keeping a second copy of one.
    assert add_image(demo_admin_client, image_file(size=(40, 30))).status_code == 302
    second = image_file("second.jpg", size=(50, 30), image_format="JPEG")
    assert upload_images(demo_admin_client, second)["success"]
    third = image_file("third.png", size=(60, 30))
    assert add_image_in_chooser(demo_admin_client, third)["step"] == "chosen"
    assert Image.objects.count() == before + 3


def test_svg_images_are_refused(demo_admin_client):
    before = Image.objects.count()
    svg = SimpleUploadedFile("logo.svg", SVG, content_type="image/svg+xml")
    assert "SVG drawings are not accepted" in form_errors(add_image(demo_admin_client, svg))
    answer = upload_images(demo_admin_client, SimpleUploadedFile("logo.svg", SVG))
    assert not answer["success"]
    assert "Save the image as PNG or JPEG" in answer["error_message"]
    assert Image.objects.count() == before


@pytest.mark.parametrize("form", [add_image, upload_images, add_image_in_chooser])
def test_an_svg_named_png_is_refused_by_every_image_form(demo_admin_client, form):
    before = Image.objects.count()
    answer = form(demo_admin_client, SimpleUploadedFile("logo.png", SVG, content_type="image/png"))
    message = form_errors(answer) if form is add_image else str(answer)
    assert "ends in .png but it is a svg file" in message
    assert Image.objects.count() == before


def test_an_image_over_the_size_limit_is_refused(demo_admin_client, settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 5 * 1024 * 1024
    big = image_file("big.png", size=(1400, 1300), noise=True)  # about 5.5 MB of noise
    assert big.size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    message = upload_images(demo_admin_client, big)["error_message"]
    assert "more than the 5.0\xa0MB allowed" in message
    assert "Save it smaller" in message


def test_an_image_over_the_pixel_limit_is_refused(demo_admin_client, settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    huge = image_file("huge.png", size=(8000, 5001), mode="1")  # small file, 40 million pixels
    message = form_errors(add_image(demo_admin_client, huge))
    assert "has 40008000 pixels, more than the 40000000 allowed" in message
    assert "Resize it" in message


# Documents -------------------------------------------------------------------------------------
def add_document(client, upload):
    return client.post(
        "/admin/documents/add/",
        {"title": "Upload", "file": upload, "collection": root_collection().pk},
    )


def upload_documents(client, upload):
    return client.post(
        "/admin/documents/multiple/add/", {"files[]": upload, "collection": root_collection().pk}
    ).json()


def add_document_in_chooser(client, upload):
    return client.post(
        "/admin/documents/chooser/create/",
        {
            "document-chooser-upload-title": "Upload",
            "document-chooser-upload-file": upload,
            "document-chooser-upload-collection": root_collection().pk,
        },
    ).json()


def zip_archive(name):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(name, "hello")
    return buffer.getvalue()


def open_document(name, media_type):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", media_type)
        package.writestr("content.xml", "<office:document-content/>")
    return SimpleUploadedFile(name, buffer.getvalue())


ACCEPTED = {
    "PDF": lambda: pdf_upload("rules.pdf"),
    "Word": lambda: office_upload("rules.docx", "word/document.xml"),
    "Excel": lambda: office_upload("figures.xlsx", "xl/workbook.xml"),
    "OpenDocument text": lambda: open_document(
        "rules.odt", "application/vnd.oasis.opendocument.text"
    ),
    "OpenDocument spreadsheet": lambda: open_document(
        "figures.ods", "application/vnd.oasis.opendocument.spreadsheet"
    ),
    "CSV in UTF-8": lambda: SimpleUploadedFile(
        "list.csv", "pays;ville\nCôte d’Ivoire;Abidjan\n".encode()
    ),
    "CSV saved by Excel on Windows": lambda: SimpleUploadedFile(
        "list.csv", "pays;ville\nSénégal;Dakar\n".encode("cp1252")
    ),
    "text": lambda: SimpleUploadedFile("notes.txt", b"Meeting notes\r\n\tAgenda\r\n"),
}


@pytest.mark.parametrize("kind", ACCEPTED)
def test_documents_of_the_accepted_kinds_are_accepted(demo_admin_client, kind):
    answer = upload_documents(demo_admin_client, ACCEPTED[kind]())
    assert answer["success"], answer


def test_a_document_is_accepted_through_every_document_form(demo_admin_client):
    before = Document.objects.count()
    assert add_document(demo_admin_client, pdf_upload("one.pdf")).status_code == 302
    assert add_document_in_chooser(demo_admin_client, pdf_upload("two.pdf"))["step"] == "chosen"
    assert Document.objects.count() == before + 2


REFUSED = {
    "a web page named .txt": (
        SimpleUploadedFile("notes.txt", HTML),
        "contains web page code (HTML, SVG or XML)",
    ),
    "a web page named .pdf": (SimpleUploadedFile("rules.pdf", HTML), "web page code"),
    "an SVG drawing named .csv": (SimpleUploadedFile("list.csv", SVG), "web page code"),
    "a program named .pdf": (
        SimpleUploadedFile("rules.pdf", PROGRAM),
        "ends in .pdf but it is not a PDF document",
    ),
    "a ZIP archive named .docx": (
        SimpleUploadedFile("rules.docx", zip_archive("readme.txt")),
        "ends in .docx but it is not a Word (DOCX) document",
    ),
    "a workbook named .docx": (
        office_upload("rules.docx", "xl/workbook.xml"),
        "Save or export it as a Word (DOCX) document",
    ),
    "a PDF named .csv": (pdf_upload("list.csv"), "ends in .csv but it is not plain text"),
    "an empty file": (SimpleUploadedFile("empty.txt", b""), "The selected file is empty"),
    "an SVG drawing": (SimpleUploadedFile("logo.svg", SVG), "“svg” is not allowed"),
    "a web page": (SimpleUploadedFile("page.html", HTML), "“html” is not allowed"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_documents_that_are_not_what_their_name_says_are_refused(demo_admin_client, case):
    upload, message = REFUSED[case]
    before = Document.objects.count()
    answer = upload_documents(demo_admin_client, upload)
    assert not answer["success"]
    assert message in answer["error_message"]
    assert Document.objects.count() == before


@pytest.mark.parametrize("form", [add_document, add_document_in_chooser])
def test_every_document_form_checks_the_content(demo_admin_client, form):
    answer = form(demo_admin_client, SimpleUploadedFile("notes.txt", HTML))
    message = form_errors(answer) if form is add_document else str(answer)
    assert "web page code" in message
    assert not Document.objects.filter(title="Upload").exists()


def test_a_document_over_the_size_limit_is_refused(demo_admin_client, settings):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    big = pdf_upload("big.pdf", b"%PDF-1.4\n" + b"0" * settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
    message = upload_documents(demo_admin_client, big)["error_message"]
    assert "more than the 20.0\xa0MB allowed" in message
    assert "split it" in message


def test_the_django_admin_takes_no_images_or_documents(demo_admin_client):
    assert demo_admin_client.get("/django-admin/wagtaildocs/document/add/").status_code == 404
    assert demo_admin_client.get("/django-admin/wagtailimages/image/add/").status_code == 404


# Serving documents -----------------------------------------------------------------------------
def stored_document(collection=None, name="rules.pdf"):
    return DocumentFactory(collection=collection or root_collection(), file__filename=name)


def download(client, document):
    response = client.get(document.url)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return response, content


@pytest.mark.parametrize("name", ["rules.pdf", "notes.txt"])
def test_documents_download_as_attachments_through_wagtails_view(client, name):
    document = stored_document(name=name)
    assert document.url.startswith("/documents/")  # the view, not the storage's address
    response, content = download(client, document)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert content == b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def private_collection():
    collection = root_collection().add_child(name="Jury papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Judges")])
    return collection


def test_a_document_in_a_private_collection_is_kept_from_those_it_is_not_for(
    client, private_collection
):
    document = stored_document(private_collection)
    response, content = download(client, document)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert b"PDF" not in content

    client.force_login(get_user_model().objects.get(email="nominator@demo.test"))
    response, content = download(client, document)
    assert response.status_code == 302 and b"PDF" not in content

    client.force_login(get_user_model().objects.get(email="judge1@demo.test"))
    response, content = download(client, document)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert content.startswith(b"%PDF")
