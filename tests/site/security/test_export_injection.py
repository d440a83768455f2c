"""Spreadsheet injection, as the attack (issue 13, part 2; docs/security.md, threat 2.1).

Someone with the source code and an ordinary account (a nominator, a visitor of the enquiry
form, a signatory, a judge) types text that a spreadsheet reads as a formula: `=HYPERLINK(…)`
sends the sheet's data to another site when an administrator clicks it, `=cmd|…` asks Excel to
run a program, `+1+1` and `-2+3` compute, `@SUM(1)` is Excel's other way to start a formula, and
a leading tab or carriage return hides the `=` from naive filters. The text goes through EVERY
exporter of the platform, and each file is opened twice, as an administrator's computer would:

- with openpyxl: no cell of an xlsx file is a formula (data type "f"); the hostile text comes
  back as text; numbers (scores, counts, a negative Net Promoter Score) are numbers;
- with LibreOffice (Debian's libreoffice-calc-nogui, `make office`): each xlsx converted to CSV
  (`soffice --headless --convert-to csv`, every sheet) shows every text cell exactly as
  written, nothing evaluated; each CSV opened with formula evaluation on (as Excel opens CSV)
  and saved as xlsx has no formula cell, the hostile text as text and numbers as numbers.

The exporters and the hostile world are in hostile_exports.py (`exports_of`);
test_exporters.py's `test_every_export_view_is_attacked` fails when a view that exports is added
to the URLconf without a row there, and `test_every_export_view_writes_through_the_site_writer`
when it does not write through awards_site/exports.py.

Without the guard (awards_site/exports.py: `is_formula_like` answering False, `text_cell` not
forcing a string), every exporter fails here; with Wagtail's own export methods left as Wagtail
wrote them (no `install_on_wagtail`), Wagtail's reports and redirects fail on their CSV.
"""

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from openpyxl import load_workbook

from awards_site import exports
from tests.site.security.hostile_exports import (
    export_names,
    exports_of,
    hostile_world,
)

pytestmark = pytest.mark.django_db

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
CSV_IN = "Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,false,true"
CSV_OUT = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


# Opening the files -------------------------------------------------------------------------


def _content(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _office(paths, target, filter_options, out_dir, profile):
    if not paths:
        return
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        target,
        "--outdir",
        str(out_dir),
    ]
    if filter_options:
        command[3:3] = [f"--infilter={filter_options}"]
    subprocess.run(command + [str(path) for path in paths], check=True, capture_output=True)


def _read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture(scope="module")
def exported(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every export of the hostile world, as bytes, and as LibreOffice reads each."""
    if not Path(SOFFICE).exists():
        pytest.fail(
            "LibreOffice is missing: install Debian's 'libreoffice-calc-nogui' "
            "(`make office` does, as root)."
        )
    folder = tmp_path_factory.mktemp("exports")
    User = get_user_model()
    with django_db_blocker.unblock(), transaction.atomic():
        visitor = Client()
        world = hostile_world(visitor)
        files = exports_of(world)
        clients = {}
        for number, export in enumerate(files):
            if export.user not in clients:
                clients[export.user] = Client()
                clients[export.user].force_login(User.objects.get(email=export.user))
            response = clients[export.user].get(export.url)
            assert response.status_code == 200, (export.name, response.status_code)
            export.content = _content(response)
            export.path = folder / f"export{number}.{'csv' if export.is_csv else 'xlsx'}"
            export.path.write_bytes(export.content)
        transaction.set_rollback(True)

    profile = tmp_path_factory.mktemp("office-profile")
    xlsx_out, csv_out = folder / "xlsx-as-csv", folder / "csv-as-xlsx"
    _office([e.path for e in files if not e.is_csv], CSV_OUT, None, xlsx_out, profile)
    _office([e.path for e in files if e.is_csv], "xlsx", CSV_IN, csv_out, profile)
    for export in files:
        if export.is_csv:
            export.office = {"book": load_workbook(csv_out / f"{export.path.stem}.xlsx")}
        else:
            export.office = {
                sheet.name.removeprefix(f"{export.path.stem}-").removesuffix(".csv"): _read_csv(
                    sheet
                )
                for sheet in xlsx_out.glob(f"{export.path.stem}-*.csv")
            }
    return {export.name: export for export in files}


def _same(text):
    """What a spreadsheet keeps of a text: a carriage return is a line break once read."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# The attack, file by file --------------------------------------------------------------------


@pytest.mark.parametrize("name", [n for n in export_names() if not n.endswith("(CSV)")])
def test_no_xlsx_cell_is_a_formula_and_hostile_text_stays_text(exported, name):
    export = exported[name]
    book = load_workbook(io.BytesIO(export.content))
    texts, numbers = set(), []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (name, sheet.title, cell.coordinate, cell.value)
                if cell.data_type == "s" and cell.value is not None:
                    texts.add(_same(cell.value))
                elif cell.data_type == "n" and cell.value is not None:
                    numbers.append(cell.value)
    for payload in export.payloads:
        assert _same(payload) in texts, (name, payload)
    for number in export.numbers:
        assert number in numbers, (name, number)


@pytest.mark.parametrize("name", [n for n in export_names() if not n.endswith("(CSV)")])
def test_libreoffice_shows_every_xlsx_text_as_written(exported, name):
    export = exported[name]
    book = load_workbook(io.BytesIO(export.content))
    assert set(export.office) == {sheet.title for sheet in book.worksheets}, export.office.keys()
    shown = set()
    for sheet in book.worksheets:
        office = export.office[sheet.title]
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type != "s" or cell.value in (None, ""):
                    continue
                seen = office[cell.row - 1][cell.column - 1]
                assert _same(seen) == _same(cell.value), (name, sheet.title, cell.coordinate)
                shown.add(_same(seen))
    for payload in export.payloads:
        assert _same(payload) in shown, (name, payload)


NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@pytest.mark.parametrize("name", [n for n in export_names() if n.endswith("(CSV)")])
def test_no_csv_field_starts_a_formula(exported, name):
    export = exported[name]
    assert export.content.startswith(b"\xef\xbb\xbf"), "a UTF-8 BOM, for Excel"
    fields = [value for row in _read_csv(export.path) for value in row]
    for value in fields:
        if exports.is_formula_like(value):
            assert NUMBER.match(value), (name, value)  # only a number may start with "-"
    for payload in export.payloads:
        assert "'" + payload in fields, (name, payload)


@pytest.mark.parametrize("name", [n for n in export_names() if n.endswith("(CSV)")])
def test_libreoffice_evaluates_no_csv_field(exported, name):
    """Opened with formula evaluation on (as Excel opens a CSV): no formula, hostile text as
    text (with the apostrophe that marks it), numbers as numbers."""
    export = exported[name]
    texts, numbers = set(), []
    for sheet in export.office["book"].worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (name, cell.coordinate, cell.value)
                if cell.data_type == "s":
                    texts.add(_same(cell.value))
                elif cell.data_type == "n":
                    numbers.append(cell.value)
    for payload in export.payloads:
        assert _same("'" + payload) in texts, (name, payload)
    for number in export.numbers:
        assert number in numbers, (name, number)
