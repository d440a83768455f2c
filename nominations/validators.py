import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import ngettext

WORD = re.compile(r"\S+")


def count_words(text):
    return len(WORD.findall(text or ""))


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
