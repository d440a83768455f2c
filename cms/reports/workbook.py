"""A report as an Excel workbook (openpyxl). The whole workbook is write-only: openpyxl
streams every row to a temporary file, so memory stays flat with the number of nominations,
and write-only sheets still take native charts (`add_chart`), which reference the
summary's own cells, so they change if someone edits a figure.

Sheets (names and headers in the active language):

- Summary: title, scope, the key figures, then one table per breakdown - nominations by
  country, by category, by status, judging progress by round, pledge signatures by country -
  each with its native chart to the right (bar charts; a pie chart for the statuses; stacked
  bars for judging).
- Nominations: one row per sent nomination: reference, organisation, kind, country, category,
  status, date sent, and its measured results when it carries some (source, period, answers,
  each measure with its 95% interval). Nothing about the contact person or the nominator,
  ever, in a sponsor's workbook. The administrators' version (`scope.full`) adds the contact
  person's name, job title, email and phone, and the nominator's email.
- Results: only when a round's results are published: round, category, rank, reference,
  organisation, country, score (0-100, judge-normalised) and outcome; the administrators'
  version adds the raw mean, the spread and the completeness of judging.

Every table has a styled header row, the data sheets a frozen header row and a filter, and
every column a width and, for numbers and dates, a number format. Every cell goes through the
site's writer (awards_site/exports.py): organisation and contact names, phone numbers and
category names are text even when they start with "=" or "+", counts and scores numbers.
"""

import math

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Font, PatternFill

from awards_site import exports
from awards_site.vocabularies.countries import COUNTRY_NAMES
from cms.reports.figures import key_figures, nominations, published_results
from judging.models import Outcome
from nominations.choices import NominationStatus, OrganisationKind
from nominations.wizard import measured

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0B5D3B")
TITLE_FONT = Font(bold=True, size=14)
SECTION_FONT = Font(bold=True, size=12)
NOTE_FONT = Font(italic=True, color="555555")
WRAP = Alignment(wrap_text=True, vertical="top")
DATE_FORMAT = "yyyy-mm-dd"
SCORE_FORMAT = "0.0"
PERCENT_FORMAT = "0%"
COUNT_FORMAT = "#,##0"

# Excel's default row is 15 points high (0.53 cm); charts are sized in cm.
ROW_CM = 0.53
CHART_COLUMN = "H"
CHART_WIDTH_CM = 16


HEADER_STYLE = {"font": HEADER_FONT, "fill": HEADER_FILL, "alignment": WRAP}


def _header_cells(sheet, labels):
    return exports.header_row(sheet, labels, **HEADER_STYLE)


def _cell(sheet, value, number_format=None, font=None):
    return exports.cell(sheet, value, number_format, font=font)


class SummarySheet:
    """The write-only summary sheet, written top to bottom; `row` is the next row's number,
    which the charts need to reference the tables."""

    def __init__(self, workbook):
        self.sheet = workbook.create_sheet(exports.sheet_title(_("Summary")))
        widths = {"A": 44, "B": 14, "C": 14, "D": 14, "E": 14, "F": 14, "G": 3}
        for letter, width in widths.items():
            self.sheet.column_dimensions[letter].width = width
        self.row = 1

    def append(self, cells=()):
        self.sheet.append(list(cells))
        self.row += 1

    def text(self, value, font=None):
        self.append([_cell(self.sheet, value, font=font)])

    def table(self, title, headers, rows, formats):
        """A section title, a header row and the rows; returns (first data row, last data
        row, the section's first row)."""
        start = self.row
        self.text(title, font=SECTION_FONT)
        self.append(_header_cells(self.sheet, headers))
        first = self.row
        for values in rows:
            self.append(
                _cell(self.sheet, value, number_format)
                for value, number_format in zip(values, formats, strict=True)
            )
        return first, self.row - 1, start

    def pad_to(self, row):
        """Blank rows until `row` (so a tall chart does not cover the next table)."""
        while self.row < row:
            self.append()


def _chart_height(bars):
    return max(7.5, 1.5 + 0.55 * bars)


def _rows_for(height_cm):
    return math.ceil(height_cm / ROW_CM) + 1


def _bar_chart(sheet, title, first, last, columns=(2,), horizontal=True, stacked=False):
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    chart.style = 10
    chart.legend = None if len(columns) == 1 else chart.legend
    if stacked:
        chart.grouping = "stacked"
        chart.overlap = 100
    for column in columns:
        data = Reference(sheet, min_col=column, min_row=first - 1, max_row=last)
        chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
    if horizontal:
        chart.x_axis.scaling.orientation = "maxMin"  # the first row at the top, as in the table
    chart.y_axis.majorGridlines = None
    chart.y_axis.numFmt = "0"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.width = CHART_WIDTH_CM
    chart.height = _chart_height(last - first + 1)
    return chart


def _pie_chart(sheet, title, first, last):
    chart = PieChart()
    chart.title = title
    chart.add_data(
        Reference(sheet, min_col=2, min_row=first - 1, max_row=last), titles_from_data=True
    )
    chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
    chart.dataLabels = DataLabelList()
    chart.dataLabels.showPercent = True
    chart.width = CHART_WIDTH_CM
    chart.height = 9
    return chart


def _breakdown(summary, title, label_header, rows, chart="bar"):
    """A two-column table (label, count) with its chart; a line saying "none" when empty."""
    count_header = _("Nominations") if chart != "pledges" else _("Signatures")
    if not rows:
        summary.text(title, font=SECTION_FONT)
        summary.text(_("None yet."), font=NOTE_FONT)
        summary.append()
        return
    first, last, start = summary.table(
        title,
        [label_header, count_header],
        [(row.label, row.count) for row in rows],
        [None, COUNT_FORMAT],
    )
    sheet = summary.sheet
    if chart == "pie":
        graph = _pie_chart(sheet, title, first, last)
    else:
        graph = _bar_chart(sheet, title, first, last)
    sheet.add_chart(graph, f"{CHART_COLUMN}{start}")
    summary.pad_to(max(last + 2, start + _rows_for(graph.height) + 1))


def _summary(workbook, figures):
    scope = figures.scope
    summary = SummarySheet(workbook)
    sheet = summary.sheet
    summary.text(f"{_('Africa Public Sector CX Awards')} – {scope.cycle.name}", font=TITLE_FONT)
    summary.text(
        _("Category: %(category)s") % {"category": scope.category.name}
        if scope.category
        else _("The whole cycle, every category")
    )
    prepared = date_format(figures.generated_at, "DATETIME_FORMAT")
    if scope.full:
        summary.text(_("Full data, for administrators. Prepared on %(date)s.") % {"date": prepared})
    else:
        summary.text(
            _("Prepared for %(sponsor)s on %(date)s.")
            % {"sponsor": scope.partner or "", "date": prepared}
        )
    summary.text(
        _("Nominations sent only: drafts and withdrawn nominations are not counted."),
        font=NOTE_FONT,
    )
    summary.append()

    summary.text(_("Key figures"), font=SECTION_FONT)
    summary.append(_header_cells(sheet, [_("Figure"), _("Value")]))
    for label, value, number_format in figures.key_figures():
        summary.append([_cell(sheet, str(label)), _cell(sheet, value, number_format)])
    summary.append()

    _breakdown(summary, _("Nominations by country"), _("Country"), figures.by_country)
    _breakdown(summary, _("Nominations by category"), _("Category"), figures.by_category)
    _breakdown(summary, _("Nominations by status"), _("Status"), figures.by_status, chart="pie")
    _breakdown(
        summary,
        _("Nominations with measured results, by category"),
        _("Category"),
        [row for row in figures.measured_by_category if row.count],
    )

    title = _("Judging progress by round")
    if figures.rounds:
        first, last, start = summary.table(
            title,
            [_("Round"), _("Submitted"), _("Drafts"), _("Not started"), _("Assigned"), "%"],
            [
                (p.name, p.submitted, p.drafts, p.not_started, p.assigned, p.share_submitted)
                for p in figures.rounds
            ],
            [None, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, PERCENT_FORMAT],
        )
        graph = _bar_chart(sheet, title, first, last, columns=(2, 3, 4), stacked=True)
        graph.y_axis.title = _("Assignments")
        sheet.add_chart(graph, f"{CHART_COLUMN}{start}")
        summary.pad_to(max(last + 2, start + _rows_for(graph.height) + 1))
    else:
        summary.text(title, font=SECTION_FONT)
        summary.text(_("No judging round yet."), font=NOTE_FONT)
        summary.append()

    _breakdown(
        summary,
        _("Pledge signatures by country (whole program)"),
        _("Country"),
        figures.pledges_by_country,
        chart="pledges",
    )


class FormattedRow:
    """Turns a row of values into what a write-only sheet appends, with each column's number
    format. openpyxl writes an appended row at once, so one styled cell per formatted (number)
    column is reused row after row: a new styled cell per value would cost more than writing
    it. The other columns go through the site's writer (`exports.safe_value`)."""

    def __init__(self, sheet, formats):
        self.sheet = sheet
        self.cells = [
            _cell(sheet, 0, number_format) if number_format else None for number_format in formats
        ]

    def __call__(self, values):
        row = exports.row(self.sheet, values)
        for index, (value, cell) in enumerate(zip(values, self.cells, strict=True)):
            if cell is not None and value is not None and not isinstance(value, str):
                cell.value = value
                row[index] = cell
        return row


def _data_sheet(workbook, title, columns):
    """A write-only sheet with a frozen, styled header: columns are (label, width)."""
    return exports.data_sheet(
        workbook,
        title,
        [label for label, _width in columns],
        [width for _label, width in columns],
        **HEADER_STYLE,
    )


def _filter(sheet, columns, rows):
    exports.add_filter(sheet, len(columns), rows)


def _nominations(workbook, figures):
    scope = figures.scope
    columns = [
        (_("Reference"), 16),
        (_("Organisation"), 44),
        (_("Kind of organisation"), 30),
        (_("Country"), 22),
        (_("Category"), 32),
        (_("Status"), 18),
        (_("Sent on"), 12),
    ]
    fields = [
        "reference",
        "organisation_name",
        "organisation_kind",
        "country",
        "category_id",
        "status",
        "submitted_at",
    ]
    if scope.full:
        columns += [
            (_("Contact person"), 28),
            (_("Job title"), 28),
            (_("Contact email"), 32),
            (_("Contact phone"), 18),
            (_("Nominated by (account email)"), 32),
        ]
        fields += ["contact_name", "contact_role", "contact_email", "contact_phone"]
        fields += ["nominator__email"]
    # The frozen measured results of the citizen feedback platform (nominations/wizard/
    # measured.py), last: read from the nomination's own JSON column, no join.
    columns += [(header, 18) for header in measured.export_headers()]
    fields += ["measured_results"]
    sheet = _data_sheet(workbook, _("Nominations"), columns)
    # Labels translated once, not once per row; category names from the figures' rows (no
    # join per nomination).
    kinds = {value: str(label) for value, label in OrganisationKind.choices}
    statuses = {value: str(label) for value, label in NominationStatus.choices}
    countries = {code: str(name) for code, name in COUNTRY_NAMES.items()}
    categories = {row.key: row.label for row in figures.by_category}
    zone = timezone.get_current_timezone()
    rows = nominations(scope).order_by("reference", "pk").values_list(*fields)
    count = 0
    append = sheet.append
    safe = exports.row
    for values in rows.iterator(chunk_size=2000):
        reference, organisation, kind, country, category_id, status, submitted_at = values[:7]
        append(
            safe(
                sheet,
                [
                    reference,
                    organisation,
                    kinds.get(kind, kind),
                    countries.get(country, country),
                    categories.get(category_id, ""),
                    statuses.get(status, status),
                    # The local date; openpyxl gives a date cell the yyyy-mm-dd number format.
                    submitted_at.astimezone(zone).date() if submitted_at else None,
                    *values[7:-1],
                    *measured.export_values(values[-1]),
                ],
            )
        )
        count += 1
    _filter(sheet, columns, count)
    return count


def _results(workbook, figures):
    results = published_results(figures)
    if not results:
        return 0
    full = figures.scope.full
    columns = [
        (_("Round"), 24),
        (_("Category"), 32),
        (_("Rank"), 7),
        (_("Reference"), 16),
        (_("Organisation"), 44),
        (_("Country"), 22),
        (_("Score (0-100)"), 12),
        (_("Outcome"), 22),
    ]
    formats = [None, None, None, None, None, None, SCORE_FORMAT, None]  # ranks: General
    if full:
        columns += [(_("Raw mean (0-100)"), 12), (_("Spread"), 9), (_("Completeness"), 13)]
        formats += [SCORE_FORMAT, SCORE_FORMAT, PERCENT_FORMAT]
    sheet = _data_sheet(workbook, _("Results"), columns)
    styled = FormattedRow(sheet, formats)
    outcomes = {value: str(label) for value, label in Outcome.choices}
    countries = {code: str(name) for code, name in COUNTRY_NAMES.items()}
    count = 0
    for round_, entries in results:
        for entry in entries:
            values = [
                round_.name,
                entry.category_name,
                entry.rank,
                entry.reference,
                entry.organisation_name,
                countries.get(entry.country, entry.country or ""),
                entry.normalised,
                outcomes.get(entry.outcome, ""),
            ]
            if full:
                values += [entry.raw_mean, entry.spread, entry.completeness]
            sheet.append(styled(values))
            count += 1
    _filter(sheet, columns, count)
    return count


def report_workbook(scope, figures=None):
    """The .xlsx file of the report, as bytes."""
    figures = figures or key_figures(scope)
    workbook = exports.new_workbook()
    _summary(workbook, figures)
    _nominations(workbook, figures)
    _results(workbook, figures)
    return exports.workbook_bytes(workbook)
