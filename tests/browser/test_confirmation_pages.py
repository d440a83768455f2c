"""The pages where people prove an address is theirs, in Chromium with axe-core: the code typed
after signing up (with a wrong code first, in English and French), and the confirmation of a
signature of the pledge (awards_site/account_linking.py, cms/signatures.py)."""

import re
import uuid

import pytest
from django.core import mail
from wagtail.models import Page

from cms.models import PledgeSignature
from tests.cms.signing import confirm_link

from .helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

CODE = re.compile(r"^([A-Z0-9]{3,}-?[A-Z0-9]{3,})$", re.MULTILINE)


@pytest.mark.parametrize("prefix", ["", "/fr"])
def test_signing_up_asks_for_the_emailed_code(page, prefix):
    email = f"new.{uuid.uuid4().hex[:8]}@example.org"  # PostgreSQL keeps what the server writes
    page.goto(f"{prefix}/accounts/signup/")
    page.fill("#id_email", email)
    page.fill("#id_password1", "a sensible passphrase")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    assert email in page.locator("main").inner_text()
    assert axe_violations(page) == []

    page.fill("#id_code", "WRONG-CODE")
    with page.expect_navigation():
        page.click("main form button[type=submit] >> nth=0")
    assert page.locator(".error-summary").count() == 1
    assert axe_violations(page) == []

    (message,) = [message for message in mail.outbox if message.to == [email]]
    page.fill("#id_code", CODE.search(message.body).group(1))
    with page.expect_navigation():
        page.click("main form button[type=submit] >> nth=0")
    page.wait_for_url(re.compile(r"/my-nominations/$"))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_signature_is_confirmed_on_a_page_that_shows_it(page, language):
    pledge = Page.objects.get(slug__in=["pledge", "engagement"], locale__language_code=language)
    PledgeSignature.objects.create(
        page_key=pledge.translation_key,
        kind="public",
        name="Kwame Mensah",
        organisation="Accra Metropolitan Assembly",
        country="GH",
        email=f"kwame.{language}.{uuid.uuid4().hex[:6]}@example.org",
        show_publicly=True,
        language=language,
    )
    signature = PledgeSignature.objects.order_by("-pk").first()
    prefix = "/fr" if language == "fr" else ""
    page.goto(prefix + confirm_link(PledgeSignature, signature.email))
    assert "Accra Metropolitan Assembly" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.locator(".messages").count() == 1
    assert axe_violations(page) == []
    signature.refresh_from_db()
    assert signature.confirmed_at is not None
