"""Resources for the library's tests: made here, beside the demo's eight."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import Locale

from library.resources.models import Resource


def make_resource(**fields):
    values = {
        "locale": Locale.get_default(),
        "title": "Queue management handbook",
        "kind": "guide",
        "language": "en",
        "all_africa": True,
        "licence": "cc-by-4.0",
        "summary": "How to shorten waiting lines at a counter.",
        "link": "https://example.org/queues",
        "live": True,
    }
    values.update(fields)
    resource = Resource(**values)
    resource.full_clean()
    resource.save()
    return resource


@pytest.fixture
def resource(db):
    return make_resource()


@pytest.fixture
def document(db):
    return get_document_model().objects.create(
        title="Queue handbook file",
        file=SimpleUploadedFile("queues.txt", b"Shorter queues, in five steps.\n"),
    )
