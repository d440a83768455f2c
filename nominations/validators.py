"""Validators of the nomination's answers, with messages that say in plain words what to enter:
word limits (counted for every script, spaced or not) and number ranges read from the model's
own validators."""

import datetime
import math
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# Word counts ------------------------------------------------------------------------------------
# static/js/site.js counts the same way for its live counter: keep the two in step
# (tests/nominations/wizard/test_texts.py compares them in a browser).
#
# - Words are separated by white space, and in Ethiopic (Amharic, Tigrinya, ...) also by the
#   wordspace ፡ (U+1361) and the other Ethiopic punctuation (U+1362 to U+1368).
# - Chinese and Japanese are written without spaces: each ideograph or kana counts as a word,
#   as word limits in those languages count characters.
# - Thai, Lao, Khmer and Myanmar are written without spaces between words either, and telling
#   where a word ends needs a dictionary: a run of their letters counts one word per
#   LETTERS_PER_WORD characters (rounded up), about the length of a word in those scripts.
# - A run of other characters counts one word if it has a letter or a digit ("—" alone is none).
# White space (the same list as JavaScript's \s, which differs from Python's) and Ethiopic
# punctuation.
SEPARATORS = re.compile(
    r"[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
    r"\u1361-\u1368]+"
)
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
LETTERS_PER_WORD = 5


def _chunk_words(chunk):
    words = 0
    run, run_kind = [], None

    def flush():
        if not run:
            return 0
        if run_kind == "unspaced":
            return math.ceil(len(run) / LETTERS_PER_WORD)
        return 1 if any(character.isalnum() for character in run) else 0

    for character in chunk:
        if CJK.match(character):
            words += flush() + 1
            run, run_kind = [], None
            continue
        kind = "unspaced" if UNSPACED.match(character) else "spaced"
        if kind != run_kind:
            words += flush()
            run, run_kind = [], kind
        run.append(character)
    return words + flush()


def count_words(text):
    return sum(_chunk_words(chunk) for chunk in SEPARATORS.split(text or "") if chunk)


@deconstructible
class MaxWordsValidator:
    def __init__(self, limit):
        self.limit = limit

    def __call__(self, value):
        words = count_words(value)
        if words > self.limit:
            raise ValidationError(
                ngettext(
                    "Use %(limit)d word or fewer: this answer has "
                    "%(words)d. Shorten it and try again.",
                    "Use %(limit)d words or fewer: this answer has %(words)d. "
                    "Shorten it and try again.",
                    self.limit,
                )
                % {"limit": self.limit, "words": words},
                code="max_words",
            )

    def __eq__(self, other):
        return isinstance(other, MaxWordsValidator) and other.limit == self.limit


# Numbers ----------------------------------------------------------------------------------------
def plain_number(value, localise=True):
    """A number as people write it: 78 (not 78.0), 2.5, -12; in the active language's way
    (2,5 in French) unless `localise` is off (the value of a number input)."""
    if value is None or value == "":
        return ""
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return number_format(value) if localise else str(value)


def current_year():
    return datetime.date.today().year


def limit(validator):
    value = validator.limit_value
    return value() if callable(value) else value


def bounds(model_field):
    """The lowest and highest value a model field accepts, from its validators (a callable
    limit, such as the current year, is called now) and, for decimals, its digits."""
    low = high = None
    for validator in model_field.validators:
        if isinstance(validator, MinValueValidator):
            low = limit(validator) if low is None else max(low, limit(validator))
        elif isinstance(validator, MaxValueValidator):
            high = limit(validator) if high is None else min(high, limit(validator))
    digits, places = (
        getattr(model_field, "max_digits", None),
        getattr(model_field, "decimal_places", None),
    )
    if digits is not None and places is not None:
        largest = Decimal(10) ** (digits - places) - Decimal(1).scaleb(-places)
        high = largest if high is None else min(Decimal(high), largest)
        low = -largest if low is None else low
    return low, high


# What each kind of number is called in its messages: whole sentences, for the translators.
RANGE_MESSAGES = {
    "score": _("Enter a score between %(min)s and %(max)s."),
    "percentage": _("Enter a percentage between %(min)s and %(max)s."),
    "year": _("Enter a year between %(min)s and %(max)s."),
    "number": _("Enter a number between %(min)s and %(max)s."),
}


@deconstructible
class PlainRangeValidator:
    """A number within [low, high] (either may be a callable), with one message that says the
    range in words; a number with more decimals than the answer keeps is refused too."""

    def __init__(self, low, high, kind="number", decimal_places=None):
        self.low, self.high, self.kind, self.decimal_places = low, high, kind, decimal_places

    def range_message(self):
        low = self.low() if callable(self.low) else self.low
        high = self.high() if callable(self.high) else self.high
        return RANGE_MESSAGES[self.kind] % {"min": plain_number(low), "max": plain_number(high)}

    def __call__(self, value):
        low = self.low() if callable(self.low) else self.low
        high = self.high() if callable(self.high) else self.high
        if (low is not None and value < low) or (high is not None and value > high):
            raise ValidationError(self.range_message(), code="range")
        if self.decimal_places is not None and isinstance(value, Decimal):
            exponent = value.normalize().as_tuple().exponent
            if isinstance(exponent, int) and -exponent > self.decimal_places:
                raise ValidationError(decimals_message(self.decimal_places), code="decimals")

    def __eq__(self, other):
        return isinstance(other, PlainRangeValidator) and vars(self) == vars(other)


def decimals_message(places):
    if places == 0:
        return _("Enter a whole number, without decimals.")
    return ngettext(
        "Use at most %(places)d decimal place, like %(example)s.",
        "Use at most %(places)d decimal places, like %(example)s.",
        places,
    ) % {"places": places, "example": plain_number(Decimal("2.5") if places == 1 else "2.25")}


def plain_number_field(form_field, model_field, kind="number"):
    """Give a form field for a number model field one range check and plain messages: "Enter
    a score between -100 and 100." for too low, too high or not a number at all."""
    low, high = bounds(model_field)
    places = getattr(model_field, "decimal_places", None)
    if places is None:
        places = 0  # an integer field
    validator = PlainRangeValidator(low, high, kind, decimal_places=places)
    message = validator.range_message()
    form_field.validators = [validator]
    form_field.error_messages.update(
        {
            "invalid": message,
            "max_digits": message,
            "max_whole_digits": message,
            "max_decimal_places": decimals_message(places),
        }
    )
    return form_field


def looks_like_a_decimal(text):
    """ "12.5" (a number, though not a whole one), not "abc", "NaN" or "Infinity"."""
    try:
        return Decimal(str(text).strip()).is_finite()
    except (InvalidOperation, ValueError):
        return False
