"""A resource's rules (library/resources/models.py): a document or an https link, one of them;
countries or all of Africa; each refusal says what to do next."""

import pytest
from django.core.exceptions import ValidationError

from library.resources.models import Resource, check_link
from library.resources.vocabularies import KINDS, LANGUAGES, LICENCES
from tests.library.resources.conftest import make_resource


def refusal(**fields):
    with pytest.raises(ValidationError) as caught:
        make_resource(**fields)
    return caught.value.message_dict


@pytest.mark.parametrize(
    "link",
    [
        "http://example.org/video",
        "javascript:alert(1)",
        "ftp://example.org/file.pdf",
        "https:///no-host",
    ],
)
def test_a_link_that_is_not_https_is_refused_with_what_to_do(db, link):
    errors = refusal(link=link)
    assert any("https://" in message for message in errors["link"])


def test_a_link_with_a_password_is_refused():
    with pytest.raises(ValidationError) as caught:
        check_link("https://user:secret@example.org/video")
    assert "public address" in caught.value.messages[0]


def test_an_https_link_is_kept(resource):
    assert Resource.objects.get(pk=resource.pk).link == "https://example.org/queues"


def test_neither_document_nor_link_says_what_to_give(db):
    errors = refusal(link="")
    assert "Choose or upload a document, or give an external link" in errors["document"][0]


def test_both_document_and_link_says_which_to_empty(db, document):
    errors = refusal(document=document)
    assert "not both" in errors["link"][0]


def test_a_video_is_a_link_not_a_document(db, document):
    errors = refusal(kind="video", link="", document=document)
    assert "video link needs an external link" in errors["kind"][0]


def test_a_document_resource_needs_no_link(db, document):
    resource = make_resource(link="", document=document)
    assert not resource.is_link


def test_not_all_africa_needs_countries(db):
    errors = refusal(all_africa=False, countries=[])
    assert "Choose at least one country" in errors["countries"][0]


def test_countries_are_kept_as_a_sorted_list_of_known_codes(db):
    resource = make_resource(all_africa=False, countries=["TZ", "KE", "ke", "ZZ"])
    stored = Resource.objects.get(pk=resource.pk)
    assert stored.countries == ["KE", "TZ"]
    assert stored.country_names == ["Kenya", "Tanzania"]
    assert Resource.objects.filter(countries__contains=",KE,", pk=resource.pk).exists()


def test_the_vocabularies_have_what_the_issue_names():
    assert set(KINDS.values()) == {"guide", "template", "checklist", "training_deck", "video"}
    assert {"en", "fr", "pt", "ar"} <= set(LANGUAGES.values())
    assert LICENCES["cc-by-4.0"].url.startswith("https://creativecommons.org/")
    assert LICENCES["permission"].url == ""


def test_a_resource_is_translatable(resource):
    from wagtail.models import Locale

    french = Locale.objects.get(language_code="fr")
    translation = resource.copy_for_translation(french)
    translation.title = "Manuel de gestion des files d’attente"
    translation.save()
    assert resource.get_translation(french).title.startswith("Manuel")
