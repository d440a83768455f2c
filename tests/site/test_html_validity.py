"""Every public page, in every language, is valid HTML for the W3C Nu HTML Checker (issue 18):
one page of each type of the tree, the public views beside it (nominating, search, accounts,
resources, the case study library's filters, the feedback platform, certificate verification),
a signed-in nominator's wizard steps and nominations, forms showing their errors, the page not
found. The pages are fetched with the test client, written to a folder and checked in one run
of the checker (`make nu` installs it; Java takes seconds to start, so once for all)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from wagtail.contrib.forms.models import FormMixin
from wagtail.models import Page, get_page_models

from cms.campaigns.subscribing import confirmation_token, unsubscribe_token
from cms.models import Subscriber
from cms.signing.models import PledgePage, SignaturePage
from feedback.models import Agency, ServicePoint
from judging.models import Certificate
from library.cases.models import CaseStudyIndexPage
from nominations.models import Nomination
from nominations.wizard.forms import STEPS
from tests.nominations.wizard.driver import VALID_ANSWERS, Wizard

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "pt", "ar"]
# Where `make nu` installs it (VNU_JAR=/path/to/vnu.jar for another).
INSTALLED_JAR = Path(settings.BASE_DIR) / ".nu/node_modules/vnu-jar/build/dist/vnu.jar"
VNU_JAR = Path(os.environ.get("VNU_JAR", INSTALLED_JAR))

PLEDGE = {
    "kind": "public",
    "name": "Kwame Mensah",
    "organisation": "Accra Metropolitan Assembly",
    "country": "GH",
    "email": "kwame@example.org",
    "show_publicly": "on",
}

# Errors a browser lets through: a required answer missing, a score out of its range.
RESULTS_ERRORS = {"results": "", "nps_before": "150"}


def prefix(language):
    return "" if language == "en" else f"/{language}"


def one_page_of_each_type(language):
    """As the accessibility test (tests/browser/public/test_accessibility.py) does: English and
    French have a page of every type, Portuguese and Arabic the main ones."""
    seen = {}
    for page in Page.objects.filter(depth__gt=1, locale__language_code=language).live().specific():
        seen.setdefault(type(page).__name__, page)
    if language in ("en", "fr"):
        every_type = {model.__name__ for model in get_page_models() if model is not Page}
        assert set(seen) == every_type, every_type - set(seen)
    return sorted(seen.items())


def public_views(language):
    p = prefix(language)
    point = ServicePoint.objects.filter(active=True).order_by("code").first()
    closed = ServicePoint.objects.filter(active=False).order_by("code").first()
    agency = Agency.objects.order_by("slug").first()
    certificate = Certificate.objects.filter(revoked_at=None).order_by("pk").first()
    revoked = Certificate.objects.filter(revoked_at__isnull=False).order_by("pk").first()
    library = CaseStudyIndexPage.objects.live().filter(locale__language_code=language).first()
    waiting = Subscriber.objects.get(email="waiting.reader@demo.test")
    subscriber = Subscriber.objects.get(email="amina.reader@demo.test")
    urls = {
        "nominate": "/nominate/",
        "search": "/search/?q=service",
        "search-nothing": "/search/?q=zzyzx",
        "login": "/accounts/login/",
        "signup": "/accounts/signup/",
        "password-reset": "/accounts/password/reset/",
        "password-reset-done": "/accounts/password/reset/done/",
        "resources": "/resources/",
        "feedback": "/feedback/",
        "feedback-country": f"/feedback/countries/{agency.country.lower()}/",
        "feedback-agency": f"/feedback/agencies/{agency.slug}/",
        "feedback-open-data": "/feedback/open-data/",
        "feedback-form": f"/feedback/{point.code}/",
        "feedback-thanks": f"/feedback/{point.code}/thanks/",
        "feedback-results": f"/feedback/{point.code}/results/",
        "feedback-closed": f"/feedback/{closed.code}/",
        "certificate-verify": "/certificates/verify/",
        "certificate-valid": f"/certificates/verify/{certificate.display_code}/",
        "certificate-revoked": f"/certificates/verify/{revoked.display_code}/",
        "subscribe": "/subscribe/",
        "subscription-confirm": f"/subscribe/confirm/{confirmation_token(waiting)}/",
        "subscription-link-broken": "/subscribe/confirm/not-a-token/",
        "unsubscribe": f"/unsubscribe/{unsubscribe_token(subscriber)}/",
    }
    urls = {name: p + url for name, url in urls.items()}
    if library:
        urls["case-studies-filtered"] = f"{library.url}?country=KE&sector=health"
        urls["case-studies-none"] = f"{library.url}?q=zzyzx"
        urls["case-studies-country"] = library.url + library.reverse_subpage("country", ["ke"])
    return urls


def fetch(client, url, expected=200, method="get", data=None):
    response = getattr(client, method)(url, data or {})
    assert response.status_code == expected, (url, response.status_code)
    assert response["Content-Type"].startswith("text/html"), (url, response["Content-Type"])
    return response.content


def collect(client, nominator):
    """The HTML of every public page, by a file name saying what it is."""
    pages = {}
    for language in LANGUAGES:
        cache.clear()  # the public forms' rate limit: each language's forms get their turn
        p = prefix(language)
        for name, page in one_page_of_each_type(language):
            pages[f"{language}-page-{name}"] = fetch(client, page.url)
        for name, url in public_views(language).items():
            pages[f"{language}-{name}"] = fetch(client, url)
        pages[f"{language}-not-found"] = fetch(client, f"{p}/no-such-page/", expected=404)
        pages[f"{language}-certificate-unknown"] = fetch(
            client, f"{p}/certificates/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ/", expected=404
        )

        # Forms showing their errors: every signature and form page, sent empty.
        for page in Page.objects.filter(locale__language_code=language).live().specific():
            if isinstance(page, SignaturePage):
                url = f"{p}/signatures/sign/{page.pk}/"
            elif isinstance(page, FormMixin):
                url = page.url
            else:
                continue
            pages[f"{language}-errors-{page.slug}"] = fetch(client, url, method="post")
        point = ServicePoint.objects.filter(active=True).order_by("code").first()
        for name, url in [
            ("signup", "/accounts/signup/"),
            ("login", "/accounts/login/"),
            ("password-reset", "/accounts/password/reset/"),
            ("feedback-form", f"/feedback/{point.code}/"),
            ("subscribe", "/subscribe/"),
        ]:
            pages[f"{language}-errors-{name}"] = fetch(client, p + url, method="post")

        # A page showing a message: the pledge, just signed.
        pledge = PledgePage.objects.live().get(locale__language_code=language)
        signed = client.post(f"{p}/signatures/sign/{pledge.pk}/", PLEDGE, follow=True)
        assert signed.status_code == 200 and b'role="status"' in signed.content
        pages[f"{language}-signed-pledge"] = signed.content

        # Sent too often: the page that says so.
        for _attempt in range(int(settings.PUBLIC_FORM_RATE.split("/")[0]) + 1):
            too_often = client.post(f"{p}/signatures/sign/{pledge.pk}/")
        assert too_often.status_code == 429
        pages[f"{language}-too-many-requests"] = too_often.content

    pages.update(nominator_pages(nominator))
    return pages


def nominator_pages(nominator):
    """A nominator's wizard, blank then answered (with a step's errors), and their nominations;
    the demo nominator's nominations, in every state the demo has, with their feedback."""
    pages = {}
    client = Client()
    client.force_login(nominator)
    wizard = Wizard(client)
    wizard.start()
    for language in LANGUAGES:
        p = prefix(language)
        pages[f"{language}-wizard-blank-category"] = fetch(client, p + wizard.url("category"))
        pages[f"{language}-wizard-errors-category"] = fetch(
            client, p + wizard.url("category"), method="post", data=wizard.form_data("category")
        )
    wizard.complete_all()
    for language in LANGUAGES:
        p = prefix(language)
        for step, _form in STEPS:
            pages[f"{language}-wizard-{step}"] = fetch(client, p + wizard.url(step))
        response = client.post(
            p + wizard.url("results"),
            wizard.form_data("results", {**VALID_ANSWERS["results"], **RESULTS_ERRORS}),
        )
        assert response.status_code == 200
        pages[f"{language}-wizard-errors-results"] = response.content
        pages[f"{language}-nominate-drafts"] = fetch(client, f"{p}/nominate/")
        pages[f"{language}-my-data"] = fetch(client, f"{p}/my-data/")
    wizard.submit()
    for language in LANGUAGES:
        p = prefix(language)
        pages[f"{language}-my-nominations"] = fetch(client, f"{p}/my-nominations/")
        pages[f"{language}-submitted"] = fetch(
            client, f"{p}/my-nominations/{wizard.uuid}/submitted/"
        )
        pages[f"{language}-withdraw"] = fetch(client, f"{p}/my-nominations/{wizard.uuid}/withdraw/")
        for name in ["email", "password/change", "2fa", "sessions", "logout"]:
            pages[f"{language}-account-{name.replace('/', '-')}"] = fetch(
                client, f"{p}/accounts/{name}/"
            )

    client.force_login(get_user_model().objects.get(email="nominator@demo.test"))
    feedback = 0
    for language in LANGUAGES:
        p = prefix(language)
        pages[f"{language}-demo-my-nominations"] = fetch(client, f"{p}/my-nominations/")
        for nomination in Nomination.objects.filter(nominator__email="nominator@demo.test"):
            address = f"{p}/my-nominations/{nomination.uuid}/"
            pages[f"{language}-demo-nomination-{nomination.pk}"] = fetch(client, address)
            response = client.get(f"{address}feedback/")
            if response.status_code == 200:  # released to the entrant
                pages[f"{language}-demo-feedback-{nomination.pk}"] = response.content
                feedback += 1
    assert feedback, "the demo releases feedback on one of its nominator's nominations"
    return pages


def nu_errors(files):
    """The checker's errors in `files`, from one run: "file:line: message", with the markup."""
    checked = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]
        + [str(file) for file in files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        messages = json.loads(checked.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise AssertionError(f"The Nu HTML Checker did not answer: {checked.stderr}") from None
    return [
        f"{Path(message.get('url', '?')).name}:{message.get('lastLine', '?')}: "
        f"{message['message']}\n    {message.get('extract', '').strip()}"
        for message in messages
    ]


def test_every_public_page_is_valid_html(client, nominator, tmp_path):
    assert VNU_JAR.is_file(), f"The Nu HTML Checker is missing ({VNU_JAR}): run `make nu`."
    assert shutil.which("java"), "Java is missing, which runs the Nu HTML Checker: run `make nu`."
    files = []
    for name, html in collect(client, nominator).items():
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(html)
    errors = nu_errors(files)
    if errors:
        pytest.fail(f"{len(errors)} errors in {tmp_path}:\n" + "\n".join(errors), pytrace=False)
