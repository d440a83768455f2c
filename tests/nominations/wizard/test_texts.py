"""The texts a nominator meets in the wizard, and the rules they describe: word counts for every
script, number ranges said in plain words, phone numbers, numbers shown as people write them,
the evidence step's "optional", the declaration's box, and "send it again" (rate limited, never
elsewhere)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.test import override_settings
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from nominations import phones
from nominations.answers import answer_sections
from nominations.models import Nomination
from nominations.validators import (
    PlainRangeValidator,
    bounds,
    count_words,
    current_year,
    plain_number,
)
from tests.factories.accounts import UserFactory
from tests.nominations.wizard.driver import VALID_ANSWERS, moved_on, pdf_upload
from tests.pages import page_text as visible_text
from tests.properties import examples

PROPERTIES = settings(max_examples=examples(200))

# Word counts ------------------------------------------------------------------------------------
LATIN_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèñçœ'-0123456789", min_size=1).filter(
    lambda word: any(character.isalnum() for character in word)
)
ETHIOPIC_WORD = st.text(
    alphabet=st.characters(min_codepoint=0x1200, max_codepoint=0x135A, categories=["Lo"]),
    min_size=1,
    max_size=8,
)
CJK_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=40
)
SPACES = st.text(alphabet=" \t\n\u00a0\u3000", min_size=1, max_size=3)


@PROPERTIES
@given(words=st.lists(LATIN_WORD, max_size=30), gaps=st.data())
def test_spaced_words_are_counted_one_each(words, gaps):
    text = "".join(word + gaps.draw(SPACES) for word in words)
    assert count_words(text) == len(words)


@PROPERTIES
@given(words=st.lists(ETHIOPIC_WORD, min_size=1, max_size=30))
def test_ethiopic_words_are_separated_by_the_wordspace(words):
    """Amharic written with ፡ between words, and ። at the end, as well as with spaces."""
    assert count_words("፡".join(words) + "።") == len(words)
    assert count_words(" ".join(words)) == len(words)


@PROPERTIES
@given(text=CJK_TEXT)
def test_each_chinese_or_japanese_character_is_a_word(text):
    assert count_words(text) == len(text)


@PROPERTIES
@given(first=st.text(max_size=60), second=st.text(max_size=60))
def test_counts_add_up_across_a_space(first, second):
    assert count_words(first + " " + second) == count_words(first) + count_words(second)


def test_unspaced_scripts_and_punctuation():
    assert count_words("สวัสดีครับ") == 2  # ten Thai letters: about two words
    assert count_words("Hello世界") == 3
    assert count_words("A — B") == 2  # a dash alone is no word
    assert count_words("ሰላም፡ለዓለም።") == 2
    assert count_words("") == count_words("   ") == 0


def test_word_limit_counts_ethiopic_words(wizard):
    """An Amharic summary of 151 words joined by ፡ (one "word" for a count by spaces)."""
    summary = "፡".join(["ሰላም"] * 151)
    response = wizard.post("initiative", {**VALID_ANSWERS["initiative"], "summary": summary})
    assert "Use 150 words or fewer: this answer has 151." in visible_text(response)


def test_word_limit_counts_chinese_characters(wizard):
    response = wizard.post("initiative", {**VALID_ANSWERS["initiative"], "summary": "字" * 151})
    assert "Use 150 words or fewer: this answer has 151." in visible_text(response)


# Numbers ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "shown"),
    [(Decimal("78.0"), "78"), (Decimal("2.5"), "2.5"), (-12, "-12"), (Decimal("100"), "100")],
)
def test_numbers_are_shown_as_people_write_them(value, shown):
    assert plain_number(value) == shown


def test_french_numbers_use_the_decimal_comma():
    with translation.override("fr"):
        assert plain_number(Decimal("2.5")) == "2,5"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("nps_after", "140", "Enter a score between -100 and 100."),
        ("nps_before", "-101", "Enter a score between -100 and 100."),
        ("nps_before", "twelve", "Enter a score between -100 and 100."),
        ("nps_before", "12.5", "Enter a whole number, without decimals."),
        ("customer_effort_score", "8", "Enter a score between 1 and 7."),
        ("customer_effort_score", "2.55", "Use at most 1 decimal place, like 2.5."),
        ("first_contact_resolution", "100.5", "Enter a percentage between 0 and 100."),
        ("satisfaction", "-3", "Enter a percentage between 0 and 100."),
        ("satisfaction", "1e9", "Enter a percentage between 0 and 100."),
        ("satisfaction", "NaN", "Enter a percentage between 0 and 100."),
        ("turnaround_before", "-1", "Enter a number between 0 and 999999.9."),
        ("turnaround_after", "12345678", "Enter a number between 0 and 999999.9."),
    ],
)
def test_range_errors_say_the_range_in_plain_words(wizard, field, value, message):
    response = wizard.post("results", {**VALID_ANSWERS["results"], field: value})
    assert response.status_code == 200
    assert message in visible_text(response)
    assert "Ensure this value" not in visible_text(response)


def test_numbers_in_range_are_kept(wizard):
    wizard.post("results", {**VALID_ANSWERS["results"], "nps_before": "-100", "nps_after": "100"})
    nomination = wizard.nomination
    assert (nomination.nps_before, nomination.nps_after) == (-100, 100)


def test_a_year_range_is_computed_not_written_down():
    """A year answer up to the current year (a callable limit): the message follows the
    calendar, with nothing to change in the code next January."""
    field = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1990), MaxValueValidator(current_year)]
    )
    low, high = bounds(field)
    validator = PlainRangeValidator(low, high, "year", decimal_places=0)
    year = datetime.date.today().year
    assert validator.range_message() == f"Enter a year between 1990 and {year}."
    with pytest.raises(Exception, match=f"Enter a year between 1990 and {year}"):
        validator(year + 1)
    validator(year)


def test_metrics_are_shown_without_trailing_zeros_and_with_their_unit(wizard, nominator_client):
    wizard.complete_all()
    html = visible_text(nominator_client.get(wizard.url("check")))
    assert "First-contact resolution (%) 78 " in html
    assert "78.0" not in html
    assert "Turnaround time before 5 days" in html
    assert "Turnaround time after 1 day" in html


def test_the_pdf_and_admin_answers_use_the_same_plain_numbers(wizard):
    wizard.complete_all()
    answers = {
        answer.name: answer.value
        for section in answer_sections(wizard.nomination, None)
        for answer in section.answers
    }
    assert answers["first_contact_resolution"] == "78"
    assert answers["customer_effort_score"] == "2.5"
    assert answers["turnaround_before"] == "5 days"
    assert answers["contact_phone"] == "+254 700 000000"


def test_number_inputs_show_the_stored_numbers_plainly(wizard, nominator_client):
    wizard.complete_all()
    html = nominator_client.get(wizard.url("results")).content.decode()
    assert 'name="results-first_contact_resolution" value="78"' in html
    assert 'value="78.0"' not in html


# Phone numbers ----------------------------------------------------------------------------------
def test_a_phone_number_is_stored_in_e164_and_shown_as_people_write_it(wizard, nominator_client):
    wizard.post("organisation", VALID_ANSWERS["organisation"])  # Kenya
    contact = {**VALID_ANSWERS["contact"], "contact_phone": "0712 345678"}
    assert moved_on(wizard.post("contact", contact))
    assert wizard.nomination.contact_phone == "+254712345678"
    html = nominator_client.get(wizard.url("contact")).content.decode()
    assert 'value="+254 712 345678"' in html


def test_the_phone_hint_suggests_the_country_calling_code(wizard, nominator_client):
    wizard.post("organisation", {**VALID_ANSWERS["organisation"], "country": "SN"})
    text = visible_text(nominator_client.get(wizard.url("contact")))
    assert "Include the country code: +221 for Senegal, for example +221 70 123 45 67." in text


@pytest.mark.parametrize("typed", ["12345", "+254 12", "phone me", "+1 202 555 0", "=1+2"])
def test_what_is_not_a_phone_number_is_refused_with_an_example(wizard, typed):
    wizard.post("organisation", VALID_ANSWERS["organisation"])
    response = wizard.post("contact", {**VALID_ANSWERS["contact"], "contact_phone": typed})
    assert response.status_code == 200
    assert "Enter a phone number with its country code, like +254 712 123456." in visible_text(
        response
    )
    assert wizard.nomination.contact_phone == ""


@pytest.mark.parametrize(
    ("typed", "country", "stored"),
    [
        ("+234 802 123 4567", "KE", "+2348021234567"),  # another country's code is kept
        ("00221 70 123 45 67", "SN", "+221701234567"),
        ("(080) 2123 4567", "NG", "+2348021234567"),
    ],
)
def test_phone_numbers_in_the_ways_people_type_them(typed, country, stored):
    assert phones.to_e164(typed, country) == stored


def test_stored_numbers_are_normalised_where_they_can_be():
    """What the migration does: a valid number to E.164, anything else left as typed."""
    assert phones.normalised_or_as_typed("0712 345678", "KE") == "+254712345678"
    assert phones.normalised_or_as_typed("ask reception", "KE") == "ask reception"
    assert phones.display("ask reception") == "ask reception"


# The evidence step and the declaration ----------------------------------------------------------
def test_evidence_is_not_called_optional_while_the_step_needs_a_file(wizard, nominator_client):
    html = nominator_client.get(wizard.url("evidence")).content.decode()
    assert "Add a file</label>" in html
    assert "(optional)" not in html
    assert "Attach at least one document" in visible_text(
        nominator_client.get(wizard.url("evidence"))
    )


def test_more_evidence_is_optional_once_a_file_is_attached(wizard, nominator_client):
    nominator_client.post(
        wizard.url("evidence"),
        {
            f"nomination-{wizard.uuid}-current_step": "evidence",
            "upload": "1",
            "evidence-file": pdf_upload(),
        },
    )
    html = nominator_client.get(wizard.url("evidence")).content.decode()
    assert 'Add another file <span class="optional">(optional)</span>' in html
    assert moved_on(wizard.post("evidence"))  # Continue without another file


def test_the_declaration_error_names_the_box_to_tick(wizard):
    text = visible_text(wizard.post("declaration"))
    assert "Tick “I confirm the declaration above” to continue." in text


def test_the_eligibility_box_is_ticked_not_filled_in(wizard):
    answers = {**wizard.category_answers()}
    del answers["eligibility_confirmed"]
    text = visible_text(wizard.post("category", answers))
    assert "Tick “I confirm the organisation is a public body" in text
    assert "Fill in “I confirm" not in text


# Send it again ----------------------------------------------------------------------------------
@pytest.fixture
def unconfirmed(client, db):
    user = UserFactory(email="unconfirmed@example.org", verified=False)
    client.force_login(user)
    return client


def test_the_check_step_offers_the_confirmation_link_again(unconfirmed, cycle):
    from tests.nominations.wizard.driver import Wizard

    wizard = Wizard(unconfirmed)
    wizard.start()
    wizard.complete_all()
    refused = unconfirmed.post(
        wizard.url("check"), {f"nomination-{wizard.uuid}-current_step": "check"}, follow=True
    )
    text = visible_text(refused)
    assert "Confirm your email address before you submit" in text
    assert "No email? Send the code again" in text
    html = refused.content.decode()
    assert 'formaction="/account/resend-confirmation/"' in html
    mail.outbox = []
    sent = unconfirmed.post("/account/resend-confirmation/", {"next": wizard.url("check")})
    # A code (allauth's verification by code), typed on the page it opens, in this browser.
    assert sent["Location"] == "/accounts/confirm-email/"
    assert [message.to for message in mail.outbox] == [["unconfirmed@example.org"]]
    code = re.search(r"^([A-Z0-9]{3,}-?[A-Z0-9]{3,})$", mail.outbox[0].body, re.MULTILINE)
    confirmed = unconfirmed.post("/accounts/confirm-email/", {"code": code.group(1)})
    assert confirmed.status_code == 302
    assert "Send the code again" not in visible_text(unconfirmed.get("/my-nominations/"))


def test_my_nominations_offers_the_link_while_the_address_is_unconfirmed(unconfirmed):
    assert "Send the code again" in visible_text(unconfirmed.get("/my-nominations/"))


def test_a_confirmed_account_is_not_offered_the_link(nominator_client):
    assert "Send the code again" not in visible_text(nominator_client.get("/my-nominations/"))
    response = nominator_client.post("/account/resend-confirmation/", {"next": "/my-nominations/"})
    assert response.status_code == 302 and len(mail.outbox) == 0


def test_the_confirmation_code_cannot_be_used_to_flood_a_mailbox(unconfirmed):
    """The attack: a script posting "send the code again" in a loop. One code goes out; the
    others get a message, not an error page (allauth allows one code per address every few
    minutes)."""
    for _ in range(10):
        response = unconfirmed.post("/account/resend-confirmation/", {"next": "/my-nominations/"})
        assert response.status_code == 302
    assert len(mail.outbox) == 1
    text = visible_text(unconfirmed.get("/my-nominations/"))
    assert "We sent a code to unconfirmed@example.org a few minutes ago." in text


@override_settings(
    RESEND_CONFIRMATION_RATE="3/h",
    ACCOUNT_RATE_LIMITS={**django_settings.ACCOUNT_RATE_LIMITS, "confirm_email": "100/m/key"},
)
def test_over_an_hour_the_codes_are_capped_too(unconfirmed):
    """The same script, slow enough for allauth's limit: 3 emails an hour, then a message."""
    for _ in range(10):
        unconfirmed.post("/account/resend-confirmation/", {"next": "/my-nominations/"})
    assert len(mail.outbox) == 3
    text = visible_text(unconfirmed.get("/my-nominations/"))
    assert "We have already sent several codes to unconfirmed@example.org." in text


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "http://testserver@evil.example/",
        " //evil.example",
    ],
)
def test_the_confirmation_link_never_sends_people_elsewhere(unconfirmed, target):
    """The first post sends a code and opens the page that takes it; once over the limit, the
    button goes back to the page it was on, only when that is a page of this site."""
    with override_settings(RESEND_CONFIRMATION_RATE="1/h"):
        first = unconfirmed.post("/account/resend-confirmation/", {"next": target})
        again = unconfirmed.post("/account/resend-confirmation/", {"next": target})
    assert first["Location"] == "/accounts/confirm-email/"
    assert again.status_code == 302
    assert again["Location"] == "/my-nominations/"


@pytest.fixture
def sent_nomination(wizard):
    wizard.complete_all()
    assert wizard.submit().status_code == 302
    mail.outbox = []
    return wizard.nomination


def test_a_sent_nomination_offers_its_confirmation_again(sent_nomination, nominator_client):
    page = f"/my-nominations/{sent_nomination.uuid}/"
    assert "Send the confirmation again" in visible_text(nominator_client.get(page))
    response = nominator_client.post(f"{page}resend-confirmation/", follow=True)
    assert response.redirect_chain[-1][0] == page
    assert (
        f"We have sent the confirmation of {sent_nomination.reference} to amina@example.org again."
        in visible_text(response)
    )
    assert len(mail.outbox) == 1
    assert sent_nomination.reference in mail.outbox[0].subject
    assert mail.outbox[0].to == ["amina@example.org"]


@override_settings(RESEND_CONFIRMATION_RATE="3/h")
def test_the_submission_confirmation_cannot_be_used_to_flood_a_mailbox(
    sent_nomination, nominator_client
):
    url = f"/my-nominations/{sent_nomination.uuid}/resend-confirmation/"
    for _ in range(10):
        nominator_client.post(url, {"next": "https://evil.example/"})
    assert len(mail.outbox) == 3


@override_settings(RESEND_CONFIRMATION_RATE="100/h", RESEND_RATE_PER_ADDRESS="5/h")
def test_many_accounts_from_one_address_are_limited_too(client, db):
    """The attack with several accounts from one machine: the per-address limit holds."""
    for number in range(8):
        client.force_login(UserFactory(email=f"sock{number}@example.org", verified=False))
        client.post("/account/resend-confirmation/")
    assert len(mail.outbox) == 5


def test_nobody_else_can_resend_a_nominations_confirmation(sent_nomination, client, db):
    client.force_login(UserFactory(email="intruder@example.org"))
    response = client.post(f"/my-nominations/{sent_nomination.uuid}/resend-confirmation/")
    assert response.status_code == 404
    assert len(mail.outbox) == 0


def test_a_draft_has_no_confirmation_to_send(wizard, nominator_client):
    response = nominator_client.post(f"/my-nominations/{wizard.uuid}/resend-confirmation/")
    assert response.status_code == 302
    assert len(mail.outbox) == 0
    assert Nomination.objects.get(uuid=wizard.uuid).reference is None
