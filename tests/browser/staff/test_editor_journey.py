"""The demo editor's journey through the Wagtail admin (docs/editors.md), signed in as
`make run` creates them (editor@demo.test, in the Editors group, not a superuser):

creates a news article under News, previews it, publishes it and sees it live; translates it
into French (the Translate action), edits and publishes the French page and sees it live under
/fr/; changes the English page and finds it in the report of translations to update; schedules
another change; converts a French alias (made by the synced page tree) into a translation of
its own; unpublishes a page; opens the partners and the images. axe-core finds no violation on
any screen the journey visits, admin screens included.

With EDITOR_SCREENSHOTS set to a folder (`make screenshots`: docs/img/editors), the journey also
writes the guide's screenshots there. On PostgreSQL the live server commits what it writes: the
journey's pages have slugs of their own, so it can run again."""

import os
import re
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone
from django.utils.text import slugify
from playwright.sync_api import expect
from wagtail.models import Page

from tests.browser.helpers import (
    axe_violations,
    continue_past_wagtails_conflict_with_itself,
    save_screenshot,
    sign_in,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SHOTS = os.environ.get("EDITOR_SCREENSHOTS")


class Journey:
    """Checks every screen with axe-core and, when asked, keeps a screenshot of it."""

    def __init__(self, page):
        self.page = page
        self.violations = {}

    def check(self, screen):
        self.page.wait_for_load_state("networkidle")
        if found := axe_violations(self.page):
            self.violations[screen] = found

    def shot(self, name, *regions):
        if SHOTS:
            save_screenshot(self.page, Path(SHOTS) / f"{name}.png", *regions)

    def go(self, path, screen):
        self.page.goto(path)
        self.check(screen)

    def click_and_wait(self, locator):
        with self.page.expect_navigation():
            locator.click()
            continue_past_wagtails_conflict_with_itself(self.page)
        self.page.wait_for_load_state("networkidle")

    def message(self):
        return self.page.locator(".messages").inner_text()

    def more_actions(self, action):
        """The footer's menu of the page editor: Publish, Schedule to publish, ..."""
        self.page.get_by_role("button", name="More actions").click()
        button = self.page.get_by_role("button", name=action)
        expect(button).to_be_visible()
        return button

    def header_action(self, name):
        """An action of the page's header menu (⋯): Translate into French, Unpublish, ..."""
        self.page.locator("header").get_by_role("button", name="Actions").first.click()
        return self.page.locator("header").get_by_role("link", name=name)


def page_id(slug, language):
    return Page.objects.get(slug=slug, locale__language_code=language).pk


def fill_article(page, title, intro, paragraph=None):
    page.get_by_role("textbox", name="Title*").fill(title)
    page.get_by_role("textbox", name="Introduction").fill(intro)
    date = page.get_by_role("textbox", name="Date*")
    if not date.input_value():
        date.fill(timezone.localdate().isoformat())
        page.keyboard.press("Escape")  # the date picker
    if paragraph:
        page.locator("button[title='Insert a block']").first.click()
        page.get_by_role("option", name="Paragraph").click()
        page.locator(".public-DraftEditor-content").last.click()
        page.keyboard.type(paragraph)


@pytest.mark.journey
def test_editor_publishes_translates_schedules_and_unpublishes(page, editor, site_url):
    journey = Journey(page)
    # Titles and slugs of its own (PostgreSQL keeps them); the guide's screenshots are taken on
    # SQLite, where nothing stays, without the suffix.
    unique = "" if SHOTS and connection.vendor == "sqlite" else f" {uuid.uuid4().hex[:6]}"
    title = f"Service counters open on Saturdays{unique}"
    slug = slugify(f"saturday-counters{unique}")
    news_en, news_fr = page_id("news", "en"), page_id("actualites", "fr")

    # Sign in -------------------------------------------------------------------------------
    if SHOTS:
        page.goto("/accounts/login/?next=/admin/")
        journey.shot("01-sign-in", page.locator("main"))
    sign_in(page, editor, "/admin/")
    journey.check("dashboard")
    journey.shot("02-dashboard")

    # Create, preview, publish ----------------------------------------------------------------
    journey.go(f"/admin/pages/{news_en}/", "News in the explorer")
    journey.shot("03-explorer")
    journey.click_and_wait(page.get_by_role("link", name="Add child page"))
    # News holds articles and campaign emails: Wagtail asks which.
    journey.check("choose the page type")
    journey.click_and_wait(page.get_by_role("link", name=re.compile(r"^News article", re.I)))
    journey.check("new news article")
    fill_article(
        page,
        title,
        "Twelve public service centres now open on Saturday mornings.",
        "From next month, people can renew documents without taking a day off work.",
    )
    page.get_by_role("tab", name="Promote").click()
    page.get_by_role("textbox", name="Slug*").fill(slug)
    page.get_by_role("tab", name="Content").click()
    journey.check("new news article, filled in")
    journey.shot("04-new-page")

    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("iframe.w-preview__iframe").last
    # The panel may first say "Preview not available" while Wagtail checks the form: wait for
    # the page itself (expect retries until the heading is the title).
    expect(preview.get_by_role("heading", level=1)).to_have_text(title, timeout=15_000)
    journey.check("preview panel")
    journey.shot("05-preview")
    page.locator("[data-side-panel-toggle='preview']").click()

    publish = journey.more_actions("Publish")
    journey.shot("06-publish-menu", page.locator("footer"), publish)
    journey.click_and_wait(publish)
    # "created and published", or "has been published" once Wagtail has saved a draft itself
    assert re.search(f"Page '{re.escape(title)}' .*published", journey.message())
    journey.check("explorer after publishing")

    journey.go(f"/news/{slug}/", "the live page")
    assert page.get_by_role("heading", level=1).inner_text() == title
    article = Page.objects.get(slug=slug, locale__language_code="en")
    assert article.live and article.current_workflow_state is None

    # Translate into French, publish the French page ------------------------------------------
    journey.go(f"/admin/pages/{article.pk}/edit/", "page editor")
    translate = journey.header_action("Translate into French")
    journey.check("page editor, actions menu open")
    journey.shot("07-translate-action", page.locator("header").first, translate)
    journey.click_and_wait(translate)
    journey.check("convert the French alias")
    journey.shot("08-translate-confirm", page.locator("main"))
    journey.click_and_wait(page.get_by_role("button", name="Yes, convert it"))
    french = Page.objects.get(translation_key=article.translation_key, locale__language_code="fr")
    assert page.url.endswith(f"/admin/pages/{french.pk}/edit/")
    assert french.alias_of_id is None
    journey.check("French page editor")
    french_title = f"Les guichets ouvrent le samedi{unique}"
    french_slug = slugify(f"guichets-du-samedi{unique}")
    fill_article(page, french_title, "Douze centres de service public ouvrent le samedi matin.")
    page.get_by_role("tab", name="Promote").click()
    page.get_by_role("textbox", name="Slug*").fill(french_slug)
    page.get_by_role("tab", name="Content").click()
    journey.shot("09-french-page")
    journey.click_and_wait(journey.more_actions("Publish"))
    assert f"Page '{french_title}' has been published." in journey.message()

    journey.go(f"/fr/actualites/{french_slug}/", "the live French page")
    assert page.get_by_role("heading", level=1).inner_text() == french_title
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("main").get_attribute("lang") is None  # French content now

    # The English page changes: the report lists its French version ---------------------------
    journey.go(f"/admin/pages/{article.pk}/edit/", "page editor, English")
    page.get_by_role("textbox", name="Introduction").fill(
        "Twelve public service centres now open on Saturday mornings, from 8 to 12."
    )
    journey.click_and_wait(journey.more_actions("Publish"))
    page.get_by_role("button", name="Reports").click()
    journey.click_and_wait(page.get_by_role("link", name="Translations to update"))
    journey.check("report: translations to update")
    row = page.locator("tr", has=page.get_by_role("link", name=title))
    assert row.get_by_role("cell", name="Out of date").is_visible()
    assert row.get_by_role("link", name="Update the French version").get_attribute("href") == (
        f"/admin/pages/{french.pk}/edit/"
    )
    journey.shot("10-report", page.locator("main"))

    # Schedule another change -----------------------------------------------------------------
    journey.go(f"/admin/pages/{article.pk}/edit/", "page editor, before scheduling")
    page.get_by_role("textbox", name="Title*").fill(f"{title} (and Sundays)")
    page.locator("[data-side-panel-toggle='status']").click()
    page.get_by_role("button", name=re.compile("(Set|Edit) schedule")).click()
    dialog = page.get_by_role("dialog")
    journey.check("publishing schedule dialog")
    journey.shot("11-schedule", dialog.locator(".w-dialog__box"))
    go_live = timezone.localtime() + timedelta(days=7)
    dialog.get_by_label("Go live date/time").fill(go_live.strftime("%Y-%m-%d 09:00"))
    journey.check("publishing schedule dialog, date picker open")
    # A click beside the date picker closes it, as for a person.
    box = dialog.locator(".w-dialog__box").bounding_box()
    page.mouse.click(box["x"] + box["width"] - 20, box["y"] + box["height"] - 20)
    dialog.get_by_role("button", name="Save schedule").click()
    # The dialog closes and the footer's main action becomes "Schedule to publish" once the
    # schedule is kept in the form. (A click here that twice sent nothing in CI on PostgreSQL
    # was Wagtail's conflict with itself: see tests/browser/helpers.py.)
    expect(dialog).to_be_hidden()
    page.locator("[data-side-panel-toggle='status']").click()  # closes the side panel
    journey.click_and_wait(journey.more_actions("Schedule to publish"))
    assert "has been scheduled for publishing" in journey.message()
    journey.go(f"/news/{slug}/", "the live page, change scheduled")
    assert page.get_by_role("heading", level=1).inner_text() == title  # not yet

    # Convert a French alias into a translation ----------------------------------------------
    other_title, other_slug = f"Holiday opening hours{unique}", slugify(f"holiday-hours{unique}")
    journey.go(f"/admin/pages/add/cms/newsarticlepage/{news_en}/", "new news article, again")
    fill_article(page, other_title, "Opening hours over the holidays.")
    page.get_by_role("tab", name="Promote").click()
    page.get_by_role("textbox", name="Slug*").fill(other_slug)
    journey.click_and_wait(journey.more_actions("Publish"))
    # The page as published: Wagtail's title-to-slug sync is debounced, and once in a while it
    # wrote the title's slug over the one typed above (CI, 2026-12-07).
    other = Page.objects.get(title=other_title, locale__language_code="en")
    journey.go(f"/admin/pages/{news_fr}/", "Actualités in the explorer")
    journey.click_and_wait(page.get_by_role("link", name=other_title))
    journey.check("a French alias")
    convert = page.get_by_role("link", name="Convert this alias into an ordinary page")
    journey.shot("12-alias", page.locator("header").first, convert)
    journey.click_and_wait(convert)
    journey.click_and_wait(page.get_by_role("button", name="Yes, convert it"))
    journey.check("the converted French page")
    fill_article(page, f"Horaires des fêtes{unique}", "Les horaires d'ouverture pendant les fêtes.")
    journey.click_and_wait(journey.more_actions("Publish"))
    converted = Page.objects.get(translation_key=other.translation_key, locale__language_code="fr")
    assert converted.alias_of_id is None and converted.title == f"Horaires des fêtes{unique}"

    # Unpublish -------------------------------------------------------------------------------
    journey.go(f"/admin/pages/{other.pk}/edit/", "page editor, before unpublishing")
    journey.click_and_wait(journey.header_action("Unpublish"))
    journey.check("unpublish")
    journey.shot("13-unpublish", page.locator("main"))
    journey.click_and_wait(page.get_by_role("button", name="Yes, unpublish it"))
    assert page.goto(f"{site_url}/news/{other.slug}/").status == 404
    converted.refresh_from_db()
    assert not converted.live  # its translation goes with it (the confirmation says so)

    # Partners and images ---------------------------------------------------------------------
    journey.go("/admin/snippets/cms/partner/", "partners")
    journey.shot("14-partners")
    journey.click_and_wait(page.get_by_role("link", name="CX Touchpoints Group"))
    journey.check("a partner")
    assert page.get_by_role("textbox", name="Name*").is_visible()
    assert page.locator("[name=cycles]").count() == 0  # what it sponsors: administrators
    journey.shot("15-partner")
    journey.go("/admin/images/", "images")
    journey.shot("16-images")

    assert journey.violations == {}


def test_an_editor_stopped_by_wagtails_conflict_with_itself_continues_and_publishes(
    page, editor, site_url
):
    """The case the journey steps past (continue_past_wagtails_conflict_with_itself in
    tests/browser/helpers.py), made to happen: a presence check leaves before an autosave is
    stored and comes back after, as the journey met it on PostgreSQL once in a while. The editor
    then chooses Continue, as docs/editors.md tells them, and the page is published. Once
    Wagtail stops mistaking an editor's own autosave for another window's, the dialog no longer
    shows and this test says so: then the guide's paragraph and the journey's step can go."""
    journey = Journey(page)
    title = f"Evening counters {uuid.uuid4().hex[:6]}"
    sign_in(page, editor, "/admin/")
    journey.go(f"/admin/pages/add/cms/newsarticlepage/{page_id('news', 'en')}/", "new article")
    fill_article(page, title, "Two service centres stay open until 8 in the evening.")
    journey.click_and_wait(page.get_by_role("button", name="Save draft"))
    page.wait_for_timeout(2500)  # Wagtail starts watching the form for edits 2 s after loading

    checks, autosaves = [], []
    page.route("**/editing-sessions/ping/**", lambda route: checks.append(route))  # held back

    def store_and_count(route):
        if route.request.method == "POST" and "json" in route.request.headers.get("accept", ""):
            route.fulfill(response=route.fetch())  # stored before the check goes on
            autosaves.append(route.request.url)
        else:
            route.continue_()

    page.route("**/admin/pages/*/edit/", store_and_count)
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")  # a check now
    wait_until(page, lambda: checks)
    page.get_by_role("textbox", name="Introduction").fill("Two centres stay open until 8 pm.")
    page.keyboard.press("Tab")  # the autosave follows half a second later
    wait_until(page, lambda: autosaves)
    page.unroute("**/editing-sessions/ping/**")
    for check in checks:
        check.continue_()
    dialog = page.locator("#w-save-confirmation-dialog")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(
        dialog.get_by_role("heading"),
        "Wagtail no longer stops the save: the workaround can go (see the docstring)",
    ).to_contain_text("You saved a new version in another window")
    page.keyboard.press("Escape")

    journey.click_and_wait(journey.more_actions("Publish"))
    assert "has been published" in journey.message()
    article = Page.objects.get(title=title, locale__language_code="en")
    assert article.live and article.specific.intro == "Two centres stay open until 8 pm."


def wait_until(page, condition, seconds=10):
    """Like tests/stack/conftest.py's wait_until, but waiting through Playwright: the routes'
    handlers above run only while Playwright waits, never during a time.sleep."""
    for _ in range(seconds * 10):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError("the browser never sent the request the test waits for")
