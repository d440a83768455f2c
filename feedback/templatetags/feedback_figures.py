"""How the results page writes a figure: a percentage, a mean (one decimal) or a score, in the
reader's language (French puts a narrow no-break space before %)."""

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def figure(value, unit):
    if unit == "percent":
        return _("%(number)s%%") % {"number": number_format(round(value), 0)}
    if unit == "mean":
        return number_format(round(value, 1), 1)
    return number_format(round(value), 0)


@register.simple_tag
def figure_cell(measure, unit):
    """A table cell's figure: the value and its 95% interval, or "Not enough answers yet". A tag,
    not an included template: a dashboard of 80 points shows 400 of them."""
    if not measure:
        return format_html(
            '<span class="feedback-cell__none">{}</span>', _("Not enough answers yet")
        )
    interval = _("(%(low)s to %(high)s)") % {
        "low": figure(measure.low, unit),
        "high": figure(measure.high, unit),
    }
    return format_html(
        '<span class="feedback-cell__value">{}</span> '
        '<span class="feedback-cell__interval">{}</span>',
        figure(measure.value, unit),
        interval,
    )
