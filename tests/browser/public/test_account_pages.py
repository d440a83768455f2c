"""axe-core finds no violation on the account pages: log-in, sign-up and password reset (also
showing errors, in French too), and, signed in, the personal-data page, the deletion request,
the two-step verification pages, the email addresses and the list of signed-in devices."""

import pytest
from django.contrib.auth import get_user_model

from tests.browser.helpers import axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SIGNED_OUT = [
    "/accounts/login/",
    "/fr/accounts/login/",
    "/accounts/signup/",
    "/fr/accounts/signup/",
    "/accounts/password/reset/",
]
SIGNED_IN = [
    "/my-data/",
    "/fr/my-data/",
    "/my-data/delete/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
    "/accounts/email/",
    "/accounts/sessions/",
    "/fr/accounts/2fa/",
]


def violations_on(page, paths):
    failures = {}
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        found = axe_violations(page)
        if found:
            failures[path] = found
    return failures


def test_no_violations_on_the_signed_out_account_pages(page):
    assert violations_on(page, SIGNED_OUT) == {}


def test_no_violations_on_the_log_in_and_sign_up_forms_with_errors(page):
    for path in ["/accounts/login/", "/fr/accounts/signup/"]:
        page.goto(path)
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        assert page.locator(".errorlist, .error-summary").count() >= 1, path
        assert axe_violations(page) == [], path


def test_no_violations_on_the_personal_data_and_security_pages(page):
    nominator = get_user_model().objects.get(email="nominator@demo.test")
    sign_in(page, nominator, "/my-nominations/")
    assert violations_on(page, SIGNED_IN) == {}
