"""The public certificate verification page in Chromium: a valid certificate (English and
French), a revoked one, an unknown code and the look-up form have no axe-core violation; the
form finds a certificate from a code typed in lower case without hyphens, without JavaScript
being needed."""

import pytest

from judging.models import Certificate
from tests.browser.helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def demo_certificates():
    """The demo's 2026 certificates (committed by the demo load, so the live server sees them
    on PostgreSQL too): one valid, and the one the demo revoked and re-issued."""
    valid = Certificate.objects.filter(cycle__code="CX26", revoked_at=None, kind="winner").first()
    revoked = Certificate.objects.filter(cycle__code="CX26", revoked_at__isnull=False).first()
    assert valid and revoked, "the demo issues CX26's certificates and re-issues one"
    return valid, revoked


def test_every_state_of_the_verification_page_is_accessible(page, demo_certificates):
    valid, revoked = demo_certificates
    failures = {}
    for url, expected in [
        (f"/certificates/verify/{valid.display_code}/", "Valid certificate"),
        (f"/fr/certificates/verify/{valid.display_code}/", valid.display_code),
        (f"/certificates/verify/{revoked.display_code}/", "Revoked certificate"),
        ("/certificates/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ/", "Unknown certificate"),
        ("/certificates/verify/", "Certificate code"),
    ]:
        page.goto(url)
        assert expected in page.inner_text("main"), url
        violations = axe_violations(page)
        if violations:
            failures[url] = violations
    assert not failures, failures


def test_a_typed_code_finds_the_certificate(browser, site_url, demo_certificates):
    valid, _revoked = demo_certificates
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/certificates/verify/")
        page.fill("#certificate-code", valid.code.lower())
        with page.expect_navigation():
            page.click("main form button[type=submit]")
        assert page.url.endswith(f"/certificates/verify/{valid.code}/")
        main = page.inner_text("main")
        assert "Valid certificate" in main and valid.recipient_name in main
    finally:
        context.close()
