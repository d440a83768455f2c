"""Comments are scrubbed before they are stored, so nobody ever reads a citizen's phone number,
email address or ID number in them (docs/feedback.md): each is replaced by "[removed]".

- email addresses: anything@anything.tld;
- phone numbers: an optional +, then 7 or more digits that may be grouped by spaces, dots,
  dashes or brackets (+254 712 345 678, 0712-345-678, (021) 555 0199);
- long digit runs: 6 digits or more in a row (ID, passport, account and case numbers), with
  the letters an ID number may start or end with (A1234567).

Short numbers stay ("waited 45 minutes", "counter 3", "in 2024", "12/03/2024")."""

import re

REMOVED = "[removed]"

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# 7+ digits, optionally after a +, with single separators between groups.
PHONE = re.compile(r"(?<![\w+])\+?\(?\d(?:[\s.()-]{0,2}\d){6,}(?!\w)")
# ID-like words (A1234567, 12345678K) whole, then any other run of 6 digits or more.
ID_NUMBER = re.compile(r"(?<!\w)[A-Za-z]{0,3}\d{6,}[A-Za-z]{0,2}(?!\w)")
LONG_DIGITS = re.compile(r"\d{6,}")


def scrub(text):
    """The text with email addresses, phone numbers and long digit runs replaced."""
    text = EMAIL.sub(REMOVED, text or "")
    text = PHONE.sub(REMOVED, text)
    text = ID_NUMBER.sub(REMOVED, text)
    return LONG_DIGITS.sub(REMOVED, text)
