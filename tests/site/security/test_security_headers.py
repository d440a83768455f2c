"""Security headers on every kind of response (issue 6, "Trust"; docs/security.md, "Response
headers"): public pages in both languages, the nomination wizard, the judge portal, the
sponsor area, downloads, refusals, errors, redirects and the admin.

Outside the Wagtail admin the Content Security Policy allows no inline script or style and no
frame; the admin's policy is exactly the one docs/security.md justifies; Wagtail's previews may
be framed by the admin and nothing else. Production settings add HSTS, secure cookies and the
redirect to HTTPS."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import path, reverse
from wagtail.models import Locale, Page

from awards_site import urls as site_urls
from judging.models import Certificate, CertificateKind
from nominations.models import EvidenceFile
from tests.factories.cms import DocumentFactory
from tests.site.test_settings import run_python

pytestmark = pytest.mark.django_db

SELF, NONE = "'self'", "'none'"
# The admin's policy, directive by directive: docs/security.md says why each exception is there.
ADMIN_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, "'unsafe-inline'"],
    "script-src-attr": [NONE],
    "style-src": [SELF, "'unsafe-inline'"],
    "style-src-attr": [NONE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
    "base-uri": [SELF],
    "object-src": [NONE],
}


def broken_view(request):
    raise RuntimeError("a bug in a view")


# The site's URLs plus one that fails, for the error page (see `server_error` below).
urlpatterns = [path("broken/", broken_view), *site_urls.urlpatterns]


def policy(response):
    header = response.get("Content-Security-Policy")
    assert header, "no Content-Security-Policy header"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def sources(directives, name):
    """What a fetch directive allows, falling back to default-src as browsers do."""
    return directives.get(name, directives.get("default-src"))


def assert_common_headers(response, framing="DENY"):
    assert response.get("X-Content-Type-Options") == "nosniff"
    assert response.get("Referrer-Policy") == "strict-origin-when-cross-origin"
    assert response.get("Cross-Origin-Opener-Policy") == "same-origin"
    assert response.get("X-Frame-Options") == framing


def assert_strict_policy(response, framed_by=NONE):
    directives = policy(response)
    assert "unsafe-" not in response["Content-Security-Policy"]
    for name in ("script-src", "style-src", "img-src", "connect-src", "font-src"):
        assert set(sources(directives, name)) <= {SELF, NONE, "data:"}, name
    assert sources(directives, "object-src") == [NONE]
    assert directives["frame-ancestors"] == [framed_by]


def user(email):
    return get_user_model().objects.get(email=email)


@pytest.fixture
def visit(client, monkeypatch):
    """GET a page as one of the demo users (None: anonymous)."""
    import weasyprint

    # Who gets a PDF and how it is sent is what is tested, not its rendering.
    monkeypatch.setattr(weasyprint.HTML, "write_pdf", lambda self, *a, **k: b"%PDF-1.7")

    def get(address, email=None):
        client.logout()
        if email:
            client.force_login(user(email))
        return client.get(address)

    return get


def french(slug):
    page = Page.objects.get(slug=slug, locale__language_code="en")
    return page.get_translation(Locale.objects.get(language_code="fr")).url


def wizard_step(visit):
    client = Client()
    client.force_login(user("nominator@demo.test"))
    started = client.post(reverse("nominations:start"))
    assert started.status_code == 302
    return client.get(started["Location"])


def evidence(visit):
    item = EvidenceFile.objects.filter(nomination__nominator__email="nominator@demo.test").first()
    address = reverse("nominations:evidence", args=[item.nomination.uuid, item.pk])
    return visit(address, "nominator@demo.test")


def certificate(visit):
    item = Certificate.objects.filter(
        nomination__nominator__email="nominator@demo.test",
        kind=CertificateKind.MERIT,
        revoked_at=None,
    ).first()
    address = reverse(
        "judging:nomination_certificate", args=[item.nomination.uuid, item.display_code]
    )
    return visit(address, "nominator@demo.test")


def document(visit):
    item = DocumentFactory(title="Programme rules", file__filename="programme-rules.pdf")
    return visit(item.url)


PUBLIC = {
    "home page": lambda visit: visit("/"),
    "home page in French": lambda visit: visit("/fr/"),
    "a page in French": lambda visit: visit(french("about")),
    "search": lambda visit: visit("/search/?q=service"),
    "log-in page": lambda visit: visit("/accounts/login/"),
    "nomination wizard": wizard_step,
    "my nominations": lambda visit: visit("/my-nominations/", "nominator@demo.test"),
    "judge portal": lambda visit: visit(reverse("judging:dashboard"), "judge1@demo.test"),
    "sponsor area": lambda visit: visit(reverse("sponsors:index"), "sponsor@demo.test"),
    "Django admin": lambda visit: visit("/django-admin/", "admin@demo.test"),
}
DOWNLOADS = {
    "evidence file": evidence,
    "certificate": certificate,
    "sponsor report": lambda visit: visit(
        reverse("sponsors:workbook", args=["CX26"]), "sponsor@demo.test"
    ),
    "Wagtail document": document,
}
ANSWERS = {
    "redirect to log in": (lambda visit: visit("/my-nominations/"), 302),
    "page not found": (lambda visit: visit("/no-such-page/"), 404),
}


@pytest.mark.parametrize("name", PUBLIC)
def test_public_pages_have_the_strict_policy(visit, name):
    response = PUBLIC[name](visit)
    assert response.status_code == 200
    assert_strict_policy(response)
    assert_common_headers(response)


@pytest.mark.parametrize("name", DOWNLOADS)
def test_downloads_are_attachments_the_browser_does_not_sniff(visit, name):
    response = DOWNLOADS[name](visit)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert_strict_policy(response)
    assert_common_headers(response)


@pytest.mark.parametrize("name", ANSWERS)
def test_redirects_and_refusals_have_the_strict_policy(visit, name):
    fetch, status = ANSWERS[name]
    response = fetch(visit)
    assert response.status_code == status
    assert_strict_policy(response)
    assert_common_headers(response)


def test_a_refused_form_has_the_strict_policy():
    response = Client(enforce_csrf_checks=True).post("/accounts/login/", {"login": "x"})
    assert response.status_code == 403
    assert_strict_policy(response)
    assert_common_headers(response)


def test_the_error_page_has_the_strict_policy(client, settings):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert_strict_policy(response)
    assert_common_headers(response)


ADMIN = {
    "dashboard": lambda home: "/admin/",
    "page editor": lambda home: f"/admin/pages/{home.pk}/edit/",
    "image upload": lambda home: "/admin/images/multiple/add/",
    "document upload": lambda home: "/admin/documents/multiple/add/",
    "results": lambda home: reverse("judging_results_index"),
    "cycle reports": lambda home: reverse("cms_reports_index"),
}


@pytest.fixture
def home():
    return Page.objects.get(slug="home", locale__language_code="en")


@pytest.mark.parametrize("name", ADMIN)
def test_the_admin_has_only_the_documented_exceptions(visit, home, name):
    response = visit(ADMIN[name](home), "admin@demo.test")
    assert response.status_code == 200
    assert policy(response) == ADMIN_POLICY
    assert_common_headers(response)


def test_an_admin_download_is_an_attachment(visit):
    from nominations.models import AwardCycle

    cycle = AwardCycle.objects.get(code="CX26")
    response = visit(reverse("cms_reports_workbook", args=[cycle.pk]), "admin@demo.test")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert_common_headers(response)


def test_a_draft_preview_keeps_the_public_policy_and_may_be_framed_by_the_admin(visit, home):
    """Wagtail renders a preview by sending a made-up request for the page through the site's
    middleware: it gets the public policy (no inline code), with frame-ancestors 'self' so that
    the admin's preview panel can show it."""
    response = visit(f"/admin/pages/{home.pk}/view_draft/", "admin@demo.test")
    assert response.status_code == 200
    assert_strict_policy(response, framed_by=SELF)


def test_the_preview_panel_may_be_framed_by_the_admin_only(visit, home):
    # Nothing was typed in the editor yet: Wagtail answers "preview not available", in the panel.
    response = visit(
        f"/admin/pages/{home.pk}/edit/preview/?in_preview_panel=true", "admin@demo.test"
    )
    assert response.status_code == 200
    assert policy(response) == {**ADMIN_POLICY, "frame-ancestors": [SELF]}
    assert_common_headers(response, framing="SAMEORIGIN")


# Production -----------------------------------------------------------------------------------
# The deploy check itself runs in tests/site/test_settings.py
# (test_production_passes_the_deploy_check); here, what production answers.
PRODUCTION_ANSWERS = """
import json, django
django.setup()
from django.conf import settings
from django.http import HttpResponse
from django.middleware.security import SecurityMiddleware
from django.test import RequestFactory

security = SecurityMiddleware(lambda request: HttpResponse("ok"))
host = {"HTTP_HOST": "awards.example.org"}
plain = security(RequestFactory().get("/fr/", **host))
behind_proxy = security(RequestFactory().get("/fr/", HTTP_X_FORWARDED_PROTO="https", **host))
print(json.dumps({
    "first_middleware": settings.MIDDLEWARE[0],
    "plain": [plain.status_code, plain.get("Location")],
    "hsts": behind_proxy.get("Strict-Transport-Security"),
    "cookies": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE,
                settings.LANGUAGE_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY],
}))
"""


def test_production_forces_https_for_a_year_with_secure_cookies(tmp_path):
    result = run_python(
        PRODUCTION_ANSWERS,
        "awards_site.settings.production",
        VAR_DIR=str(tmp_path),
        SECRET_KEY="x" * 30 + "-production-secret-for-the-check-only-0123456789",
        ALLOWED_HOSTS="awards.example.org",
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    assert answers["first_middleware"] == "django.middleware.security.SecurityMiddleware"
    assert answers["plain"] == [301, "https://awards.example.org/fr/"]
    assert answers["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert answers["cookies"] == [True, True, True, True]
