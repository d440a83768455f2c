"""The Wagtail admin works under its Content Security Policy (docs/security.md, "The Wagtail
admin's exceptions"): on the main screens nothing is blocked, and what the inline scripts do
still happens (choosers open, inline panels add a row, the date picker opens); the preview
panel shows the page, which the admin may frame and nothing else may.

When a Wagtail upgrade needs more (or less), this test names the screen and the directive."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Error as PlaywrightError
from wagtail.models import Page

from tests.browser.helpers import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Every CSP violation, with what was blocked, collected in each frame of the page.
WATCH_POLICY = """
window.blockedByPolicy = [];
document.addEventListener("securitypolicyviolation", (event) => window.blockedByPolicy.push(
  `${event.effectiveDirective} blocked ${event.blockedURI} in ${event.sourceFile}`
));
"""


@pytest.fixture
def admin_page(page):
    page.context.add_init_script(WATCH_POLICY)
    sign_in(page, get_user_model().objects.get(email="admin@demo.test"), "/admin/")
    yield page
    # Leave any page editor while this test's database is still there: the editor releases its
    # editing session on the way out, and a release landing during the next test's setup (on
    # SQLite the live server shares the tests' connection) breaks that test's transaction.
    open_screen(page, "/admin/")


def blocked(page):
    found = []
    for frame in page.frames:
        try:
            found += frame.evaluate("window.blockedByPolicy || []")
        except PlaywrightError as error:
            # Wagtail drops the older of two preview iframes while we read: its successor,
            # the same page, is read too.
            if "detached" not in str(error):
                raise
    return found


def page_id(slug):
    return Page.objects.get(slug=slug, locale__language_code="en").pk


def open_screen(page, path):
    page.goto(path)
    page.wait_for_load_state("networkidle")


def test_the_main_admin_screens_need_nothing_the_policy_blocks(admin_page):
    page = admin_page
    problems = {}

    def check(screen):
        if found := blocked(page):
            problems[screen] = found

    for path in [
        "/admin/",
        "/admin/pages/",
        "/admin/images/multiple/add/",
        "/admin/documents/multiple/add/",
        "/admin/snippets/cms/partner/",
        "/admin/settings/cms/sitesettings/",
        "/admin/judging/results/",
        "/admin/judging/certificates/",
        "/admin/cycle-reports/",
        "/django-admin/",
    ]:
        open_screen(page, path)
        check(path)

    # StreamField and rich text: add a block, type in bold.
    open_screen(page, f"/admin/pages/{page_id('home')}/edit/")
    page.locator("button[title='Insert a block']").first.click()
    page.keyboard.press("Escape")
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.press("Control+b")
    page.keyboard.type("bold words")
    # Draftail sets bold as a style property (not an attribute: those are blocked).
    bold = page.locator(".public-DraftEditor-content [style*='bold']", has_text="bold words")
    assert bold.count()
    check("page editor")

    # A chooser and a date widget, both started by inline scripts.
    open_screen(page, f"/admin/pages/{page_id('kenya-huduma-centres')}/edit/")
    page.locator("input#id_date").click()
    page.locator(".xdsoft_datetimepicker:visible").wait_for()
    page.keyboard.press("Escape")
    page.locator("[data-chooser-action-choose]").first.evaluate("button => button.click()")
    page.wait_for_selector(".modal-content a[data-chooser-modal-choice]")
    check("news article editor: date picker and image chooser")

    # An inline panel, started by an inline script.
    open_screen(page, f"/admin/pages/{page_id('become-a-partner')}/edit/")
    rows = page.locator("[id$='-FORMS'] > div")
    before = rows.count()
    page.locator("button[id$='-ADD']").first.click()
    assert rows.count() == before + 1
    check("form page editor: inline panel")

    assert problems == {}


def test_the_preview_panel_shows_the_page(admin_page):
    page = admin_page
    open_screen(page, f"/admin/pages/{page_id('about')}/edit/")
    page.locator("[data-side-panel-toggle='preview']").click()
    # Wagtail loads each new preview in a second iframe, then drops the first.
    preview = page.frame_locator("iframe.w-preview__iframe").last
    assert preview.get_by_role("heading", level=1).inner_text(timeout=15_000)
    assert blocked(page) == []
