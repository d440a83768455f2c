"""The editors' role: what the "Editors" group may do, and how pages get published.

The publishing model (docs/editors.md, "Publishing"): editors publish directly. The programme's
communications team is small, so Wagtail's default "Moderators approval" workflow, which sends
every change of every page to a "Moderators" group for approval, is detached from the page tree
(the workflow itself stays, unassigned). An administrator adds an approval step where one is
wanted by assigning a workflow to a section (Settings ▸ Workflows).

The Editors group gets exactly what the programme's editors need, and nothing that reaches
users, groups, sites, locales, workflows, nominations, judging or sponsors' reports:

- pages: add, edit and publish (unpublish and schedule come with publish) in the tree of every
  site's home page, in every language: the English home and its French translation. Not the
  tree's root, so no new site and no page outside the site;
- translation: Wagtail's "submit translation" (the Translate action of simple_translation);
- images and documents: add, edit (which includes delete) and choose, in every collection
  (granted on the root collection); not managing collections;
- partners (the Partner snippet): add and edit; not deleting, and not what a partner sponsors
  (the `manage_sponsorship` permission, for administrators), since that decides which reports
  its users download;
- site settings: contact details, social links and the footer's pages;
- citizens' comments on the feedback platform: publishing them or not, and replying, for every
  agency (`feedback.moderate_any_comment`); not the agencies' figures, points or held answers.
- the guides and tools library (library/resources/): add, edit and delete resources, and read
  their downloads report.
- news subscribers (cms/campaigns/): see them, download the consenting ones for a mailing tool,
  and delete one when a person asks; campaign emails are pages, sent by whoever may publish.

Written against the `apps` registry it is given, so the data migration (historical models) and
the demo loader (the real ones) run the same code. Permission rows are created when missing: a
data migration on a new database runs before Django's post-migrate signal creates them.
"""

from awards_site.vocabularies.roles import group_of

EDITORS = group_of("editor")

# (app label, model, codename)
MODEL_PERMISSIONS = (
    ("wagtailadmin", "admin", "access_admin"),
    ("simple_translation", "simpletranslation", "submit_translation"),
    ("cms", "partner", "add_partner"),
    ("cms", "partner", "change_partner"),
    ("cms", "sitesettings", "change_sitesettings"),
    ("feedback", "response", "moderate_any_comment"),
    ("library", "resource", "add_resource"),
    ("library", "resource", "change_resource"),
    ("library", "resource", "delete_resource"),
    ("cms", "subscriber", "view_subscriber"),
    ("cms", "subscriber", "delete_subscriber"),
)
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
# On the root collection, so in every collection.
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "change_image"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "choose_document"),
)
# Wagtail's own default workflow (wagtailcore migration 0048), assigned to the tree's root.
DEFAULT_WORKFLOW = "Moderators approval"


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": _permission_name(apps, app_label, model, codename)},
    )
    return permission


def _permission_name(apps, app_label, model, codename):
    """The name Django would give the permission (it creates them only after migrating)."""
    try:
        options = apps.get_model(app_label, model)._meta
    except LookupError:
        return codename
    action = codename.removesuffix(f"_{options.model_name}")
    if action in options.default_permissions:
        return f"Can {action} {options.verbose_name_raw}"
    return str(dict(options.permissions).get(codename, codename))


def editor_roots(apps):
    """The pages whose trees editors work in: every site's home page and its translations."""
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    keys = Site.objects.values_list("root_page__translation_key", flat=True)
    return list(Page.objects.filter(translation_key__in=list(keys)).order_by("path"))


def give_editors_the_site(apps):
    """Add, edit and publish in the tree of every site's home page, in every language. Adds
    what is missing, removes nothing: the demo loader calls it once its home pages exist."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    permissions = [_permission(apps, "wagtailcore", "page", name) for name in PAGE_PERMISSIONS]
    for page in editor_roots(apps):
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(
                group=editors, page=page, permission=permission
            )
    return editors


def set_up_editors(apps):
    """The Editors group with exactly the permissions above (what it had beyond them is
    removed), and pages published without Wagtail's default approval step."""
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    editors = give_editors_the_site(apps)
    roots = [page.pk for page in editor_roots(apps)]
    page_permissions = [
        _permission(apps, "wagtailcore", "page", name).pk for name in PAGE_PERMISSIONS
    ]
    GroupPagePermission.objects.filter(group=editors).exclude(
        page__in=roots, permission__in=page_permissions
    ).delete()

    editors.permissions.set([_permission(apps, *spec) for spec in MODEL_PERMISSIONS])

    root_collection = Collection.objects.filter(depth=1).first()
    wanted = [_permission(apps, *spec) for spec in COLLECTION_PERMISSIONS]
    if root_collection is not None:
        for permission in wanted:
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=root_collection, permission=permission
            )
    GroupCollectionPermission.objects.filter(group=editors).exclude(
        collection=root_collection, permission__in=wanted
    ).delete()

    publish_directly(apps)
    return editors


def publish_directly(apps):
    """Detach Wagtail's default "Moderators approval" workflow from the root of the tree. The
    workflow stays (unassigned) for an administrator who wants an approval step somewhere."""
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowPage.objects.filter(workflow__name=DEFAULT_WORKFLOW, page__depth=1).delete()
