"""How the results page writes a figure: a percentage, a mean (one decimal) or a score, in the
reader's language (French puts a narrow no-break space before %)."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def figure(value, unit):
    if unit == "percent":
        return _("%(number)s%%") % {"number": number_format(round(value), 0)}
    if unit == "mean":
        return number_format(round(value, 1), 1)
    return number_format(round(value), 0)
