"""`{{ value|score }}`: a score as people read it, two decimals rounded halves up by the one
rule of judging/scoring/rounding.py, written in the active language's number format (72.35,
72,35)."""

from django import template
from django.utils.formats import number_format

from judging.scoring import rounding

register = template.Library()


@register.filter
def score(value):
    if value is None or value == "":
        return ""
    return number_format(rounding.score(value), 2)
