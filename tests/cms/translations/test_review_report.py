"""The editors' report "Translations awaiting review" (cms/translations/review.py): the report
as an editor reads and exports it, "Mark reviewed", and, written as the attacks of someone who
has the source code and an ordinary account, who may not read the report or mark a page.

The report's strings come from the real catalogues in the demo test; elsewhere from small
catalogues of the test's own (`small_catalogues`), so that reviewing the real strings one day
changes none of these tests."""

import csv
import io
import math

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from openpyxl import load_workbook
from wagtail.models import GroupPagePermission, Page

from cms.translations import catalogues
from cms.translations.models import ReviewedTranslation
from cms.translations.review import review_rows
from tests.cms.translations.catalogue_samples import HEADER, write_catalogue
from tests.factories.accounts import GroupFactory, UserFactory
from tests.pages import page_text

REPORT = "/admin/reports/translations-to-review/"
RESULTS = "/admin/reports/translations-to-review/results/"
PER_PAGE = 100  # TranslationReviewReportView.paginate_by

# The demo's pages in the draft languages (cms/demo/content_pt_ar.py): slug, language, title.
DEMO_PAGES = [
    ("inicio", "Portuguese", "Início"),
    ("sobre", "Portuguese", "Sobre o programa"),
    ("premios-cx", "Portuguese", "Os Prémios CX"),
    ("al-raisiya", "Arabic", "الصفحة الرئيسية"),
    ("an-al-barnamaj", "Arabic", "عن البرنامج"),
    ("jawaiz-tajribat-al-mutaamilin", "Arabic", "جوائز تجربة المتعاملين"),
]

# The report as an editor reads it --------------------------------------------------------------


def numbered_catalogue(count, language, word):
    """A catalogue of `count` strings awaiting review, "String 001" to "String <count>"."""
    return HEADER + "".join(
        f'\n# awaiting native review\n#: app/module.py:{number}\nmsgid "String {number:03}"\n'
        f'msgstr "{word} {number:03}"\n'
        for number in range(1, count + 1)
    )


@pytest.fixture
def small_catalogues(locale_dir):
    """150 Portuguese strings awaiting review and 3 Arabic ones: with the demo's 6 pages, two
    pages of report."""
    write_catalogue(locale_dir, "pt", numbered_catalogue(150, "pt", "Cadeia"))
    write_catalogue(locale_dir, "ar", numbered_catalogue(3, "ar", "سلسلة"))
    return locale_dir


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def demo_page(slug):
    return Page.objects.get(slug=slug)


def mark_url(page):
    return f"/admin/reports/translations-to-review/{page.pk}/reviewed/"


def words(text):
    return " ".join(text.split())


@pytest.mark.django_db
def test_editors_find_the_report_with_the_demo_pages_and_strings(editor_client, editor):
    assert REPORT in editor_client.get("/admin/").content.decode()  # Reports ▸ ...
    response = editor_client.get(REPORT)
    assert response.status_code == 200
    body, text = response.content.decode(), page_text(response)
    assert "Translations awaiting review" in text
    for slug, language, title in DEMO_PAGES:
        assert f"Page {language} {title} {title} Mark reviewed" in text
        assert f'href="{mark_url(demo_page(slug))}"' in body
    # The real catalogues' strings follow the pages, Portuguese first.
    waiting = catalogues.awaiting_review()
    assert {entry.language for entry in waiting} == {"pt", "ar"}
    shown = next(e for e in waiting[:90] if "<" not in e.msgid + e.msgstr)
    assert f"Interface text Portuguese {words(shown.msgid)} {words(shown.msgstr)}" in text
    # A string has nothing to do in the admin: its cell is empty, not "(blank)".
    assert "(blank)" not in text
    rows = review_rows(editor)
    assert len(rows) == len(DEMO_PAGES) + len(waiting)
    assert f"Page 1 of {math.ceil(len(rows) / PER_PAGE)}" in text


@pytest.mark.django_db
def test_the_report_pages_through_its_rows(editor_client, small_catalogues):
    first, second = editor_client.get(REPORT), editor_client.get(REPORT, {"p": 2})
    assert first.status_code == second.status_code == 200
    first, second = page_text(first), page_text(second)
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    # 6 pages and the strings 1 to 94 on the first page, 95 to 150 and the Arabic ones after.
    assert "String 094 Cadeia 094" in first and "String 095" not in first
    assert "String 095 Cadeia 095" in second and "String 150 Cadeia 150" in second
    assert "String 094" not in second and "Sobre o programa" not in second
    assert "Interface text Arabic String 003 سلسلة 003" in second
    # The results alone (what the report's filters and pager fetch) page the same way.
    results = page_text(editor_client.get(RESULTS, {"p": 2}))
    assert "String 095 Cadeia 095" in results and "String 094" not in results


@pytest.mark.django_db
def test_the_report_exports_every_row_as_csv_and_xlsx(editor_client, small_catalogues):
    response = editor_client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0] == ["What", "Language", "Original", "Translation", "Where"]
    assert len(rows) == 1 + 6 + 150 + 3  # every row, not one page of them
    assert ["Page", "Portuguese", "Sobre o programa", "Sobre o programa", "/inicio/sobre/"] in rows
    assert ["Interface text", "Portuguese", "String 150", "Cadeia 150", "app/module.py:150"] in rows
    assert ["Interface text", "Arabic", "String 002", "سلسلة 002", "app/module.py:2"] in rows

    response = editor_client.get(REPORT, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert cells[0] == ["What", "Language", "Original", "Translation", "Where"]
    assert len(cells) == len(rows)
    assert ["Page", "Arabic", "عن البرنامج", "عن البرنامج", "/al-raisiya/an-al-barnamaj/"] in cells
    assert ["Interface text", "Portuguese", "String 001", "Cadeia 001", "app/module.py:1"] in cells


# Mark reviewed ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_mark_reviewed_asks_first_then_marks_the_page(editor_client, editor, demo_admin):
    page = demo_page("sobre")
    response = editor_client.get(mark_url(page))
    assert response.status_code == 200
    text = page_text(response)
    assert "Mark a translation reviewed" in text and "Sobre o programa" in text
    assert "Portuguese" in text and "Mark it reviewed once a native speaker" in text
    assert '<form method="post" action="">' in response.content.decode()
    assert not ReviewedTranslation.objects.filter(page=page).exists()  # a GET changes nothing

    # What the form sends is only the CSRF token: a reviewer named in the request is ignored.
    response = editor_client.post(mark_url(page), {"reviewed_by": demo_admin.pk}, follow=True)
    assert response.redirect_chain == [(REPORT, 302)]
    text = page_text(response)
    assert "“Sobre o programa” is marked reviewed: it is no longer a draft translation." in text
    review = ReviewedTranslation.objects.get(page=page)
    assert review.reviewed_by == editor
    assert f'href="{mark_url(page)}"' not in response.content.decode()  # it left the report
    assert page not in [row.page for row in review_rows(editor)]
    assert "Os Prémios CX" in text  # the others stay

    # Asked again, the confirmation says it is done, and a second POST changes nothing.
    again = editor_client.get(mark_url(page))
    assert "This translation was already marked reviewed on" in page_text(again)
    editor_client.post(mark_url(page))
    assert list(ReviewedTranslation.objects.filter(page=page)) == [review]
    assert ReviewedTranslation.objects.get(page=page).reviewed_at == review.reviewed_at


# Attacks: who may not read the report or mark a page ------------------------------------------


def refused(response):
    """Wagtail sends a signed-in person without admin access to its log-in page, and one with
    admin access but not this permission home with a message (wagtail.admin.auth); 403 or 404
    are refusals too."""
    if response.status_code == 302:
        return response["Location"].split("?")[0] in ("/admin/login/", "/admin/")
    return response.status_code in (403, 404)


def get_report(client):
    return client.get(REPORT)


def get_results(client):
    return client.get(RESULTS)


def get_export(client):
    return client.get(REPORT, {"export": "csv"})


def post_mark_portuguese(client):
    return client.post(mark_url(demo_page("sobre")))


def get_mark_portuguese(client):
    return client.get(mark_url(demo_page("sobre")))


REQUESTS = [get_report, get_results, get_export, get_mark_portuguese, post_mark_portuguese]


def nothing_marked():
    return not ReviewedTranslation.objects.exists()


@pytest.fixture
def admin_without_pages(db):
    """Someone with access to the admin (to manage partners, say) but no permission on any
    page: what the report's own check (not Wagtail's admin access) refuses."""
    group = GroupFactory(permissions=["access_admin", "change_partner"])
    return UserFactory(groups=[group.name])


@pytest.mark.django_db
@pytest.mark.parametrize("request_", REQUESTS, ids=lambda request_: request_.__name__)
@pytest.mark.parametrize("email", ["nominator@demo.test", "judge1@demo.test", "sponsor@demo.test"])
def test_nominators_judges_and_sponsors_are_kept_out(client, email, request_):
    """Stopped by Wagtail's admin access before the report's own checks: they hold no
    `wagtailadmin.access_admin`."""
    client.force_login(get_user_model().objects.get(email=email))
    response = request_(client)
    assert refused(response)
    assert response.status_code != 302 or response["Location"].startswith("/admin/login/")
    assert nothing_marked()


@pytest.mark.django_db
@pytest.mark.parametrize("request_", REQUESTS, ids=lambda request_: request_.__name__)
def test_admin_access_without_page_permissions_is_refused(client, admin_without_pages, request_):
    client.force_login(admin_without_pages)
    response = request_(client)
    assert refused(response), response.status_code
    assert "Interface text" not in response.content.decode(errors="replace")
    assert nothing_marked()


@pytest.fixture
def section_editor(db):
    """An editor of the Portuguese "About the program" page only (its tree): Wagtail's page
    permissions, given on part of the tree."""
    group = GroupFactory(permissions=["access_admin"])
    change = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    GroupPagePermission.objects.create(group=group, page=demo_page("sobre"), permission=change)
    return UserFactory(groups=[group.name])


@pytest.mark.django_db
def test_an_editor_of_part_of_the_tree_sees_only_its_pages(client, section_editor):
    client.force_login(section_editor)
    response = client.get(REPORT)
    assert response.status_code == 200
    body = response.content.decode()
    assert f'href="{mark_url(demo_page("sobre"))}"' in body
    for slug, _language, _title in DEMO_PAGES:
        if slug == "sobre":
            continue
        assert f'href="{mark_url(demo_page(slug))}"' not in body
    assert [row.page.slug for row in review_rows(section_editor) if row.page] == ["sobre"]


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_editor_of_part_of_the_tree_cannot_mark_another_page(client, section_editor, method):
    client.force_login(section_editor)
    other = demo_page("premios-cx")
    assert refused(getattr(client, method)(mark_url(other)))
    assert nothing_marked()
    # Their own page they may mark.
    client.post(mark_url(demo_page("sobre")))
    assert list(ReviewedTranslation.objects.values_list("page__slug", flat=True)) == ["sobre"]


@pytest.mark.django_db
def test_an_english_page_or_a_french_one_cannot_be_marked(editor_client):
    """Only the draft languages' pages are drafts: the editor may edit these pages, but marking
    one would record a review that means nothing (and hide nothing)."""
    for page in (
        Page.objects.get(slug="about", locale__language_code="en"),
        Page.objects.filter(locale__language_code="fr", depth__gt=2, alias_of__isnull=True).first(),
    ):
        assert editor_client.get(mark_url(page)).status_code == 404
        assert editor_client.post(mark_url(page)).status_code == 404
    assert nothing_marked()


@pytest.mark.django_db
def test_an_alias_cannot_be_marked(editor_client):
    """A Portuguese alias shows the English page: there is nothing of its own to review."""
    alias = Page.objects.filter(locale__language_code="pt", alias_of__isnull=False).first()
    assert editor_client.post(mark_url(alias)).status_code == 404
    assert nothing_marked()


@pytest.mark.django_db
def test_a_get_from_another_site_marks_nothing(editor_client):
    """A link or image on another site that makes an editor's browser ask for the address:
    GET only shows the confirmation."""
    page = demo_page("premios-cx")
    assert editor_client.get(mark_url(page)).status_code == 200
    assert editor_client.get(mark_url(page), {"confirm": "1"}).status_code == 200
    assert nothing_marked()


@pytest.mark.django_db
def test_a_post_from_another_site_without_the_csrf_token_marks_nothing(editor):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    response = browser.post(mark_url(demo_page("premios-cx")))
    assert response.status_code == 403
    assert nothing_marked()
