"""Every Wagtail bulk action and every Django admin action, with who may do each: a POST, as the
anonymous visitor, a signed-in role without admin access, the editor and the administrator.
"-" means "may" (what the action does is the package's to test; the administrator's
confirmation screen is checked to open); any other outcome is a refusal, and the refused POST
must change nothing (test_access_matrix.py, test_admin_actions_...). A new action (a package
upgrade, a hook) fails test_every_admin_action_is_in_the_table until it has a row."""

from tests.site.security.access_matrix.outcomes import ALLOWED, OUTCOMES

ACTION_COLUMNS = ("anonymous", "signed_in", "editor", "admin")


def actions(rows, allowed=OUTCOMES | {ALLOWED}):
    table = {}
    for name, cells in rows.items():
        outcomes = tuple(cells.split())
        assert len(outcomes) == len(ACTION_COLUMNS), f"{name}: one outcome per column"
        assert set(outcomes) <= allowed, f"{name}: unknown outcome in {outcomes}"
        table[name] = dict(zip(ACTION_COLUMNS, outcomes, strict=True))
    return table


# fmt: off
ACTIONS = actions({
    #  Wagtail bulk actions, "bulk:<app>.<model>:<action>"   anon  in    edit  admin
    # Pages: editors publish, move and delete pages (the Editors group's page permissions).
    "bulk:wagtailcore.page:delete":                        "ADM   ADM   -     -",
    "bulk:wagtailcore.page:move":                          "ADM   ADM   -     -",
    "bulk:wagtailcore.page:publish":                       "ADM   ADM   -     -",
    "bulk:wagtailcore.page:unpublish":                     "ADM   ADM   -     -",
    # Images and documents: the editors' too.
    "bulk:wagtailimages.image:add_tags":                   "ADM   ADM   -     -",
    "bulk:wagtailimages.image:add_to_collection":          "ADM   ADM   -     -",
    "bulk:wagtailimages.image:delete":                     "ADM   ADM   -     -",
    "bulk:wagtaildocs.document:add_tags":                  "ADM   ADM   -     -",
    "bulk:wagtaildocs.document:add_to_collection":         "ADM   ADM   -     -",
    "bulk:wagtaildocs.document:delete":                    "ADM   ADM   -     -",
    # Accounts: administrators only, after confirming it is them
    # (awards_site/accounts/users_admin.py).
    # The editor's attempt to make themselves an administrator is refused.
    "bulk:awards_site.user:assign_role":                   "ADM   ADM   A403  -",
    "bulk:awards_site.user:delete":                        "ADM   ADM   A403  -",
    "bulk:awards_site.user:set_active_state":              "ADM   ADM   A403  -",
    # Snippets: sponsor users, signatures, partners, signatories are the administrators'.
    # Wagtail checks each object: the editor's POST acts on none and is sent back (3XX).
    "bulk:cms.partner:delete":                             "ADM   ADM   3XX   -",
    "bulk:cms.sponsormember:delete":                       "ADM   ADM   3XX   -",
    "bulk:cms.openlettersignature:delete":                 "ADM   ADM   3XX   -",
    "bulk:cms.pledgesignature:delete":                     "ADM   ADM   3XX   -",
    "bulk:judging.signatory:delete":                       "ADM   ADM   3XX   -",
    # Editors delete resources (cms/editors.py): their bulk delete is theirs too.
    "bulk:library.resource:delete":                        "ADM   ADM   -     -",
    #  Django admin actions (superusers only: awards_site/security/django_admin.py),
    #  "django-admin:<app>.<model>:<action>"
    "django-admin:mfa.authenticator:delete_selected":      "ADM   ADM   ADM   -",
    "django-admin:usersessions.usersession:delete_selected":
                                                           "ADM   ADM   ADM   -",
})
# fmt: on
