"""The PDF summary of a report: the key figures, the breakdowns as SVG charts (charts.py),
judging progress and the published results, with the program's logo and the sponsor's.

Rendered by awards_site.pdf.rendering.render_pdf (shipped fonts, a fetcher that reads only static/
and
data: URIs). The sponsor's logo is a Wagtail image in the media storage, outside static/, so
it goes into the document as a data: URI. The caller chooses the language
(translation.override): the sponsor user's, or the administrator's.
"""

import base64
import logging

from django.template.loader import render_to_string
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from awards_site import charts
from awards_site.pdf.rendering import FONT_FACES, render_pdf
from awards_site.vocabularies.countries import country_name
from cms.reports.figures import key_figures, published_results

logger = logging.getLogger(__name__)

JUDGING_SERIES_COLOURS = ["#0B5D3B", "#B08A00", "#8C8C8C"]
LOGO_RENDITION = "max-400x160|format-png"


def logo_data_uri(partner):
    """The partner's logo as a PNG data: URI (a small rendition), or "" without one."""
    if partner is None or partner.logo_id is None:
        return ""
    try:
        rendition = partner.logo.get_rendition(LOGO_RENDITION)
        with rendition.file.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        logger.warning("The logo of partner %s could not be read.", partner.pk, exc_info=True)
        return ""
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def _formatted(value, number_format_):
    if number_format_ == "0%":
        return _("%(value)s%%") % {"value": round(100 * value)}
    return number_format(value, force_grouping=True)


def _placed(results):
    """[(category name, [EntryResult with an outcome, ...])]: the entries a round's published
    decisions placed, by category, in rank order."""
    groups = []
    for entry in results:
        if not entry.outcome:
            continue
        if not groups or groups[-1][0] != entry.category_name:
            groups.append((entry.category_name, []))
        groups[-1][1].append(entry)
    return groups


def summary_context(figures):
    scope = figures.scope
    other = _("Other countries")
    by_country = charts.top_rows([(r.label, r.count) for r in figures.by_country], 12, other)
    pledges = charts.top_rows([(r.label, r.count) for r in figures.pledges_by_country], 12, other)
    series = [_("Submitted"), _("Drafts"), _("Not started")]
    judging = charts.stacked_bar_chart(
        "chart-judging",
        _("Judging progress by round"),
        [(p.name, [p.submitted, p.drafts, p.not_started]) for p in figures.rounds],
        list(zip(series, JUDGING_SERIES_COLOURS, strict=True)),
    )
    from judging.models import Outcome

    outcomes = dict(Outcome.choices)
    results = [
        (
            round_,
            [
                (
                    category,
                    [
                        (entry, outcomes.get(entry.outcome, ""), country_name(entry.country))
                        for entry in entries
                    ],
                )
                for category, entries in _placed(entries)
            ],
            sum(1 for entry in entries if entry.ranked),
        )
        for round_, entries in published_results(figures)
    ]
    return {
        "program_name": _("Africa Public Sector CX Awards"),
        "font_faces": FONT_FACES,
        "scope": scope,
        "figures": figures,
        "prepared": date_format(figures.generated_at, "DATETIME_FORMAT"),
        "key_figures": [
            (label, _formatted(value, fmt)) for label, value, fmt in figures.key_figures()
        ],
        "sponsor_logo": "" if scope.full else logo_data_uri(scope.partner),
        "country_chart": charts.bar_chart(
            "chart-country", _("Nominations by country"), by_country, muted_label=other
        )
        if by_country
        else "",
        "category_chart": charts.bar_chart(
            "chart-category",
            _("Nominations by category"),
            [(r.label, r.count) for r in figures.by_category],
        )
        if figures.by_category
        else "",
        "measured_by_category": [r for r in figures.measured_by_category if r.count],
        "status_chart": charts.pie_chart(
            "chart-status",
            _("Nominations by status"),
            [(r.label, r.count) for r in figures.by_status],
        )
        if figures.by_status
        else "",
        "judging_chart": judging if figures.rounds else "",
        "pledge_chart": charts.bar_chart(
            "chart-pledges",
            _("Pledge signatures by country (whole program)"),
            pledges,
            muted_label=other,
        )
        if pledges
        else "",
        "results": results,
    }


def report_pdf(scope, figures=None):
    """The PDF summary of the report, as bytes."""
    figures = figures or key_figures(scope)
    html = render_to_string("cms/reports/summary.html", summary_context(figures))
    return render_pdf(html)
