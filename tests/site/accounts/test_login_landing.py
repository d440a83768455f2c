"""After signing in without a `next`, each role lands on its own start page (the allauth adapter's
get_login_redirect_url, awards_site/accounts/adapters.py); a `next` on this site still wins, and no
`next`
can send anyone to another site. The demo accounts as `make run` creates them."""

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db

START_PAGES = {
    "admin@demo.test": "/admin/",
    "editor@demo.test": "/admin/",
    "judge1@demo.test": "/judging/",
    "judge2@demo.test": "/judging/",
    "sponsor@demo.test": "/sponsors/",
    # Also staff of Huduma Kenya, but with nominations of their own: those first.
    "nominator@demo.test": "/my-nominations/",
    "agency@demo.test": "/feedback/manage/",
}


def sign_in(email, next_url=None, prefix=""):
    data = {"login": email, "password": settings.DEMO_PASSWORD}
    url = f"{prefix}/accounts/login/"
    if next_url is not None:
        data["next"] = next_url
    client = Client()
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return client, response["Location"]


@pytest.mark.parametrize(("email", "start"), START_PAGES.items())
def test_each_role_lands_on_its_own_start_page(email, start):
    client, location = sign_in(email)
    assert location == start
    assert client.get(location, follow=True).status_code == 200


def test_the_start_page_follows_the_language():
    _client, location = sign_in("judge1@demo.test", prefix="/fr")
    assert location == "/fr/judging/"


@pytest.mark.parametrize("email", START_PAGES)
def test_a_next_on_this_site_still_wins(email):
    assert sign_in(email, "/nominate/")[1] == "/nominate/"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example/",
        "http://testserver@evil.example/",
        "javascript:alert(1)",
        "https:evil.example",
        " https://evil.example/",
    ],
)
@pytest.mark.parametrize("email", ["nominator@demo.test", "judge1@demo.test"])
def test_next_cannot_leave_the_site(email, next_url):
    """The attack: a log-in link crafted to send people to a look-alike site afterwards."""
    location = sign_in(email, next_url)[1]
    assert location == START_PAGES[email]
