"""The demo's guides and tools (library/resources/demo.py): every kind, several languages and
countries, documents uploaded through the checked form; loading again changes nothing."""

from wagtail.documents import get_document_model

from library.resources import demo
from library.resources.models import DownloadDay, Resource


def test_the_demo_has_every_kind_and_several_languages(db):
    english = Resource.objects.filter(locale__language_code="en")
    assert english.count() == len(demo.RESOURCES)
    assert set(english.values_list("kind", flat=True)) == {
        "guide",
        "template",
        "checklist",
        "training_deck",
        "video",
    }
    assert {"en", "fr", "pt", "ar", "sw"} <= set(english.values_list("language", flat=True))
    assert english.filter(all_africa=False).count() >= 4
    assert Resource.objects.filter(locale__language_code="fr").count() == 2


def test_the_demo_documents_are_real_files(db):
    for resource in Resource.objects.exclude(document=None).select_related("document"):
        with resource.document.file.open("rb") as handle:
            start = handle.read(5)
        if resource.document.file_extension == "pdf":
            assert start == b"%PDF-"
        else:
            assert resource.document.file_extension == "txt"


def test_loading_again_changes_nothing(db):
    counts = (
        Resource.objects.count(),
        get_document_model().objects.count(),
        sum(DownloadDay.objects.values_list("count", flat=True)),
    )
    demo.load()
    assert counts == (
        Resource.objects.count(),
        get_document_model().objects.count(),
        sum(DownloadDay.objects.values_list("count", flat=True)),
    )
