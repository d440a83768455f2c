"""The pages where people prove an address is theirs, in Chromium with axe-core: the code typed
after signing up (with a wrong code first, in English and French), and the confirmation of a
signature of the pledge (awards_site/accounts/linking.py, cms/signing/confirmation.py)."""

import re
import uuid

import pytest
from django.core import mail

from cms.models import PledgeSignature
from tests.browser.helpers import axe_violations

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
def test_a_signature_is_confirmed_on_a_page_that_shows_it(
    page, language, django_capture_on_commit_callbacks
):
    """Signed on the pledge page, confirmed from the link in the email (the live server writes
    both, so this holds on PostgreSQL too, where the test's own transaction is not visible)."""
    email = f"kwame.{language}.{uuid.uuid4().hex[:6]}@example.org"
    prefix = "/fr" if language == "fr" else ""
    page.goto(prefix + ("/engagement/" if language == "fr" else "/pledge/"))
    page.check("input[name=kind][value=public]")
    page.fill("#id_name", "Kwame Mensah")
    page.fill("#id_organisation", "Accra Metropolitan Assembly")
    page.select_option("#id_country", "GH")
    page.fill("#id_email", email)
    page.check("#id_show_publicly")
    # On SQLite the server shares the test's transaction: its email task waits for a commit.
    with django_capture_on_commit_callbacks(execute=True), page.expect_navigation():
        page.click("#sign button[type=submit]")
    (message,) = [message for message in mail.outbox if message.to == [email]]
    link = re.search(r"https?://[^/\s]+(/\S*signatures/confirm/\S+/)", message.body).group(1)

    page.goto(link)
    assert "Accra Metropolitan Assembly" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.locator(".messages").count() == 1
    assert axe_violations(page) == []
    signature = PledgeSignature.objects.get(email=email)
    assert signature.confirmed_at is not None
