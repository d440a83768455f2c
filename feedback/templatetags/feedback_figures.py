"""How the results page writes a figure: a percentage, a mean (one decimal) or a score, in the
reader's language (French puts a narrow no-break space before %).

A country page or a dashboard writes several hundred figures, each a rounded number from a
small set (0 to 100, -100 to 100, 1.0 to 7.0). Written with Django's `number_format` and
`gettext` every time, they were about a fifth of the page's time (the country page 42 to 34 ms,
the dashboard 61 to 50 ms, bench/feedback.py at 100,000 answers); each figure and each cell is
now written once per language and unit and then reused.
"""

from functools import lru_cache

from django import template
from django.utils.formats import localize, number_format
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from awards_site.site_url import path_to

register = template.Library()


def _rounded(value, unit):
    return round(value, 1) if unit == "mean" else round(value)


@lru_cache(maxsize=2048)
def _written(language, number, unit):
    """`number` in the active language, which is `language` (the key of what is kept)."""
    if unit == "percent":
        return _("%(number)s%%") % {"number": number_format(number, 0)}
    return number_format(number, 1 if unit == "mean" else 0)


@register.filter
def figure(value, unit):
    return _written(get_language(), _rounded(value, unit), unit)


@lru_cache(maxsize=2048)
def _cell(language, unit, value, low, high):
    interval = _("(%(low)s to %(high)s)") % {
        "low": _written(language, low, unit),
        "high": _written(language, high, unit),
    }
    return format_html(
        '<span class="feedback-cell__value">{}</span> '
        '<span class="feedback-cell__interval">{}</span>',
        _written(language, value, unit),
        interval,
    )


@lru_cache(maxsize=16)
def _no_figure(language):
    return format_html('<span class="feedback-cell__none">{}</span>', _("Not enough answers yet"))


@register.simple_tag
def figure_cell(measure, unit):
    """A table cell's figure: the value and its 95% interval, or "Not enough answers yet". A tag,
    not an included template: a dashboard of 80 points shows 400 of them."""
    language = get_language()
    if not measure:
        return _no_figure(language)
    return _cell(
        language,
        unit,
        _rounded(measure.value, unit),
        _rounded(measure.low, unit),
        _rounded(measure.high, unit),
    )


@register.simple_tag
def point_row(item, agency):
    """A dashboard's row for one service point (feedback.staff.figures.PointFigures): its name
    linked to its settings, its kind and public address (and "closed" when it takes no answers),
    its answers and its four figures. Written here rather than in the template: the template's
    own row (13 variables, a URL and four tags, for each of an agency's 80 points) was about a
    third of the dashboard's time (bench/feedback.py)."""
    point, measures = item.point, item.measures
    return format_html(
        '<tr><th scope="row"><a href="{}">{}</a> <span class="meta">{} · <a href="{}">{}</a>{}'
        "</span></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        path_to("feedback:point_edit", slug=agency.slug, point_id=point.pk),
        point.name,
        point.kind_label,
        point.get_absolute_url(),
        point.code,
        "" if point.active else format_html(" · {}", _("closed")),
        localize(measures.n),
        figure_cell(measures.satisfied, "percent"),
        figure_cell(measures.effort, "mean"),
        figure_cell(measures.resolved, "percent"),
        figure_cell(measures.nps, "score"),
    )
