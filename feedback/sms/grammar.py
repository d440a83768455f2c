"""The grammar of an SMS answer, a pure module (no database, no request):

    CODE S E R N [comment]        e.g.  K7DPQM 4 6 Y 9 queue was short

- CODE: the service point's code, spelt as on the web (any case, dashes; codes.normalise);
  "K7D PQM" (the code in two halves) is read too;
- S: satisfaction, 1 to 5; E: ease (effort), 1 to 7; R: resolved, Y/N (yes, no, O, oui, non,
  S, sim, não, ن, ل; any case); N: likely to recommend, 0 to 10 (Arabic-Indic digits too);
- the rest, if any, is the comment.

The parts may be separated by spaces, commas, semicolons or slashes. A message that does not
follow the grammar raises `SmsError`, whose `message()` names the part to fix and shows what
to send, in the active language. `language_hint` guesses the message's language (French or
English) from its words, for the reply.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext, pgettext

from feedback import codes
from feedback.choices import EFFORT_SCALE, RECOMMEND_SCALE, SATISFACTION
from feedback.giving.recording import Answer

SEPARATORS = re.compile(r"[\s,;/]+")
NUMBER = re.compile(r"^[0-9]{1,2}$")
# Phones set to Arabic type Arabic-Indic digits (٤) or their Persian forms (۴).
WESTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
# Yes and no as the posters print them in each language (English, French, Portuguese, Arabic:
# ن for نعم, ل for لا), the words written out too.
YES = {"Y", "YES", "O", "OUI", "S", "SIM", "ن", "نعم"}
NO = {"N", "NO", "NON", "NAO", "NÃO", "ل", "لا"}
EXAMPLE_ANSWERS = "4 6 {yes} 9"
PLACEHOLDER_CODE = "CODE"

SATISFACTION_SCALE = range(min(v for v, _l in SATISFACTION), max(v for v, _l in SATISFACTION) + 1)

# The four answers after the code, in order: (name, scale or None for yes/no).
PARTS = [
    ("satisfaction", SATISFACTION_SCALE),
    ("effort", EFFORT_SCALE),
    ("resolved", None),
    ("recommend", RECOMMEND_SCALE),
]


@dataclass(frozen=True)
class Parsed:
    code: str
    answer: Answer


class SmsError(ValueError):
    """What is wrong with a message: `part` is "empty", "code" or one of PARTS' names;
    `code` the point's code when it was read (for the example to send)."""

    def __init__(self, part, code=None, value=""):
        super().__init__(part)
        self.part = part
        self.code = code
        self.value = value

    def message(self):
        return correction(self.part, self.code, self.value)


def example(code=None):
    """What to send, e.g. "K7DPQM 4 6 Y 9 comment", in the active language."""
    answers = EXAMPLE_ANSWERS.format(yes=pgettext("sms yes", "Y"))
    return gettext("%(code)s %(answers)s comment") % {
        "code": code or PLACEHOLDER_CODE,
        "answers": answers,
    }


def correction(part, code=None, value=""):
    """The reply that names the part to fix, in the active language."""
    send = gettext("Send: %(example)s") % {"example": example(code)}
    if part == "empty":
        problem = gettext("Send the service code from the poster, then your four answers.")
    elif part == "code":
        problem = gettext("“%(value)s” is not a service code: copy it from the poster.") % {
            "value": value[:12]
        }
    elif part == "satisfaction":
        problem = gettext("The 1st number (satisfaction) must be 1 to 5.")
    elif part == "effort":
        problem = gettext("The 2nd number (ease) must be 1 to 7.")
    elif part == "resolved":
        problem = gettext("The 3rd answer (resolved) must be %(yes)s or %(no)s.") % {
            "yes": pgettext("sms yes", "Y"),
            "no": pgettext("sms no", "N"),
        }
    else:
        problem = gettext("The 4th number (recommendation) must be 0 to 10.")
    return f"{problem} {send}"


def _read_code(text):
    """(code, the rest) or SmsError("code")."""
    first, *rest = SEPARATORS.split(text, maxsplit=1)
    code = codes.normalise(first)
    if code is not None:
        return code, rest[0] if rest else ""
    # The code in two halves ("K7D PQM"), as some people type what they read.
    parts = SEPARATORS.split(text, maxsplit=2)
    half = codes.LENGTH // 2
    if len(parts) >= 2 and len(parts[0]) == half and len(parts[1]) == half:
        code = codes.normalise(parts[0] + parts[1])
        if code is not None:
            return code, parts[2] if len(parts) > 2 else ""
    raise SmsError("code", value=first)


def _read_value(token, name, scale, code):
    if scale is None:
        word = token.upper()
        if word in YES:
            return True
        if word in NO:
            return False
        raise SmsError(name, code, token)
    number = token.translate(WESTERN_DIGITS)
    if number and NUMBER.match(number) and int(number) in scale:
        return int(number)
    raise SmsError(name, code, token)


def parse(text):
    """The Parsed message, or SmsError naming the first part to fix."""
    text = (text or "").strip()
    if not text:
        raise SmsError("empty")
    code, rest = _read_code(text)
    values = {}
    for name, scale in PARTS:
        token, *more = SEPARATORS.split(rest.strip(), maxsplit=1) if rest.strip() else [""]
        values[name] = _read_value(token, name, scale, code)
        rest = more[0] if more else ""
    return Parsed(code, Answer(comment=rest.strip(), **values))


# The message's language --------------------------------------------------------------------------
FRENCH_WORDS = {
    "oui", "non", "merci", "très", "tres", "bien", "pas", "le", "la", "les", "est", "et",
    "une", "des", "du", "je", "j'ai", "c'est", "accueil", "attente", "rapide", "trop", "avec",
    "pour", "mais", "agent", "agents", "file", "bon", "bonne", "mauvais", "lent", "aucun",
}  # fmt: skip
ENGLISH_WORDS = {
    "yes", "no", "thanks", "thank", "very", "good", "the", "was", "is", "and", "not", "too",
    "with", "for", "but", "queue", "staff", "quick", "slow", "long", "bad", "helpful", "it",
    "i", "they", "wait", "great", "nice", "rude",
}  # fmt: skip
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def language_hint(text):
    """ "fr" or "en" when the message's words say so (the yes/no answer counts), else None."""
    words = [word.lower() for word in WORD.findall(text or "")]
    french = sum(word in FRENCH_WORDS for word in words)
    english = sum(word in ENGLISH_WORDS for word in words)
    if french > english:
        return "fr"
    if english > french:
        return "en"
    return None
