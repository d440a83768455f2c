"""The access-control matrix: who gets what at every URL of the project (issue 6, "Trust").
tests/site/test_access_matrix.py requests each URL as each role and compares with this table;
the top of that module says how to add a row.

Columns (tests/site/access_world.py builds them on the demo data):

    anon   anonymous visitor
    A      nominator A: owns the nominations, the evidence, the consent and the certificate
    B      nominator B: another nominator
    judge  a judge assigned to A's entry, with a scoresheet
    other  a judge on the same panel, not assigned to it
    confl  a judge assigned to it who declared a conflict with it (asks for their own
           assignment, which the conflict hides)
    spons  the sponsor of the cycle (supports all of CX26, one category of CX27)
    other  the sponsor of another partner (one other category of CX27)
    edit   the editor: Wagtail admin access, page permissions, no permission on awards data
    admin  the administrator (superuser)

Outcomes:

    OK    200
    LOG   redirect to the site's log-in page (/accounts/login/?next=...)
    ADM   redirect to the admin's log-in (/admin/login/?next=...): no admin access at all
    A403  Wagtail's "permission denied": admin access, but not to this screen (a redirect to
          the admin home with a message)
    3XX   any other redirect (e.g. to the page to use instead)
    403, 404, 405   those statuses (405: a GET of a view that takes only POST)
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from cms.signing.confirmation import make_token
from tests.site.access_world import ROLES

OK = "OK"
LOGIN = "LOG"
ADMIN_LOGIN = "ADM"
ADMIN_DENIED = "A403"
REDIRECT = "3XX"
DENIED = "403"
NOT_FOUND = "404"
METHOD = "405"
ALLOWED = "-"  # POSTS only: this role may post; what it does is tested by the app's tests
OUTCOMES = {OK, LOGIN, ADMIN_LOGIN, ADMIN_DENIED, REDIRECT, DENIED, NOT_FOUND, METHOD}
REFUSALS = {LOGIN, ADMIN_LOGIN, ADMIN_DENIED, DENIED, NOT_FOUND, METHOD}
STATUSES = {200: OK, 403: DENIED, 404: NOT_FOUND, 405: METHOD}
# Both admins' log-in pages send on to the site's (awards_site/views.py); being sent there
# means "no admin access".
LOGIN_PAGES = {
    "/accounts/login/": LOGIN,
    "/admin/login/": ADMIN_LOGIN,
    "/django-admin/login/": ADMIN_LOGIN,
}


# What wagtail.admin.auth.permission_denied says (in English: the tests ask in English).
WAGTAIL_PERMISSION_DENIED = "Sorry, you do not have permission to access this area."


def messages_added(response):
    """The messages this request added (not those left unread by earlier ones)."""
    storage = response.wsgi_request._messages
    return [str(message).strip() for message in storage._queued_messages]


def outcome_of(response):
    """The response in the table's words; any other status comes back as its number."""
    if response.status_code in (301, 302, 303, 307, 308):
        target = urlsplit(response["Location"]).path
        if target in LOGIN_PAGES:
            return LOGIN_PAGES[target]
        if target == "/admin/" and WAGTAIL_PERMISSION_DENIED in messages_added(response):
            return ADMIN_DENIED
        return REDIRECT
    return STATUSES.get(response.status_code, str(response.status_code))


def section(prefix, rows, allowed=OUTCOMES):
    """Rows whose URL names start with `prefix`; each row is one outcome per role, in order."""
    table = {}
    for name, cells in rows.items():
        outcomes = tuple(cells.split())
        assert len(outcomes) == len(ROLES), f"{prefix}{name}: one outcome per role"
        assert set(outcomes) <= allowed, f"{prefix}{name}: unknown outcome in {outcomes}"
        table[prefix + name] = dict(zip(ROLES, outcomes, strict=True))
    return table


def screens(prefix, names, row, **exceptions):
    """Several URL names that answer alike (the screens of one admin viewset): `row` for each,
    and the `exceptions` (URL name after the prefix -> row) for those that do not."""
    return section(prefix, {**dict.fromkeys(names, row), **exceptions})


# Model viewsets: Wagtail's generic screens, one URL name each (plus a viewset's own extras).
VIEWSET = ["index", "index_results", "add", "edit", "delete", "history", "history_results"]
VIEWSET += ["usage"]
SNIPPETS = ["list", "list_results", "add", "edit", "delete", "usage", "history"]
SNIPPETS += ["history_results"]
CHOOSER = ["choose", "choose_results", "chosen", "chosen_multiple", "create"]

# fmt: off
# How the project's admin screens answer: nobody without admin access gets in (ADM).
#                  anon  A     B     judge other confl spons other edit  admin
ADMINS_ONLY =     "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   A403  OK"
# The model's permission policy allows this action to nobody, administrators included.
NOBODY =          "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   A403  A403"
# POST only (see POSTS).
ADMINS_POST =     "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   A403  405"
# Any admin user: choosers of public names (the editor picks them in other screens).
ANY_ADMIN_USER =  "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   OK    OK"
# The editors' work (cms/editors.py): partners, the report of translations to update.
EDITORS =         "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   OK    OK"
# fmt: on

# fmt: off
MATRIX = {
    # The site ------------------------------------------------------------------------------
    **section("", {
        #                            anon  A     B     judge other confl spons other edit  admin
        "search":                   "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        # Wagtail's log-in for private pages, the admins' log-ins: all go to the site's log-in
        # (signed in: on to where they were going, or home).
        "site_login_redirect":      "LOG   LOG   LOG   LOG   LOG   LOG   LOG   LOG   LOG   LOG",
        "admin_login_redirect":     "LOG   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX",
        "django_admin_login_redirect":
                                    "LOG   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX",
        # The admins' log-outs: a GET goes to the site's sign-out page, which asks first
        # (tests/site/test_attack_staff_paths.py: a GET changes nothing, a POST signs out).
        "admin_logout":             "3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX",
        "django_admin_logout":      "3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX",
        # The Django admin's password change: to Account security's.
        "django_admin_password_change":
                                    "3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX",
        "django_admin_password_change_done":
                                    "3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX",
        # A signature's confirmation link: for whoever holds it (it came in their email).
        "signature_confirm":        "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
    }),
    # Nominations: A's 2027 nomination, still open to changes -------------------------------
    **section("nominations:", {
        #                            anon  A     B     judge other confl spons other edit  admin
        "start":                    "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        # The wizard's own address sends the owner on to the first step.
        "wizard":                   "LOG   3XX   404   404   404   404   404   404   404   404",
        "step":                     "LOG   OK    404   404   404   404   404   404   404   404",
        "my_nominations":           "LOG   OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "detail":                   "LOG   OK    404   404   404   404   404   404   404   404",
        "submitted":                "LOG   OK    404   404   404   404   404   404   404   404",
        "withdraw":                 "LOG   OK    404   404   404   404   404   404   404   404",
        "pdf":                      "LOG   OK    404   404   404   404   404   404   404   404",
        "evidence":                 "LOG   OK    404   404   404   404   404   404   404   404",
        # POST only (see POSTS).
        "resend_verification":      "405   405   405   405   405   405   405   405   405   405",
        "resend_submission":        "405   405   405   405   405   405   405   405   405   405",
        "my_data":                  "LOG   OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "my_data_download":         "LOG   OK    OK    OK    OK    OK    OK    OK    OK    OK",
        # B has already asked for deletion (access_world.py): sent back to "My data".
        "request_deletion":         "LOG   OK    3XX   OK    OK    OK    OK    OK    OK    OK",
        "withdraw_consent":         "LOG   OK    404   404   404   404   404   404   404   404",
    }),
    # Judging: A's 2027 entry in the open screening round, A's 2026 nomination's feedback and
    # certificate, the assigned judge's own certificate ----------------------------------------
    **section("judging:", {
        #                            anon  A     B     judge other confl spons other edit  admin
        "dashboard":                "LOG   404   404   OK    OK    OK    404   404   404   404",
        "conflicts":                "LOG   404   404   OK    OK    OK    404   404   404   404",
        "entry":                    "LOG   404   404   OK    404   404   404   404   404   404",
        "conflict_check":           "LOG   404   404   OK    404   404   404   404   404   404",
        # The judge's scoresheet is already sent: back to the entry.
        "submit":                   "LOG   404   404   3XX   404   404   404   404   404   404",
        "evidence":                 "LOG   404   404   OK    404   404   404   404   404   404",
        "pdf":                      "LOG   404   404   OK    404   404   404   404   404   404",
        "feedback":                 "LOG   OK    404   404   404   404   404   404   404   404",
        # Public by design: what a certificate says, for whoever holds its code.
        "certificate_verify_form":  "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "certificate_verify":       "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "nomination_certificate":   "LOG   OK    404   404   404   404   404   404   404   404",
        "judge_certificate":        "LOG   404   404   OK    404   404   404   404   404   404",
    }),
    # The sponsor area: the whole of CX26, and CX27's "Digital public service" ----------------
    **section("sponsors:", {
        #                            anon  A     B     judge other confl spons other edit  admin
        "index":                    "LOG   404   404   404   404   404   OK    OK    404   404",
        "workbook":                 "LOG   404   404   404   404   404   OK    404   404   404",
        "summary":                  "LOG   404   404   404   404   404   OK    404   404   404",
    }),
    # The project's admin screens: reports, results, certificates, evidence ----------------
    **screens("", [
        "cms_reports_index", "cms_reports_workbook", "cms_reports_summary",
        "nominations_admin_evidence",
        "judging_results_index", "judging_results", "judging_results_publish",
        "judging_results_entry", "judging_results_export",
        "judging_certificates", "judging_certificates_issue", "judging_certificates_batch",
        "judging_certificates_batch_zip", "judging_certificates_pdf",
        "judging_certificates_revoke", "judging_certificates_reissue",
    ], ADMINS_ONLY,
        judging_results_shortlist=ADMINS_POST,
        judging_results_decide=ADMINS_POST,
    ),
    # The editors' report of translations to update (cms/translations/report.py) ------------
    **screens("", ["cms_translation_report", "cms_translation_report_results"], EDITORS),
    # Awards viewsets (nominations/wagtail_hooks.py) -----------------------------------------
    # Nominations come from the nomination form; deletion requests from the person, and are
    # never deleted (the record of the erasure).
    # The review screen is the inspect view; the edit address leads there (3XX).
    **screens("nomination:", [*VIEWSET, "inspect"], ADMINS_ONLY, add=NOBODY,
              edit="ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   A403  3XX"),
    **screens("awardcycle:", VIEWSET, ADMINS_ONLY),
    **screens("category:", [*VIEWSET, "copy"], ADMINS_ONLY),
    **screens("deletion_requests:", [*VIEWSET, "inspect"], ADMINS_ONLY,
              add=NOBODY, delete=NOBODY),
    # Judging viewsets (judging/*/admin_views.py) ------------------------------------------
    **screens("judging_rubrics:", [*VIEWSET, "copy"], ADMINS_ONLY),
    **screens("judging_rounds:", [*VIEWSET, "assign", "progress"], ADMINS_ONLY,
              remind=ADMINS_POST),
    **screens("judging_judges:", VIEWSET, ADMINS_ONLY),
    **screens("judging_conflicts:", ["index"], ADMINS_ONLY, clear=ADMINS_POST),
    **screens("judging_assignments:", VIEWSET, ADMINS_ONLY),
    **screens("judging_overdue:", ["index"], ADMINS_ONLY),
    # Failed background tasks (awards_site/background/failed_admin.py): read and dismissed, never
    # added or edited ("usage" goes with editing).
    **screens("failed_tasks:", [*VIEWSET, "inspect"], ADMINS_ONLY,
              add=NOBODY, edit=NOBODY, usage=NOBODY),
    # Users (the project's user model, in Wagtail's users screens) --------------------------
    **screens("wagtailusers_users:", [*VIEWSET, "copy"], ADMINS_ONLY),
    # Snippets (cms/wagtail_hooks.py, judging/certificates/admin.py) ------------------------
    # Editors add and change partners (not what they sponsor, a field they do not get); deleting
    # one ends its sponsor users' access: administrators only.
    **screens("wagtailsnippets_cms_partner:", [*SNIPPETS, "copy"], EDITORS, delete=ADMINS_ONLY),
    **screens("wagtailsnippets_cms_sponsormember:", SNIPPETS, ADMINS_ONLY),
    **screens("wagtailsnippets_cms_openlettersignature:", [*SNIPPETS, "copy"], ADMINS_ONLY),
    **screens("wagtailsnippets_cms_pledgesignature:", [*SNIPPETS, "copy"], ADMINS_ONLY),
    **screens("wagtailsnippets_judging_signatory:", [*SNIPPETS, "copy"], ADMINS_ONLY),
    # Choosers: partners and signatories are public names that any admin user may pick (adding
    # one from the chooser needs the "add" permission); sponsor users and signatures are
    # personal data, for users with a permission on them only (PersonalDataChooserViewSet).
    # Partners are added on their own screen: the chooser's "create" address, which Wagtail
    # registers without a form for it, is refused (it failed with a server error).
    **screens("wagtailsnippetchoosers_cms_partner:", CHOOSER, ANY_ADMIN_USER, create=NOBODY),
    **screens("wagtailsnippetchoosers_judging_signatory:", CHOOSER, ANY_ADMIN_USER,
              create=ADMINS_ONLY),
    **screens("wagtailsnippetchoosers_cms_sponsormember:", CHOOSER, ADMINS_ONLY),
    **screens("wagtailsnippetchoosers_cms_openlettersignature:", CHOOSER, ADMINS_ONLY),
    **screens("wagtailsnippetchoosers_cms_pledgesignature:", CHOOSER, ADMINS_ONLY),
}

# What a POST gets, where it differs from a GET (views that take only POST, or where a GET is
# open to all but a POST is not). Everyone refused is also checked to have changed nothing.
POSTS = {
    **section("nominations:", {
        #                            anon  A     B     judge other confl spons other edit  admin
        # Anyone may read how to nominate; starting a nomination needs an account.
        "start":                    "LOG   -     -     -     -     -     -     -     -     -",
        # Each person asks for a new link to their own address.
        "resend_verification":      "LOG   -     -     -     -     -     -     -     -     -",
        # The owner asks for their nomination's confirmation again; nobody else finds it.
        "resend_submission":        "LOG   -     404   404   404   404   404   404   404   404",
    }, allowed=OUTCOMES | {ALLOWED}),
    **section("", {
        #                            anon  A     B     judge other confl spons other edit  admin
        "judging_results_shortlist":"ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   A403  -",
        "judging_results_decide":   "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   A403  -",
        "judging_rounds:remind":    "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   A403  -",
        "judging_conflicts:clear":  "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   A403  -",
    }, allowed=OUTCOMES | {ALLOWED}),
}
# fmt: on


# Which object each URL parameter names ----------------------------------------------------------
# By parameter name; IDS_BY_NAME overrides it for some URLs (a URL name, or a prefix ending in
# ":" for a whole namespace).
IDS = {
    "uuid": lambda w, role: w.nomination.uuid,
    "step": lambda w, role: "organisation",
    "evidence_id": lambda w, role: w.evidence.pk,
    "consent_id": lambda w, role: w.consent.pk,
    # The conflicted judge asks for their own assignment, which the conflict hides; everyone else
    # asks for the assigned judge's.
    "assignment_id": lambda w, role: (
        (w.conflicted_assignment if role == "conflicted_judge" else w.assignment).pk
    ),
    "code": lambda w, role: w.certificate.display_code,
    "cycle_code": lambda w, role: w.cx26.code,
    "cycle_id": lambda w, role: w.cx26.pk,
    "category_id": lambda w, role: w.digital_2026.pk,
    "round_id": lambda w, role: w.final_2026.pk,
    "nomination_id": lambda w, role: w.past_nomination.pk,
    "batch_id": lambda w, role: w.batch.pk,
    "certificate_id": lambda w, role: w.certificate.pk,
    "token": lambda w, role: make_token(w.letter_signature),
}


def _pk(attribute):
    return {"pk": lambda w, role: getattr(w, attribute).pk}


IDS_BY_NAME = {
    "judging:evidence": {"evidence_id": lambda w, role: w.entry_evidence.pk},
    "judging:feedback": {"uuid": lambda w, role: w.past_nomination.uuid},
    "judging:nomination_certificate": {"uuid": lambda w, role: w.past_nomination.uuid},
    "judging:judge_certificate": {"code": lambda w, role: w.judge_certificate.display_code},
    # The sponsor's whole-cycle reports are CX26's; its category reports CX27's digital one
    # (ids_for sets the cycle).
    "sponsors:": {"category_id": lambda w, role: w.digital_2027.pk},
    "nominations_admin_evidence": _pk("evidence"),
    "nomination:": _pk("entry"),
    "awardcycle:": _pk("cx27"),
    "category:": _pk("digital_2027"),
    "deletion_requests:": _pk("deletion_request"),
    "judging_rubrics:": {"pk": lambda w, role: w.screening.rubric_id},
    "judging_rounds:": _pk("screening"),
    "judging_judges:": {"pk": lambda w, role: w.assignment.judge_id},
    "judging_assignments:": _pk("assignment"),
    "failed_tasks:": _pk("failed_task"),
    "wagtailusers_users:": {"pk": lambda w, role: w.users["nominator_a"].pk},
    "wagtailsnippets_cms_partner:": _pk("partner"),
    "wagtailsnippetchoosers_cms_partner:": _pk("partner"),
    "wagtailsnippets_cms_sponsormember:": _pk("sponsor_member"),
    "wagtailsnippetchoosers_cms_sponsormember:": _pk("sponsor_member"),
    "wagtailsnippets_cms_openlettersignature:": _pk("letter_signature"),
    "wagtailsnippetchoosers_cms_openlettersignature:": _pk("letter_signature"),
    "wagtailsnippets_cms_pledgesignature:": _pk("pledge_signature"),
    "wagtailsnippetchoosers_cms_pledgesignature:": _pk("pledge_signature"),
    "wagtailsnippets_judging_signatory:": _pk("signatory"),
    "wagtailsnippetchoosers_judging_signatory:": _pk("signatory"),
}


def ids_for(endpoint, world, role):
    """The values of the endpoint's parameters, as `role` would follow them."""
    chosen = dict(IDS)
    url_name = endpoint.name or ""
    for name, overrides in IDS_BY_NAME.items():
        if url_name == name or (name.endswith(":") and url_name.startswith(name)):
            chosen.update(overrides)
    unknown = [param for param in endpoint.params if param not in chosen]
    assert not unknown, f"{endpoint.key}: say in IDS which object {unknown} names"
    values = {param: chosen[param](world, role) for param in endpoint.params}
    if "cycle_code" in values and "category_id" in values:
        values["cycle_code"] = world.cx27.code  # a category report: the sponsor's CX27 one
    return values


# Third-party URLs, by family ---------------------------------------------------------------------
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
}


def group_of(endpoint):
    return next(
        (group for group in GROUPS if endpoint.route.startswith(group.prefixes)),
        None,
    )


# Admin actions -----------------------------------------------------------------------------------
# Every Wagtail bulk action and every Django admin action, with who may do each: a POST, as the
# anonymous visitor, a signed-in role without admin access, the editor and the administrator.
# "-" means "may" (what the action does is the package's to test; the administrator's
# confirmation screen is checked to open); any other outcome is a refusal, and the refused POST
# must change nothing (tests/site/test_access_matrix.py, test_admin_actions_...). A new action
# (a package upgrade, a hook) fails test_every_admin_action_is_in_the_table until it has a row.
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
    #  Django admin actions (superusers only: awards_site/security/django_admin.py),
    #  "django-admin:<app>.<model>:<action>"
    "django-admin:mfa.authenticator:delete_selected":      "ADM   ADM   ADM   -",
    "django-admin:usersessions.usersession:delete_selected":
                                                           "ADM   ADM   ADM   -",
})
# fmt: on
