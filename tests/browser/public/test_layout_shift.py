"""Nothing on a public page moves once it shows: Chromium's cumulative layout shift is 0 on the
home page, a program page, the partners page and the winners page, on a laptop and on a phone,
while the images arrive late (as on a slow line) and the visitor scrolls past every one of them,
so lazy images load in view."""

import time

import pytest

from cms.models import HomePage, PartnersPage, ProgramActionPage
from cms.winners.models import WinnersPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

IMAGE_DELAY = 0.3  # seconds: the page is laid out and painted before any image arrives

# Every layout-shift entry since the page started (buffered), read once the visitor is done.
LAYOUT_SHIFTS = """() => new Promise(resolve => {
  const shifts = [];
  const keep = entries => entries.forEach(entry => shifts.push({
    value: entry.value,
    input: entry.hadRecentInput,
    moved: entry.sources.map(source => source.node ? source.node.outerHTML.slice(0, 100) : "?"),
  }));
  const observer = new PerformanceObserver(list => keep(list.getEntries()));
  observer.observe({type: "layout-shift", buffered: true});
  setTimeout(() => { keep(observer.takeRecords()); observer.disconnect(); resolve(shifts); }, 300);
})"""

SCROLL_PAST_EVERY_IMAGE = """async () => {
  for (const image of document.querySelectorAll("main img")) {
    image.scrollIntoView({block: "center"});
    while (!image.complete) await new Promise(resolve => setTimeout(resolve, 20));
  }
  window.scrollTo(0, document.body.scrollHeight);
  await new Promise(resolve => setTimeout(resolve, 100));
}"""

IMAGES_SHOWN = "() => Array.from(document.images).filter(i => !i.naturalWidth).map(i => i.src)"


def public_pages():
    english = {"locale__language_code": "en"}
    return [
        HomePage.objects.live().get(**english).url,
        ProgramActionPage.objects.live().filter(**english).first().url,
        PartnersPage.objects.live().get(**english).url,
        WinnersPage.objects.live().filter(**english).first().url,
    ]


def slow_images(route):
    time.sleep(IMAGE_DELAY)
    route.continue_()


def assert_nothing_moves(page):
    page.route("**/media/**", slow_images)
    for url in public_pages():
        assert page.goto(url).status == 200
        page.evaluate(SCROLL_PAST_EVERY_IMAGE)
        assert page.evaluate(IMAGES_SHOWN) == [], f"{url}: images that did not load"
        shifts = [shift for shift in page.evaluate(LAYOUT_SHIFTS) if not shift["input"]]
        assert sum(shift["value"] for shift in shifts) == 0, f"{url} moved: {shifts}"


def test_nothing_moves_on_a_laptop(page):
    assert_nothing_moves(page)


def test_nothing_moves_on_a_phone(phone_page):
    assert_nothing_moves(phone_page)
