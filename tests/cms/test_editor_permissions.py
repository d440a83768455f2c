"""The editors' role (cms/editors.py, docs/editors.md): the demo editor, signed in as
`make run` creates them, publishes, schedules, unpublishes and translates pages with no approval
step; the Editors group has exactly its permissions, from the migration; and, written as the
attack of an editor who knows the code, nothing beyond them: no users, groups, sites, locales,
workflows, nominations, judging or sponsors, no page outside the site's tree, no changing what
a sponsor supports."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
)
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.editors import set_up_editors
from cms.models import NewsArticlePage, NewsIndexPage, Partner
from judging.models import Round
from nominations.models import AwardCycle, Nomination
from tests.pages import page_text

pytestmark = pytest.mark.django_db

MODEL_PERMISSIONS = {
    "wagtailadmin.access_admin",
    "simple_translation.submit_translation",
    "cms.add_partner",
    "cms.change_partner",
    "cms.change_sitesettings",
    "feedback.moderate_any_comment",
    "library.add_resource",
    "library.change_resource",
    "library.delete_resource",
    "cms.view_subscriber",
    "cms.delete_subscriber",
}
LANGUAGES = ("en", "fr", "pt", "ar")
PAGE_PERMISSIONS = {"add_page", "change_page", "publish_page"}
COLLECTION_PERMISSIONS = {
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
}


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def group_permissions(group):
    models = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    pages = {
        (p.page.locale.language_code, p.page.depth, p.permission.codename)
        for p in GroupPagePermission.objects.filter(group=group).select_related(
            "page__locale", "permission"
        )
    }
    collections = {
        (p.collection.depth, p.permission.codename)
        for p in GroupCollectionPermission.objects.filter(group=group).select_related(
            "collection", "permission"
        )
    }
    return models, pages, collections


EXPECTED = (
    MODEL_PERMISSIONS,
    {(language, 2, name) for language in LANGUAGES for name in PAGE_PERMISSIONS},
    {(1, name) for name in COLLECTION_PERMISSIONS},
)


def refused(response):
    """Wagtail sends a user with admin access home with a message; Django's admin (superusers
    only) sends anyone else to its log-in page."""
    if response.status_code == 302:
        return response["Location"].split("?")[0] in (
            "/admin/",
            "/admin/login/",
            "/django-admin/login/",
        )
    return response.status_code in (403, 404)


def news(language="en"):
    return NewsIndexPage.objects.get(
        slug={"en": "news", "fr": "actualites"}[language], locale__language_code=language
    )


def article_form(title, slug, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "Why it matters.",
            "date": "2026-11-02",
            "image": "",
            "image_alt": "",
            "body": streamfield([("paragraph", rich_text("<p>Body text.</p>"))]),
            **extra,
        }
    )


# The role as the migration and the demo set it up --------------------------------------------


def test_the_editors_group_has_exactly_its_permissions(editor):
    editors = Group.objects.get(name="Editors")
    assert group_permissions(editors) == EXPECTED
    assert list(editor.groups.all()) == [editors]
    assert editor.is_staff and not editor.is_superuser
    assert editor.get_all_permissions() == MODEL_PERMISSIONS


def test_no_approval_step_stands_between_editors_and_publishing():
    assert not WorkflowPage.objects.exists()
    # Wagtail's default workflow stays, unassigned, for whoever wants an approval step.
    assert Workflow.objects.filter(name="Moderators approval", active=True).exists()
    assert Page.objects.get(slug="news", locale__language_code="en").get_workflow() is None


def test_the_migration_turns_wagtails_defaults_into_the_editors_role():
    """As a site migrated from Wagtail's defaults has it: the Editors group with add and edit
    on the tree's root, image and document permissions in Django's admin, the Moderators'
    approval workflow on the whole tree; plus something an earlier version left behind."""
    editors = Group.objects.get(name="Editors")
    root = Page.get_first_root_node()
    for codename in ("add_page", "change_page", "lock_page"):
        GroupPagePermission.objects.create(
            group=editors, page=root, permission=Permission.objects.get(codename=codename)
        )
    editors.permissions.add(
        *Permission.objects.filter(codename__in=["add_image", "delete_document", "change_user"])
    )
    GroupCollectionPermission.objects.create(
        group=editors,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="delete_image"),
    )
    workflow = Workflow.objects.get(name="Moderators approval")
    WorkflowPage.objects.create(workflow=workflow, page=root)

    set_up_editors(apps)
    assert group_permissions(editors) == EXPECTED
    assert not WorkflowPage.objects.exists()
    set_up_editors(apps)  # again: nothing changes
    assert group_permissions(editors) == EXPECTED


# What an editor does, through the admin's own forms --------------------------------------------


def test_editor_reaches_what_editors_look_after(editor_client):
    french_home = Page.objects.get(depth=2, locale__language_code="fr")
    for url in [
        f"/admin/pages/{french_home.pk}/edit/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/snippets/cms/partner/",
        "/admin/snippets/cms/partner/add/",
        "/admin/reports/translations/",
        "/admin/forms/",
    ]:
        assert editor_client.get(url).status_code == 200, url
    settings_page = editor_client.get("/admin/settings/cms/sitesettings/", follow=True)
    assert settings_page.status_code == 200
    assert 'name="contact_email"' in settings_page.content.decode()


def test_editor_publishes_a_new_page_at_once(editor_client):
    response = editor_client.post(
        f"/admin/pages/add/cms/newsarticlepage/{news().pk}/",
        article_form("Counter hours extended", "counter-hours", **{"action-publish": "publish"}),
    )
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(slug="counter-hours", locale__language_code="en")
    assert article.live and article.current_workflow_state is None
    assert editor_client.get("/news/counter-hours/").status_code == 200
    # The synced page tree shows it in French as an alias until it is translated.
    alias = article.get_translation(Locale.objects.get(language_code="fr"))
    assert alias.alias_of_id == article.pk


def test_editor_schedules_a_change(editor_client):
    article = news().add_child(
        instance=NewsArticlePage(title="Old title", slug="scheduled", date="2026-01-05")
    )
    article.save_revision().publish()
    go_live = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%d %H:%M")
    response = editor_client.post(
        f"/admin/pages/{article.pk}/edit/",
        article_form("New title", "scheduled", go_live_at=go_live, **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Old title" and article.live  # the live page waits for the date
    scheduled = article.scheduled_revision
    assert scheduled is not None and scheduled.as_object().title == "New title"


def test_editor_unpublishes_a_page(editor_client):
    article = news().add_child(
        instance=NewsArticlePage(title="Withdrawn", slug="withdrawn", date="2026-01-05")
    )
    article.save_revision().publish()
    assert editor_client.get("/news/withdrawn/").status_code == 200
    response = editor_client.post(f"/admin/pages/{article.pk}/unpublish/")
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{news().pk}/"
    article.refresh_from_db()
    assert not article.live
    assert editor_client.get("/news/withdrawn/").status_code == 404


def test_editor_translates_a_page_that_has_no_french_version(editor_client):
    """simple_translation's Translate action: offered, and it makes the French page."""
    article = news().add_child(
        instance=NewsArticlePage(title="Imported", slug="imported", date="2026-01-05")
    )
    article.save_revision().publish()
    translate = f"/admin/translation/submit/page/{article.pk}/"
    header = editor_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert f'href="{translate}"' in header
    french = Locale.objects.get(language_code="fr")
    response = editor_client.post(translate, {"locales": [french.pk]})
    copy = article.get_translation(french)
    assert response["Location"] == f"/admin/pages/{copy.pk}/edit/"
    assert copy.alias_of_id is None and copy.get_parent().specific == news("fr")


def test_editor_turns_a_french_alias_into_a_translation(editor_client):
    """A page with a French alias offers "Translate into French": Wagtail's conversion."""
    article = news().add_child(
        instance=NewsArticlePage(title="Aliased", slug="aliased", date="2026-01-05")
    )
    article.save_revision().publish()
    alias = article.copy_for_translation(Locale.objects.get(language_code="fr"), alias=True)
    convert = f"/admin/pages/{alias.pk}/convert_alias/"
    header = editor_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert f'href="{convert}"' in header and "Translate into French" in header
    response = editor_client.post(convert)
    assert response["Location"] == f"/admin/pages/{alias.pk}/edit/"
    alias.refresh_from_db()
    assert alias.alias_of_id is None and alias.live


def test_a_french_alias_is_marked_as_english_content(client):
    """Until it is translated, an alias shows English text in the French tree."""
    alias = Page.objects.get(slug="cx-day-activity-checklist", locale__language_code="fr")
    assert alias.alias_of_id
    html = client.get(alias.url).content.decode()
    assert (
        '<html lang="fr" dir="ltr">' in html and '<main id="main" tabindex="-1" lang="en">' in html
    )
    assert '<main id="main" tabindex="-1">' in client.get("/fr/").content.decode()


# The attack: an editor who knows the code -----------------------------------------------------


def test_editor_reaches_no_people_awards_or_site_administration(editor_client, editor):
    admin = get_user_model().objects.get(email="admin@demo.test")
    editors = Group.objects.get(name="Editors")
    nomination = Nomination.objects.first()
    cycle = AwardCycle.objects.first()
    round_ = Round.objects.first()
    urls = [
        "/admin/users/",
        f"/admin/users/{admin.pk}/",
        f"/admin/users/{editor.pk}/",
        "/admin/groups/",
        f"/admin/groups/edit/{editors.pk}/",
        "/admin/sites/",
        "/admin/locales/",
        "/admin/collections/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        f"/admin/workflows/edit/{Workflow.objects.get().pk}/",
        "/admin/redirects/",
        "/admin/nomination/",
        f"/admin/nomination/edit/{nomination.pk}/",
        f"/admin/awardcycle/edit/{cycle.pk}/",
        "/admin/judging/rounds/",
        f"/admin/judging/rounds/edit/{round_.pk}/",
        "/admin/judging/results/",
        "/admin/cycle-reports/",
        "/admin/failed-tasks/",
        "/admin/snippets/cms/sponsormember/",
        "/admin/snippets/cms/openlettersignature/",
        "/admin/snippets/cms/pledgesignature/",
        "/django-admin/awards_site/user/",
        "/django-admin/auth/group/",
        "/django-admin/wagtailimages/image/",
    ]
    answered = {url: editor_client.get(url) for url in urls}
    assert [url for url, response in answered.items() if not refused(response)] == []


def test_editor_cannot_raise_their_own_rights(editor_client, editor):
    editors = Group.objects.get(name="Editors")
    before = group_permissions(editors)
    editor_client.post(
        f"/admin/users/{editor.pk}/",
        {"email": editor.email, "is_superuser": "on", "groups": [editors.pk]},
    )
    editor_client.post(
        f"/admin/groups/edit/{editors.pk}/",
        {"name": "Editors", "permissions": list(Permission.objects.values_list("pk", flat=True))},
    )
    editor.refresh_from_db()
    assert not editor.is_superuser
    assert group_permissions(editors) == before


def test_editor_cannot_publish_outside_the_site_tree(editor_client):
    """A tree beside the site (another site's home, an archive) is not the editors'."""
    root = Page.get_first_root_node()
    outside = root.add_child(instance=NewsIndexPage(title="Staff archive", slug="staff-archive"))
    outside.save_revision().publish()
    article = outside.add_child(
        instance=NewsArticlePage(title="Internal note", slug="internal-note", date="2026-01-05")
    )
    article.save_revision().publish()

    attempts = {
        "edit": editor_client.get(f"/admin/pages/{article.pk}/edit/"),
        "publish": editor_client.post(
            f"/admin/pages/{article.pk}/edit/",
            article_form("Changed", "internal-note", **{"action-publish": "1"}),
        ),
        "unpublish": editor_client.post(f"/admin/pages/{article.pk}/unpublish/"),
        "add there": editor_client.post(
            f"/admin/pages/add/cms/newsarticlepage/{outside.pk}/",
            article_form("Added", "added-outside", **{"action-publish": "1"}),
        ),
        "add a site": editor_client.post(
            f"/admin/pages/add/cms/newsindexpage/{root.pk}/",
            nested_form_data(
                {"title": "New site", "slug": "new-site", "intro": "", "body": streamfield([])}
            ),
        ),
        "move out": editor_client.post(
            f"/admin/pages/{news().get_children().first().pk}/move/{outside.pk}/confirm/"
        ),
    }
    assert [name for name, response in attempts.items() if not refused(response)] == []
    copy = editor_client.post(
        f"/admin/pages/{news().get_children().first().pk}/copy/",
        {"new_title": "Copy", "new_slug": "copied", "new_parent_page": outside.pk},
    )
    assert 'You do not have permission to copy to page "Staff archive"' in page_text(copy)
    article.refresh_from_db()
    assert article.title == "Internal note" and article.live
    assert not Page.objects.filter(slug__in=["added-outside", "new-site", "copied"]).exists()
    assert outside.get_children().count() == 1


def test_editor_edits_a_partner_but_not_what_it_sponsors(editor_client):
    partner = Partner.objects.filter(cycles__isnull=True).first()
    cycle = AwardCycle.objects.get(code="CX26")
    form = editor_client.get(f"/admin/snippets/cms/partner/edit/{partner.pk}/").content.decode()
    assert 'name="cycles"' not in form and 'name="categories"' not in form
    response = editor_client.post(
        f"/admin/snippets/cms/partner/edit/{partner.pk}/",
        {
            "name": "Renamed partner",
            "logo": partner.logo_id or "",
            "tier": partner.tier,
            "country": partner.country,
            "website": partner.website,
            "sort_order": partner.sort_order,
            "cycles": [cycle.pk],
            "categories": list(cycle.categories.values_list("pk", flat=True)),
        },
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.name == "Renamed partner"
    assert not partner.cycles.exists() and not partner.categories.exists()
    # Deleting a partner would end its sponsor users' access: administrators do it.
    assert refused(editor_client.post(f"/admin/snippets/cms/partner/delete/{partner.pk}/"))
    assert Partner.objects.filter(pk=partner.pk).exists()
