"""Every exporter is attacked and writes through the site's writer: a view that can download a
spreadsheet and is missing from hostile_exports.py, or writes around awards_site/exports.py,
fails here, as does any other module making a workbook or a CSV writer. And the fields that
are numbers (the nomination's contact phone, the site's) accept only numbers.
"""

import re
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.forms.models import FormMixin
from wagtail.models import Page

from awards_site import exports
from cms.models import EnquiryFormPage
from nominations.models import Nomination
from nominations.wizard.forms import ContactStepForm
from tests.site.security.hostile_exports import (
    AT,
    EQUALS,
    HYPERLINK,
    MINUS,
    PHONE,
    PLUS,
    StubWorld,
    exports_of,
)

pytestmark = pytest.mark.django_db


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
    attacked = {re.sub(r"\?.*", "", export.url) for export in exports_of(StubWorld())}
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

    root = Path(__file__).resolve().parents[3]
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
