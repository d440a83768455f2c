"""The nominator's emails in Portuguese and Arabic (awards_site/mail.py renders them in the
recipient's language): the confirmation of a sent nomination, for a nominator whose account
speaks Portuguese or Arabic and who sent the nomination in it (the nomination's emails follow
the language it was sent in: nominations/sending/submission.py)."""

import re

import pytest
from django.core import mail
from django.utils import translation

from nominations import tasks
from nominations.models import Nomination

ENGLISH_BODY = [
    "Thank you: your nomination for the",
    "Open it here to change or withdraw it:",
    "The program team will check that it is eligible and write to you.",
]
ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")


def translated(language, text):
    with translation.override(language):
        return translation.gettext(text)


@pytest.fixture
def sent_nomination(db):
    return Nomination.objects.filter(nominator__email="nominator@demo.test").submitted()[0]


@pytest.mark.parametrize(("language", "subject_word"), [("pt", "Candidatura"), ("ar", "الترشيح")])
def test_the_submission_confirmation_speaks_the_nominators_language(
    sent_nomination, language, subject_word
):
    nominator = sent_nomination.nominator
    nominator.language = language
    nominator.save(update_fields=["language"])
    Nomination.objects.filter(pk=sent_nomination.pk).update(language=language)
    mail.outbox.clear()

    tasks.send_submission_confirmation.enqueue(sent_nomination.pk)

    [message] = mail.outbox
    assert message.to == [nominator.email]
    reference = sent_nomination.reference
    assert subject_word in message.subject and reference in message.subject
    assert "received" not in message.subject
    for english in ENGLISH_BODY:
        assert english not in message.body
    line = "The program team will check that it is eligible and write to you."
    assert translated(language, line) != line
    assert translated(language, line) in message.body
    assert reference in message.body
    # The link to the nomination opens in the nominator's language.
    assert f"/{language}/my-nominations/{sent_nomination.uuid}/" in message.body
    if language == "ar":
        assert ARABIC_LETTER.search(message.subject) and ARABIC_LETTER.search(message.body)
    # Plain text only today; an HTML part, if one is added, must read right to left in Arabic.
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html" and language == "ar":
            assert 'dir="rtl"' in content and 'lang="ar"' in content
