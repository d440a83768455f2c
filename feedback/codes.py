"""A service point's short code: what its permanent address (/feedback/<code>/), its poster and
its SMS keyword carry. Six characters from an alphabet without the ones people mix up when they
read or type them (0/O, 1/I/L, 5/S, 2/Z, 8/B): 24 letters and digits, 191 million codes."""

import re
import secrets

ALPHABET = "ACDEFGHJKMNPQRTUVWXY3479"
LENGTH = 6
# What an address may carry: 6 to 8 of the alphabet's characters (longer codes are allowed for
# when the six-character space fills up).
CODE_PATTERN = re.compile(rf"^[{ALPHABET}]{{6,8}}$")


def new_code(taken=lambda code: False, length=LENGTH):
    """A fresh random code that `taken` does not refuse."""
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(length))
        if not taken(code):
            return code


def normalise(text):
    """The code as typed or read from an address (any case, spaces or dashes), or None when it
    cannot be a code."""
    code = re.sub(r"[\s-]", "", str(text or "")).upper()
    return code if CODE_PATTERN.match(code) else None
