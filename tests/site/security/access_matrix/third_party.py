"""Third-party URLs of the matrix, by family: the Wagtail admin, the Django admin, allauth's
accounts, documents, the language switch, the sitemap, media and Wagtail's page serving."""

from dataclasses import dataclass, field

from tests.site.security.access_matrix.outcomes import (
    ADMIN_DENIED,
    ADMIN_LOGIN,
    DENIED,
    LOGIN,
    METHOD,
    NOT_FOUND,
    OK,
    REDIRECT,
)


@dataclass(frozen=True)
class Group:
    """A family of third-party URLs (by route prefix), with what each kind of visitor gets.

    `anonymous` and `signed_in` (any signed-in role without admin access, one per URL in turn)
    are asked at every URL of the family; `editor` and `admin` at those without parameters.
    `exceptions` maps a URL name (or the route of an unnamed URL) to the outcomes that differ;
    None means "not asked", with the reason in a comment."""

    title: str
    prefixes: tuple
    anonymous: str
    signed_in: str
    editor: str | None
    admin: str | None
    exceptions: dict = field(default_factory=dict)

    def expected(self, key, who):
        return self.exceptions.get(key, {}).get(who, getattr(self, who))


def _same(outcome):
    return {"anonymous": outcome, "signed_in": outcome, "editor": outcome, "admin": outcome}


GROUPS = [
    Group(
        "Wagtail admin",
        ("admin/",),
        anonymous=ADMIN_LOGIN,
        signed_in=ADMIN_LOGIN,
        editor=OK,
        admin=OK,
        exceptions={
            # Public by design: the admin's icons and its translations for scripts.
            "wagtailadmin_sprite": _same(OK),
            "wagtailadmin_javascript_catalog": _same(OK),
            # Shadowed by the site's own log-in (awards_site/urls.py).
            "wagtailadmin_login": {
                "anonymous": LOGIN,
                "signed_in": REDIRECT,
                "editor": REDIRECT,
                "admin": REDIRECT,
            },
            # Shadowed by the site's log-out (awards_site/urls.py): a GET asks first.
            "wagtailadmin_logout": _same(REDIRECT),
            # Turned off: passwords are reset on the site (docs/security.md).
            "wagtailadmin_password_reset": _same(NOT_FOUND),
            "wagtailadmin_password_reset_done": _same(NOT_FOUND),
            "wagtailadmin_password_reset_confirm": _same(NOT_FOUND),
            "wagtailadmin_password_reset_complete": _same(NOT_FOUND),
            # Wagtail's deliberate error page (it raises, to test error reporting).
            "wagtailadmin_error_test": {"editor": None, "admin": None},
            # Need a query or a block to answer anything.
            "wagtailadmin_api:pages:find": {"editor": NOT_FOUND, "admin": NOT_FOUND},
            "wagtailadmin_api:documents:find": {"editor": NOT_FOUND, "admin": NOT_FOUND},
            "wagtailadmin_api:images:find": {"editor": NOT_FOUND, "admin": NOT_FOUND},
            "wagtailadmin_block_preview": {"editor": NOT_FOUND, "admin": NOT_FOUND},
            "wagtailredirects:process_import": {"editor": ADMIN_DENIED, "admin": METHOD},
            # Straight on to the only task type's form.
            "wagtailadmin_workflows:select_task_type": {"editor": ADMIN_DENIED, "admin": REDIRECT},
            # Refused to all: every snippet has its own menu (the snippets index lists none),
            # every language has its locale (none left to add).
            "wagtailsnippets:index": {"editor": ADMIN_DENIED, "admin": ADMIN_DENIED},
            "wagtaillocales:add": {"editor": ADMIN_DENIED, "admin": ADMIN_DENIED},
            # Editors edit pages, images and documents; the rest is the administrators'.
            **{
                name: {"editor": ADMIN_DENIED}
                for name in [
                    "wagtailredirects:index",
                    "wagtailredirects:index_results",
                    "wagtailredirects:add",
                    "wagtailredirects:start_import",
                    "wagtailadmin_collections:index",
                    "wagtailadmin_collections:add",
                    "wagtailadmin_workflows:index",
                    "wagtailadmin_workflows:index_results",
                    "wagtailadmin_workflows:add",
                    "wagtailadmin_workflows:task_index",
                    "wagtailadmin_workflows:task_index_results",
                    "wagtailadmin_reports:locked_pages",
                    "wagtailadmin_reports:locked_pages_results",
                    "wagtailsites:index",
                    "wagtailsites:index_results",
                    "wagtailsites:add",
                    "wagtailusers_groups:index",
                    "wagtailusers_groups:index_results",
                    "wagtailusers_groups:add",
                    "wagtaillocales:index",
                    "wagtaillocales:index_results",
                ]
            },
        },
    ),
    Group(
        "Django admin",
        ("django-admin/",),
        anonymous=ADMIN_LOGIN,
        signed_in=ADMIN_LOGIN,
        # Superusers only (awards_site/security/django_admin.py): the editor is staff, and kept out.
        editor=ADMIN_LOGIN,
        admin=OK,
        exceptions={
            # Shadowed by the site's own log-in, log-out and password change
            # (awards_site/urls.py).
            "admin:login": {
                "anonymous": LOGIN,
                "signed_in": REDIRECT,
                "editor": REDIRECT,
                "admin": REDIRECT,
            },
            "admin:logout": _same(REDIRECT),
            "admin:password_change": _same(REDIRECT),
            "admin:password_change_done": _same(REDIRECT),
            "admin:autocomplete": {"admin": DENIED},  # needs a query
            # Task results come from the task runner, never added by hand.
            "admin:django_tasks_database_dbtaskresult_add": {"admin": DENIED},
        },
    ),
    Group(
        "Accounts (allauth)",
        ("accounts/",),
        anonymous=LOGIN,
        signed_in=OK,
        editor=OK,
        admin=OK,
        exceptions={
            **{
                name: {"anonymous": OK}
                for name in [
                    "account_inactive",
                    "account_reset_password",
                    "account_reset_password_done",
                    "account_reset_password_from_key",
                    "account_reset_password_from_key_done",
                ]
            },
            "account_logout": {"anonymous": REDIRECT},
            # Where the emailed code is typed: only during a sign-up, a log-in or an address
            # change waiting for one; otherwise to the log-in page, or to the email page.
            "account_email_verification_sent": {
                "anonymous": LOGIN,
                "signed_in": REDIRECT,
                "editor": REDIRECT,
                "admin": REDIRECT,
            },
            # Signed in already: on to "My nominations", or to the page that does it.
            **{
                name: {
                    "anonymous": OK,
                    "signed_in": REDIRECT,
                    "editor": REDIRECT,
                    "admin": REDIRECT,
                }
                for name in ["account_login", "account_signup"]
            },
            **{
                name: {"signed_in": REDIRECT, "editor": REDIRECT, "admin": REDIRECT}
                for name in [
                    "account_set_password",
                    "account_confirm_login_code",
                    "mfa_authenticate",
                    "mfa_reauthenticate",
                    "mfa_activate_totp",
                    "mfa_generate_recovery_codes",
                ]
            },
            # Nobody here has two-step verification on: nothing to turn off or show.
            **{
                name: {"signed_in": NOT_FOUND, "editor": NOT_FOUND, "admin": NOT_FOUND}
                for name in [
                    "mfa_deactivate_totp",
                    "mfa_view_recovery_codes",
                    "mfa_download_recovery_codes",
                ]
            },
        },
    ),
    # Wagtail documents: the demo has none (collection privacy would apply to them).
    Group("Documents", ("documents/",), *[NOT_FOUND] * 4),
    Group("Language switch", ("i18n/",), *[REDIRECT] * 4),
    Group("Sitemap", ("sitemap.xml",), *[OK] * 4),
    # Public images and logos (private files are stored elsewhere: test_private_files_...).
    Group("Media", ("^media/",), *[NOT_FOUND] * 4),
    Group(
        "Site pages (Wagtail)",
        ("_util/", "^(("),
        anonymous=OK,
        signed_in=OK,
        editor=OK,
        admin=OK,
        exceptions={
            "wagtailcore_authenticate_with_password": _same(NOT_FOUND),  # no such restriction
            # Shadowed by the site's own log-in (awards_site/urls.py).
            "wagtailcore_login": _same(LOGIN),
        },
    ),
]

# URLs that an earlier pattern with the same address answers instead (the site's own log-in).
SHADOWED = {
    "wagtailadmin_login",
    "admin:login",
    "wagtailcore_login",
    # The admins' log-outs and the Django admin's password change (awards_site/urls.py).
    "wagtailadmin_logout",
    "admin:logout",
    "admin:password_change",
    "admin:password_change_done",
    # Wagtail's page view, behind the site's own, which finds the page first (cms/pages/routing.py).
    "wagtail_serve",
}


def group_of(endpoint):
    return next(
        (group for group in GROUPS if endpoint.route.startswith(group.prefixes)),
        None,
    )
