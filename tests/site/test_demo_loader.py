"""`load_demo` builds the demo site once; running it again changes nothing; it refuses to run
on a production-like configuration."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from cms.demo.loader import DEMO_USERS, DemoLoader
from cms.models import OpenLetterPage, Partner

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "partners": Partner.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
    }


def test_running_again_duplicates_nothing():
    before = counts()
    DemoLoader(stdout=lambda message: None).run()
    assert counts() == before


def test_demo_site_shape():
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class.__name__ == "HomePage"
    # Every English page has a French translation.
    english = Page.objects.filter(depth__gt=1, locale__language_code="en")
    french = Page.objects.filter(depth__gt=1, locale__language_code="fr")
    assert english.count() == french.count() >= 26
    assert (
        OpenLetterPage.objects.get(locale__language_code="en").publication_date.isoformat()
        == "2022-01-19"
    )
    assert Partner.objects.filter(logo__isnull=False).count() == Partner.objects.count() >= 6


def test_demo_users_can_log_in_with_the_demo_password(client, settings):
    User = get_user_model()
    for email, *_ in DEMO_USERS:
        assert User.objects.filter(email=email).exists()
        assert client.login(username=email, password=settings.DEMO_PASSWORD), email
        client.logout()
    assert User.objects.get(email="admin@demo.test").is_superuser
    assert User.objects.get(email="editor@demo.test").groups.filter(name="Editors").exists()


def test_editor_reaches_the_admin(client, settings):
    client.login(username="editor@demo.test", password=settings.DEMO_PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_refuses_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="refuses to run with DEBUG off"):
        call_command("load_demo")
