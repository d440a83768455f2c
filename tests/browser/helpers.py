from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_axe = Axe()


def axe_violations(page):
    """axe-core's WCAG 2.2 A/AA violations on the page, as readable lines."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


def tab_to(page, predicate_js, limit=80):
    """Press Tab until the focused element satisfies the JS predicate `el => ...`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"({predicate_js})(document.activeElement)"):
            return
    raise AssertionError(f"Could not reach an element matching {predicate_js} with the keyboard")


def focused_text(page):
    return page.evaluate("document.activeElement.textContent.trim()")


def sign_in(page, user, next_path="/"):
    """Sign in through the log-in form (demo password) and wait to land on `next_path`."""
    page.goto(f"/accounts/login/?next={next_path}")
    page.fill("#id_login", user.email)
    page.fill("#id_password", settings.DEMO_PASSWORD)
    with page.expect_navigation():
        page.press("#id_password", "Enter")
    page.wait_for_url(f"**{next_path}")


def continue_past_wagtails_conflict_with_itself(page):
    """Call right after clicking a save or publish button of Wagtail's editor.

    Wagtail 8.0 once in a while stops such a click with "You saved a new version in another
    window" when there is no other window: its presence check (every 10 s) was on its way when
    the editor's own autosave stored a revision, and it takes that revision for another
    window's (wagtail/wagtail#13863; test_editor_journey.py makes it happen). docs/editors.md
    tells editors to choose Continue, as this does. The test has one window open, so the dialog
    must say exactly that: another person's version fails the test."""
    dialog = page.locator("#w-save-confirmation-dialog")
    try:
        shown = dialog.is_visible()  # shown by the click itself, before anything is sent
    except PlaywrightError:  # the page is already on its way to the next one
        return
    if shown:
        expect(dialog.get_by_role("heading")).to_contain_text(
            "You saved a new version in another window"
        )
        dialog.locator("[data-w-dialog-target='confirm']").click()


def save_screenshot(page, path, *regions, margin=8):
    """A PNG of the page's viewport, or of the smallest rectangle holding `regions` (locators)
    and a margin, for the guides; made small: 64 colours (the admin has few), optimised."""
    import io

    from PIL import Image

    clip = None
    if regions:
        boxes = [region.bounding_box() for region in regions]
        left = max(0, min(box["x"] for box in boxes) - margin)
        top = max(0, min(box["y"] for box in boxes) - margin)
        right = max(box["x"] + box["width"] for box in boxes) + margin
        bottom = max(box["y"] + box["height"] for box in boxes) + margin
        viewport = page.viewport_size
        right, bottom = min(right, viewport["width"]), min(bottom, viewport["height"])
        clip = {"x": left, "y": top, "width": right - left, "height": bottom - top}
    png = page.screenshot(clip=clip, animations="disabled")
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    picture = picture.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    path.parent.mkdir(parents=True, exist_ok=True)
    picture.save(path, format="PNG", optimize=True)


def demo_draft(email="nominator@demo.test"):
    """The first draft nomination of a demo nominator that has an organisation filled in."""
    from django.contrib.auth import get_user_model

    from nominations.choices import NominationStatus
    from nominations.models import Nomination

    nominator = get_user_model().objects.get(email=email)
    drafts = Nomination.objects.filter(nominator=nominator, status=NominationStatus.DRAFT)
    return drafts.exclude(organisation_name="").order_by("pk").first()


def judge_draft_assignment(judge):
    """The first assignment of the current cycle the judge has started scoring (a draft)."""
    from judging.models import Assignment, ScoresheetStatus

    started = Assignment.objects.filter(
        judge__user=judge,
        round__cycle__is_current=True,
        scoresheet__status=ScoresheetStatus.DRAFT,
    )
    return started.order_by("pk").first()
