"""The one writer of every spreadsheet and CSV file the platform exports: the sponsor and cycle
workbooks (cms/reports/workbook.py), the judging results (judging/results/export.py), the admin
lists'
downloads (our viewsets through `SpreadsheetExport`, Wagtail's own reports through the same
functions, installed by `install_on_wagtail`).

Safe to open, whoever typed the text (OWASP, "CSV injection"):

- Text is always written as text. A value that starts with ``=``, ``+``, ``-``, ``@``, a tab or
  a carriage return is what Excel and LibreOffice read as a formula (``=HYPERLINK(…)`` sends
  the sheet's data away when clicked, ``-2+3`` computes). In CSV such a value gets a leading
  apostrophe (``'=1+1``), which spreadsheets show as text; in xlsx it is a string cell (never
  openpyxl's formula type ``"f"``) with Excel's *quote prefix*, so that editing the cell does not
  turn it into a formula either. Excel's error words (``#N/A``) stay text too.
- Numbers stay numbers and dates stay dates: a score can be summed, a date sorted. Only text
  is guarded, so a negative Net Promoter Score is the number -20, not the text "'-20".
- Characters an xlsx file cannot hold (control characters) are left out instead of failing the
  whole download.

Readable, as people read the admin:

- dates and times in the site's time zone (`TIME_ZONE`), to the minute; "Yes" and "No" for
  booleans; lists joined with commas; lazy translations and model objects as their text;
- CSV in UTF-8 with a byte order mark, so Excel opens French and accented names correctly.
  Labels instead of codes are the callers' part (they know the vocabulary); `SpreadsheetExport`
  does it for model fields with choices.

The parts:

    plain(value)                      a value as the files write it
    is_formula_like(text)             the rule above
    csv_field, csv_row, csv_lines     CSV cells, rows, the lines of a file with its BOM
    new_workbook, text_cell, cell,    xlsx: a write-only workbook, cells, rows of safe values,
    row, header_row, data_sheet,      a data sheet with its styled, frozen header and widths,
    add_filter, sheet_title,          its filter, a name Excel accepts, the file as bytes
    workbook_bytes
    xlsx_response                     a download (attachment, not kept by shared caches)
    attachment_response               the same for any other file (the report kinds' PDF)
    SpreadsheetExport                 Wagtail's SpreadsheetExportMixin through this writer
"""

import csv
import datetime
import re
from decimal import Decimal
from io import BytesIO

from django.db import models
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import Promise, cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# openpyxl is imported by the functions that write xlsx, not here: every web worker imports this
# module at start (Wagtail's downloads are patched in apps.py) and almost none writes a workbook,
# so a worker that serves pages never loads it (tests/site/test_light_workers.py).

# What spreadsheets read as the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_GUARD = "'"
BOM = "\ufeff"

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
TIME_FORMAT = "hh:mm"
CSV_DATETIME = "%Y-%m-%d %H:%M"

# Excel's limit on a sheet's name, and the characters it refuses there.
SHEET_TITLE_LENGTH = 31
SHEET_TITLE_REFUSED = re.compile(r"[\[\]:*?/\\]")


# Values ----------------------------------------------------------------------------------------


def to_the_minute(value):
    """A datetime as a naive one in the site's time zone, seconds dropped (aware values are
    converted; naive ones are taken as already local)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None, second=0, microsecond=0)


def plain(value):
    """`value` as the files write it: None, str, bool-free numbers, dates, naive local datetimes
    to the minute, or times; everything else becomes its text."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, (int, float, Decimal)):
        return value
    if isinstance(value, datetime.datetime):
        return to_the_minute(value)
    if isinstance(value, (datetime.date, datetime.time)):
        if isinstance(value, datetime.time):
            return value.replace(second=0, microsecond=0, tzinfo=None)
        return value
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(_text(plain(item)) for item in value if item not in (None, ""))
    return str(value)


def is_formula_like(text):
    """Whether a spreadsheet would read `text` as a formula."""
    return bool(text) and text.startswith(FORMULA_STARTS)


def _text(value):
    """A plain value as the text of a CSV cell (without the guard)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Decimal):
        # 78, not 78.0; 4.5 stays 4.5; never an exponent.
        value = value.normalize()
        return format(value, "f")
    if isinstance(value, datetime.datetime):
        return value.strftime(CSV_DATETIME)
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


# CSV -------------------------------------------------------------------------------------------


def csv_field(value):
    """The text of a CSV cell: numbers and dates as they are, text never a formula."""
    value = plain(value)
    if isinstance(value, str):
        return CSV_GUARD + value if is_formula_like(value) else value
    return _text(value)


def csv_row(values):
    return [csv_field(value) for value in values]


class _Line:
    """A file-like object whose write returns what was written (one CSV line at a time)."""

    def write(self, value):
        return value


def csv_lines(header, rows):
    """The lines of a CSV file as str chunks: the BOM, the header, then each row."""
    writer = csv.writer(_Line())
    yield BOM + writer.writerow(csv_row(header))
    for values in rows:
        yield writer.writerow(csv_row(values))


# XLSX ------------------------------------------------------------------------------------------


def new_workbook():
    """A write-only workbook: rows stream to a temporary file, memory stays flat."""
    from openpyxl import Workbook

    return Workbook(write_only=True)


def sheet_title(title):
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    return SHEET_TITLE_REFUSED.sub(" ", str(title))[:SHEET_TITLE_LENGTH]


def _clean(text):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", text)


# The starts of text that `row` hands to `safe_value`: formulas, and Excel's error words.
_CELL_NEEDED = (*FORMULA_STARTS, "#")


def text_cell(sheet, text):
    """A string cell, whatever the text starts with."""
    from openpyxl.cell.cell import ERROR_CODES, WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=None)
    cell._value = text
    cell.data_type = "s"
    if is_formula_like(text) or text in ERROR_CODES:
        # Excel's "quote prefix": shown and kept as text, also once someone edits the cell.
        cell.quotePrefix = True
    return cell


def _needs_cell(text):
    """Whether openpyxl would store `text` as something other than plain text."""
    from openpyxl.cell.cell import ERROR_CODES

    return is_formula_like(text) or (text.startswith("#") and text in ERROR_CODES)


def safe_value(sheet, item):
    """What a write-only row takes for `item`: the value itself (openpyxl writes numbers, dates
    and ordinary text as they are, the fastest path), or a cell for text that openpyxl would
    otherwise store as a formula or an error, and for datetimes (their format to the minute)."""
    item = plain(item)
    if isinstance(item, str):
        item = _clean(item)
        return text_cell(sheet, item) if _needs_cell(item) else item
    if isinstance(item, datetime.datetime):
        return cell(sheet, item, DATETIME_FORMAT)
    return item


def cell(sheet, value, number_format=None, *, font=None, fill=None, alignment=None):
    """A styled cell holding `value` safely (text as text, numbers and dates as such)."""
    from openpyxl.cell.cell import WriteOnlyCell

    value = plain(value)
    if isinstance(value, str):
        made = text_cell(sheet, _clean(value))
    else:
        made = WriteOnlyCell(sheet, value=value)
        if isinstance(value, datetime.datetime) and number_format is None:
            number_format = DATETIME_FORMAT
        elif isinstance(value, datetime.date) and number_format is None:
            number_format = DATE_FORMAT
        if number_format and value is not None:
            made.number_format = number_format
    if font is not None:
        made.font = font
    if fill is not None:
        made.fill = fill
    if alignment is not None:
        made.alignment = alignment
    return made


# Values openpyxl writes as they are (the fast path of `row`).
_AS_THEY_ARE = (int, float, Decimal, datetime.date, type(None))


def row(sheet, values):
    """A row of values for `sheet.append`, each safe (see `safe_value`). Ordinary text, numbers
    and dates pass as they are (the common case, kept cheap for sheets of many rows)."""
    made = []
    for item in values:
        if type(item) is str:
            # Text with characters xlsx cannot hold is among the unprintable (safe_value
            # cleans it): a test that needs no openpyxl, whose import here would cost every row.
            if item.startswith(_CELL_NEEDED) or not item.isprintable():
                item = safe_value(sheet, item)
        elif type(item) in _AS_THEY_ARE and type(item) is not datetime.datetime:
            pass
        else:
            item = safe_value(sheet, item)
        made.append(item)
    return made


def header_row(sheet, labels, *, font=None, fill=None, alignment=None):
    return [cell(sheet, label, font=font, fill=fill, alignment=alignment) for label in labels]


def data_sheet(workbook, title, labels, widths=None, **header_style):
    """A write-only sheet with its header row written and frozen, and its column widths."""
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(sheet_title(title))
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths or (), start=1):
        if width:
            sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.append(header_row(sheet, labels, **header_style))
    return sheet


def add_filter(sheet, columns, rows):
    """Excel's filter over the header and `rows` data rows of `columns` columns."""
    from openpyxl.utils import get_column_letter

    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows + 1}"


def workbook_bytes(workbook):
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def attachment_response(filename, content, content_type):
    """A download of `content` (bytes), never kept by a shared cache."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, private=True, no_cache=True, max_age=0)
    return response


def xlsx_response(filename, content):
    """An xlsx download of `content` (bytes), never kept by a shared cache."""
    return attachment_response(filename, content, XLSX_CONTENT_TYPE)


# Wagtail's list and report downloads ---------------------------------------------------------


def _export_value(view, field, value, export_format):
    """A field's value before the writer: only a view's own per-field preparation applies
    (`custom_field_preprocess`, which Wagtail's reports use to name actions and page types).
    Wagtail's per-type defaults (`custom_value_preprocess`: datetimes to UTC, lists joined) are
    the writer's job here."""
    preprocess = view.custom_field_preprocess.get(field, {}).get(export_format)
    return preprocess(value) if preprocess else value


def _headings(view, queryset):
    return [view.get_heading(queryset, field) for field in view.list_export]


def _stream_csv(self, queryset):
    """SpreadsheetExportMixin.stream_csv through the writer: BOM, safe cells, local dates."""
    rows = (
        [
            _export_value(self, field, value, self.FORMAT_CSV)
            for field, value in self.to_row_dict(item).items()
        ]
        for item in queryset
    )
    for line in csv_lines(_headings(self, queryset), rows):
        yield line.encode("utf-8")


def _write_csv_row(self, writer, row_dict):
    return writer.writerow(
        {
            field: csv_field(_export_value(self, field, value, self.FORMAT_CSV))
            for field, value in row_dict.items()
        }
    )


def _generate_xlsx_row(self, worksheet, row_dict, date_format=None):
    for field, item in row_dict.items():
        yield cell(worksheet, _export_value(self, field, item, self.FORMAT_XLSX))


def _write_xlsx(self, queryset, output):
    """SpreadsheetExportMixin.write_xlsx through the writer."""
    workbook = new_workbook()
    sheet = workbook.create_sheet(sheet_title(self.get_filename()))
    sheet.append(header_row(sheet, _headings(self, queryset)))
    for item in queryset:
        sheet.append(list(self.generate_xlsx_row(sheet, self.to_row_dict(item))))
    workbook.save(output)


def _write_csv_response(self, queryset):
    response = StreamingHttpResponse(self.stream_csv(queryset), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
    return response


# The writer's part of SpreadsheetExportMixin: written without super() so that the same
# functions serve our views (SpreadsheetExport) and Wagtail's own (install_on_wagtail).
WRITER_METHODS = {
    "stream_csv": _stream_csv,
    "write_csv_row": _write_csv_row,
    "generate_xlsx_row": _generate_xlsx_row,
    "write_xlsx": _write_xlsx,
    "write_csv_response": _write_csv_response,
}


def _label(item, field, value):
    """The label of a model field with choices (get_FOO_display), else the value."""
    if "." in field or not isinstance(item, models.Model):
        return value
    try:
        model_field = item._meta.get_field(field)
    except Exception:  # a method or property named in list_export
        return value
    if getattr(model_field, "choices", None) and not model_field.many_to_many:
        return getattr(item, f"get_{field}_display")()
    return value


class SpreadsheetExport:
    """Wagtail's SpreadsheetExportMixin as the site's admin lists export: through the writer
    above (text as text, local dates to the minute, CSV with its BOM), labels instead of
    codes, and the two downloads among the list's visible header buttons rather than in the
    ⋯ menu. Put it first in a view's bases: `class IndexView(SpreadsheetExport, IndexView)`."""

    stream_csv = _stream_csv
    write_csv_row = _write_csv_row
    generate_xlsx_row = _generate_xlsx_row
    write_xlsx = _write_xlsx
    write_csv_response = _write_csv_response

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        return {field: _label(item, field, value) for field, value in row.items()}

    @cached_property
    def export_buttons(self):
        from wagtail.admin.widgets.button import HeaderButton

        return [
            HeaderButton(
                _("Download Excel (XLSX)"), url=self.xlsx_export_url, icon_name="download"
            ),
            HeaderButton(_("Download CSV"), url=self.csv_export_url, icon_name="download"),
        ]

    def _is_export_button(self, button):
        return getattr(button, "url", None) in (self.xlsx_export_url, self.csv_export_url)

    def get_header_more_buttons(self):
        return [b for b in super().get_header_more_buttons() if not self._is_export_button(b)]

    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        if not self.show_export_buttons:
            return buttons
        from wagtail.admin.widgets.button import ButtonWithDropdown

        # Before the ⋯ menu, when there is one.
        position = next(
            (i for i, b in enumerate(buttons) if isinstance(b, ButtonWithDropdown)), len(buttons)
        )
        return [*buttons[:position], *self.export_buttons, *buttons[position:]]


def install_on_wagtail():
    """Make Wagtail's own downloads (its reports: locked pages, aging pages, site history,
    workflows, page types; redirects; any list that exports) write through this module.

    This is a patch, applied once in AwardsSiteConfig.ready, because there is no hook: Wagtail
    builds those views from its own admin URLconf (wagtail/admin/urls/reports.py,
    wagtail/contrib/redirects), with no setting or viewset attribute to give them another
    class; URLs added through `register_admin_urls` come after Wagtail's own, so they cannot
    take those addresses; and answering those addresses from the project's URLconf first would
    bypass the decorators Wagtail puts on its admin URLs (require_admin_access, never_cache, its
    404 page), which we would then have to copy and keep in step. Only the writer's methods are
    replaced (the functions our views use too, which call no super()); what each report shows
    stays Wagtail's. `tests/site/security/test_export_injection.py` sends hostile text through every
    report, and checks that every view in the URLconf that exports writes through here."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    for name, function in WRITER_METHODS.items():
        setattr(SpreadsheetExportMixin, name, function)


def writes_safely(view_class):
    """Whether a Wagtail export view writes through this module (for the tests)."""
    return all(getattr(view_class, name, None) is f for name, f in WRITER_METHODS.items())
