"""Comments are scrubbed before they are stored (feedback/scrubbing.py): phone numbers, email
addresses and long digit runs become "[removed]"; the rest of the comment stays as written."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feedback.scrubbing import REMOVED, scrub
from tests.properties import examples

PROPERTIES = settings(max_examples=examples(200))


@pytest.mark.parametrize(
    ("comment", "scrubbed"),
    [
        ("Call me on +254 712 345 678 please", "Call me on [removed] please"),
        ("My number is 0712-345-678.", "My number is [removed]."),
        ("Office line (021) 555 0199 never answers", "Office line [removed] never answers"),
        ("Write to amina.k+cx@example.co.ke now", "Write to [removed] now"),
        ("My ID is 29384756 and case 2024118", "My ID is [removed] and case [removed]"),
        ("Passport A1234567 was ready", "Passport [removed] was ready"),
    ],
)
def test_personal_numbers_and_addresses_are_removed(comment, scrubbed):
    assert scrub(comment) == scrubbed


@pytest.mark.parametrize(
    "comment",
    [
        "I waited 45 minutes at counter 3 in 2024.",
        "Seen on 12/03/2024 at 10:30, served in 2 hours 30 minutes.",
        "Très bon accueil, merci !",
        "",
    ],
)
def test_ordinary_numbers_and_text_stay(comment):
    assert scrub(comment) == comment


phone_digits = st.lists(st.sampled_from("0123456789"), min_size=9, max_size=12).map("".join)
separators = st.sampled_from([" ", "-", ".", ""])
words = st.text(alphabet="abcdefghij ", max_size=30)


@PROPERTIES
@given(words, phone_digits, separators, st.booleans(), words)
def test_any_phone_number_in_a_comment_is_removed(before, digits, separator, plus, after):
    number = ("+" if plus else "") + separator.join([digits[:3], digits[3:6], digits[6:]])
    scrubbed = scrub(f"{before} {number} {after}")
    assert digits not in scrubbed.replace(separator, "") if separator else digits not in scrubbed
    assert REMOVED in scrubbed


@PROPERTIES
@given(
    st.text(alphabet="abcdefghijklmnop._", min_size=1, max_size=12).filter(lambda s: s[0] != "."),
    st.text(alphabet="abcdefghijk", min_size=1, max_size=10),
    st.sampled_from(["org", "co.ke", "sn", "com"]),
)
def test_any_email_address_in_a_comment_is_removed(local, domain, tld):
    address = f"{local}@{domain}.{tld}"
    assert address not in scrub(f"Write to {address} please")
