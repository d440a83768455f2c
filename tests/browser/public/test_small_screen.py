"""On a 360x640 phone the page's first heading is on the first screen, without scrolling: the
home page, a program page, the log-in page and a wizard step (signed in, in both languages).
And the wizard's live word counter counts as the server does, for every script."""

import random

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from nominations.choices import NominationStatus
from nominations.models import Nomination
from nominations.validators import count_words
from tests.browser.helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SCREEN = {"width": 360, "height": 640}


@pytest.fixture
def small_page(browser, site_url):
    context = browser.new_context(base_url=site_url, viewport=SCREEN, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def sign_in(page, email):
    page.goto("/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", settings.DEMO_PASSWORD)
    with page.expect_navigation():
        page.press("#id_password", "Enter")


def assert_heading_on_first_screen(page, path):
    response = page.goto(path)
    assert response.status == 200, path
    assert page.evaluate("window.scrollY") == 0
    heading = page.locator("h1").first
    box = heading.bounding_box()
    first_line = min(box["height"], 48)
    assert box["y"] >= 0 and box["y"] + first_line <= SCREEN["height"], (path, box)
    # The header (brand, account links, language, search, menu) takes at most half the screen.
    header = page.locator("header.site-header").bounding_box()
    assert header["y"] + header["height"] <= SCREEN["height"] / 2, (path, header)
    assert axe_violations(page) == [], path


def a_draft_of(email):
    return Nomination.objects.filter(nominator__email=email, status=NominationStatus.DRAFT).first()


@pytest.mark.parametrize("language", ["", "/fr"])
def test_first_heading_is_visible_signed_out(small_page, language):
    for path in ("/", "/program-actions/", "/accounts/login/"):
        assert_heading_on_first_screen(small_page, f"{language}{path}")


@pytest.mark.parametrize("language", ["", "/fr"])
def test_first_heading_is_visible_on_a_wizard_step(small_page, language):
    """The nominator's header carries the account links too."""
    sign_in(small_page, "nominator@demo.test")
    draft = a_draft_of("nominator@demo.test")
    for step in ("organisation", "initiative"):
        assert_heading_on_first_screen(small_page, f"{language}/nominate/{draft.uuid}/{step}/")
    assert_heading_on_first_screen(small_page, f"{language}/program-actions/")


def test_first_heading_is_visible_for_the_fullest_header(small_page):
    """A judge's header has the most account links (judging, nominations, security)."""
    sign_in(small_page, "judge1@demo.test")
    for path in ("/fr/", "/fr/program-actions/", "/fr/judging/"):
        assert_heading_on_first_screen(small_page, path)


SAMPLES = [
    "Citizens get many services in one place.",
    "ሰላም፡ለዓለም። የሕዝብ፡አገልግሎት፡ተሻሽሏል።",
    "公共服务改善了",
    "บริการสาธารณะดีขึ้นมาก",
    "Hello世界 — and “quotes”, e-mail, 2025.",
    "ⴰⵎⴰⵣⵉⵖ ⵜⴰⵎⴰⵣⵉⵖⵜ ߒߞߏ",
    "tab\there\u00a0nbsp\u3000ideographic\u2028line",
    "🙂 👍🏽 — – ·",
]


def random_samples(count=150):
    """Strings mixing every kind of character the count tells apart (a fixed seed)."""
    alphabet = "ab é1'-—.,ሀሰላም፡።፣ 字文ひカ สวัสดี ⴰⵎ ߒߞ 🙂\u00a0\u3000\t\n\u1361\u1362\u2028\u0e31"
    generator = random.Random(2027)
    return [
        "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 40)))
        for _ in range(count)
    ]


def test_the_live_word_counter_counts_as_the_server(page):
    user = get_user_model().objects.get(email="nominator@demo.test")
    sign_in(page, user.email)
    draft = a_draft_of(user.email)
    page.goto(f"/nominate/{draft.uuid}/initiative/")
    samples = SAMPLES + random_samples()
    in_browser = page.evaluate("texts => texts.map(window.cxCountWords)", samples)
    assert in_browser == [count_words(text) for text in samples]
    summary = page.locator("textarea[name$='summary']")
    summary.fill("ሰላም፡ለዓለም፡የሕዝብ")
    counter = page.locator(f"#{summary.get_attribute('id')}_count")
    assert counter.inner_text() == "3 of 150 words"
