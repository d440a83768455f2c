"""The agency dashboard's figures as files, through the site's writer (awards_site/exports.py:
text is never a formula, numbers stay numbers): a CSV with one row per service point for the
period and one per point and month, and an xlsx workbook with the same tables and a chart of
the agency's monthly answers and % satisfied. openpyxl is imported by `workbook` only (a web
worker that serves pages never loads it)."""

from django.utils.text import slugify
from django.utils.translation import gettext as _

from awards_site import exports
from feedback.measures import measures
from feedback.results import SUMS, months_in
from feedback.staff.figures import point_months


def _figure_columns():
    columns = []
    # xgettext:no-python-format
    for title in (_("% satisfied"), _("CES"), _("Resolved %"), _("NPS")):
        columns += [title, _("%(measure)s, low") % {"measure": title}]
        columns += [_("%(measure)s, high") % {"measure": title}]
    return columns


def header():
    return [_("Service point"), _("Code"), _("Month"), _("Answers"), *_figure_columns()]


def _figures(measures_):
    values = []
    for name in ("satisfied", "effort", "resolved", "nps"):
        figure = getattr(measures_, name)
        values += (
            [None, None, None]
            if figure is None
            else [
                round(figure.value, 1),
                round(figure.low, 1),
                round(figure.high, 1),
            ]
        )
    return values


def rows(board):
    """The agency's row and each point's for the period (month "all"), then each point's by
    month."""
    whole = _("whole period")
    yield [board.agency.name, "", whole, board.total.n, *_figures(board.total)]
    for item in board.points:
        yield [item.point.name, item.point.code, whole, item.measures.n, *_figures(item.measures)]
    by_month = point_months(board.agency, board.period)
    months = months_in(board.period.first, board.period.last)
    for item in board.points:
        for month in months:
            sums = by_month.get((item.point.pk, month), {})
            figures = measures(**{name: sums.get(name) for name in SUMS})
            yield [
                item.point.name,
                item.point.code,
                month.strftime("%Y-%m"),
                figures.n,
                *_figures(figures),
            ]


def filename(board, extension):
    period = f"{board.period.first:%Y-%m}-{board.period.last:%Y-%m}"
    return f"{slugify(board.agency.slug)}-feedback-{period}.{extension}"


def csv_content(board):
    return "".join(exports.csv_lines(header(), rows(board))).encode("utf-8")


def workbook(board):
    """The xlsx file's bytes: "Months" (the agency's answers and % satisfied by month, with a
    chart) and "Figures" (the CSV's rows)."""
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.styles import Font

    bold = Font(bold=True)
    book = exports.new_workbook()
    months = exports.data_sheet(
        book,
        _("Months"),
        # xgettext:no-python-format
        [_("Month"), _("Answers"), _("% satisfied")],
        widths=[16, 12, 14],
        font=bold,
    )
    for item in board.months:
        satisfied = item.measures.satisfied
        months.append(
            exports.row(
                months,
                [
                    item.month.strftime("%Y-%m"),
                    item.measures.n,
                    None if satisfied is None else round(satisfied.value, 1),
                ],
            )
        )
    last = len(board.months) + 1
    answers = BarChart()
    # xgettext:no-python-format
    answers.title = _("Answers and % satisfied by month")
    answers.y_axis.title = _("Answers")
    answers.add_data(Reference(months, min_col=2, min_row=1, max_row=last), titles_from_data=True)
    answers.set_categories(Reference(months, min_col=1, min_row=2, max_row=last))
    satisfied = LineChart()
    satisfied.add_data(Reference(months, min_col=3, min_row=1, max_row=last), titles_from_data=True)
    satisfied.y_axis.axId = 200
    # xgettext:no-python-format
    satisfied.y_axis.title = _("% satisfied")
    satisfied.y_axis.crosses = "max"
    answers += satisfied
    answers.width, answers.height = 22, 9
    months.add_chart(answers, "E2")

    titles = header()
    figures = exports.data_sheet(book, _("Figures"), titles, widths=[36, 10, 14], font=bold)
    count = 0
    for values in rows(board):
        figures.append(exports.row(figures, values))
        count += 1
    exports.add_filter(figures, len(titles), count)
    return exports.workbook_bytes(book)
