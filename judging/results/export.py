"""A round's results as an Excel workbook (openpyxl, write-only so the scores sheet streams):

- "Results": one row per entry, in the order of round_results(): rank, reference, organisation,
  country, category, raw mean, normalised score, spread, disagreement flag, completeness and
  the decided outcome;
- "Scores": one row per judge, entry and criterion of every submitted scoresheet: the score and
  its comment, with the sheet's overall comment and recommendation.

Both sheets have a bold, frozen header row, an auto filter, column widths and number formats.
Every cell goes through the site's writer (awards_site/exports.py): judges' comments and
organisation names are text even when they start with "=", scores stay numbers.
Nothing about the nominator or the contact person goes in: entries are named by reference,
organisation, country and category only.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Font, PatternFill

from awards_site import exports
from awards_site.vocabularies.countries import country_name
from judging.models import CriterionScore, Outcome, Recommendation, ScoresheetStatus
from judging.results.computation import round_results
from nominations.models import Nomination
from nominations.wizard import measured

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
WRAP = Alignment(wrap_text=True, vertical="top")
SCORE_FORMAT = "0.0"
PERCENT_FORMAT = "0%"


def _sheet(workbook, title, columns):
    """A write-only sheet with its header row written: columns are (label, width, format)."""
    return exports.data_sheet(
        workbook,
        title,
        [label for label, _width, _format in columns],
        [width for _label, width, _format in columns],
        font=HEADER_FONT,
        fill=HEADER_FILL,
    )


def _row(sheet, columns, values):
    """Every value through the site's writer: text as text, scores as numbers."""
    row = []
    for (_label, _width, number_format), value in zip(columns, values, strict=True):
        if number_format == "wrap":
            row.append(exports.cell(sheet, value, alignment=WRAP))
        else:
            row.append(exports.cell(sheet, value, number_format))
    sheet.append(row)


def _filter(sheet, columns, rows):
    exports.add_filter(sheet, len(columns), rows)


def _results(workbook, round):
    columns = [
        (_("Rank"), 7, "0"),
        (_("Reference"), 16, None),
        (_("Organisation"), 40, None),
        (_("Country"), 18, None),
        (_("Category"), 26, None),
        (_("Raw mean (0-100)"), 12, SCORE_FORMAT),
        (_("Normalised (0-100)"), 12, SCORE_FORMAT),
        (_("Spread"), 9, SCORE_FORMAT),
        (_("Judges disagree"), 10, None),
        (_("Completeness"), 13, PERCENT_FORMAT),
        (_("Outcome"), 22, None),
        # Results measured by the citizen feedback platform, frozen in the nomination.
        *[(header, 24, None) for header in measured.export_headers()],
    ]
    sheet = _sheet(workbook, "Results", columns)
    outcomes = dict(Outcome.choices)
    results = round_results(round)
    snapshots = dict(
        Nomination.objects.filter(
            pk__in=[result.nomination_id for result in results], measured_results__isnull=False
        ).values_list("pk", "measured_results")
    )
    for result in results:
        _row(
            sheet,
            columns,
            [
                result.rank,
                result.reference,
                result.organisation_name,
                country_name(result.country) if result.country else "",
                result.category_name,
                result.raw_mean,
                result.normalised,
                result.spread,
                _("Yes") if result.disagreement else "",
                result.completeness,
                str(outcomes.get(result.outcome, "")),
                *measured.export_values(snapshots.get(result.nomination_id)),
            ],
        )
    _filter(sheet, columns, len(results))


def _scores(workbook, round):
    columns = [
        (_("Reference"), 16, None),
        (_("Organisation"), 40, None),
        (_("Category"), 26, None),
        (_("Judge"), 26, None),
        (_("Criterion"), 30, None),
        (_("Weight (%)"), 10, "0"),
        (_("Score"), 8, "0"),
        (_("Scale"), 8, None),
        (_("Comment"), 60, "wrap"),
        (_("Overall comment"), 60, "wrap"),
        (_("Recommendation"), 24, None),
    ]
    sheet = _sheet(workbook, "Scores", columns)
    french = get_language() == "fr"
    recommendations = dict(Recommendation.choices)
    rows = (
        CriterionScore.objects.filter(
            scoresheet__assignment__round=round,
            scoresheet__status=ScoresheetStatus.SUBMITTED,
        )
        .order_by(
            "scoresheet__assignment__nomination__category__sort_order",
            "scoresheet__assignment__nomination__reference",
            "scoresheet__assignment__judge__user__email",
            "criterion__sort_order",
            "criterion_id",
        )
        .values_list(
            "scoresheet__assignment__nomination__reference",
            "scoresheet__assignment__nomination__organisation_name",
            "scoresheet__assignment__nomination__category__name_en",
            "scoresheet__assignment__nomination__category__name_fr",
            "scoresheet__assignment__judge__user__first_name",
            "scoresheet__assignment__judge__user__last_name",
            "scoresheet__assignment__judge__user__email",
            "criterion__name_en",
            "criterion__name_fr",
            "criterion__weight",
            "score",
            "criterion__rubric__scale_min",
            "criterion__rubric__scale_max",
            "comment",
            "scoresheet__overall_comment",
            "scoresheet__recommendation",
        )
    )
    count = 0
    for (
        reference,
        organisation,
        category_en,
        category_fr,
        first_name,
        last_name,
        judge_email,
        criterion_en,
        criterion_fr,
        weight,
        score,
        scale_min,
        scale_max,
        comment,
        overall_comment,
        recommendation,
    ) in rows.iterator(chunk_size=2000):
        _row(
            sheet,
            columns,
            [
                reference,
                organisation,
                (category_fr if french and category_fr else category_en) or "",
                f"{first_name} {last_name}".strip() or judge_email,
                criterion_fr if french and criterion_fr else criterion_en,
                weight,
                score,
                f"{scale_min}-{scale_max}",
                comment,
                overall_comment,
                str(recommendations.get(recommendation, "")),
            ],
        )
        count += 1
    _filter(sheet, columns, count)


def results_workbook(round):
    """The .xlsx file of the round's results, as bytes."""
    workbook = exports.new_workbook()
    _results(workbook, round)
    _scores(workbook, round)
    return exports.workbook_bytes(workbook)
