"""Who may reach what: every URL of the project, requested as each of ten roles, against one
table of expected outcomes (issue 6, "Trust").

The URLs come from the URL configuration itself (endpoints.py, this package), so a URL added
anywhere (a view, a viewset, a hook registering admin URLs) fails
`test_every_url_is_in_the_table` until the table says who may use it.

How to add a row for a new URL:

1. Run `.venv/bin/python -m pytest tests/site/security/access_matrix/ -q`; the failure names
   the URL (its name, or its route when it has none).
2. Add a row under its namespace in MATRIX (site_pages.py or admin_screens.py, this
   package): one outcome per role, in the order of the column comment (OK, LOG, ADM, A403,
   3XX, 403, 404, 405; outcomes.py says what each means). A screen of a project admin viewset
   usually takes one word in its screens(...) list, with one of the standard rows
   (ADMINS_ONLY, NOBODY, ...).
   Say in a comment why when an outcome is not the obvious one.
3. If the URL takes ids, say which object each names in IDS / IDS_BY_NAME: requests use
   realistic ids, those of nominator A's objects (world.py, this package), so every other
   role shows whether it is kept out. Anyone who is not entitled must get a 404 (or the
   log-in, or the admin's refusal), never the owner's data.
4. If the view takes only POST, add its row to POSTS too (what a POST gets).
5. A third-party URL falls in a family of GROUPS by its route prefix; add an exception there
   only if it answers differently from the rest of its family.

Run time: about a minute on SQLite (PDF rendering is replaced by a stub here: who may
download is decided before anything is rendered; the PDFs have their own tests).
"""

import html
import io
import itertools
import re
import zipfile

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.site.security.access_matrix.admin_actions import ACTIONS
from tests.site.security.access_matrix.endpoints import endpoints
from tests.site.security.access_matrix.ids import ids_for
from tests.site.security.access_matrix.outcomes import (
    ALLOWED,
    METHOD,
    OK,
    REDIRECT,
    REFUSALS,
    outcome_of,
)
from tests.site.security.access_matrix.project_urls import MATRIX, POSTS
from tests.site.security.access_matrix.third_party import SHADOWED, group_of
from tests.site.security.access_matrix.world import NON_STAFF_ROLES, ROLES, build_world

pytestmark = pytest.mark.django_db

SIGNED_IN_NON_STAFF = [role for role in NON_STAFF_ROLES if role != "anonymous"]
# Roles with no right to anything of nominator A's that is not public.
NOT_ENTITLED = {
    "anonymous",
    "nominator_b",
    "other_judge",
    "conflicted_judge",
    "other_sponsor",
    "editor",
}
# Pages that show some of it by design: what a certificate says, to whoever holds its code; a
# judge's own conflict declarations, which name the entry.
SHOWN_BY_DESIGN = {
    *[("judging:certificate_verify", role) for role in NOT_ENTITLED],
    ("judging:conflicts", "conflicted_judge"),
    ("nominations:my_data_download", "conflicted_judge"),
    # The news subscribers' list is the editors' to send the news with: a nominator who
    # subscribed is listed there by their address, and nothing of their nominations.
    ("news_subscribers:index", "editor"),
    ("news_subscribers:index_results", "editor"),
}


@pytest.fixture
def world(monkeypatch):
    import weasyprint

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", lambda self, *args, **kwargs: b"%PDF-1.7")
    world = build_world()
    yield world
    world.batch.zip.delete(save=False)  # the one file the world writes (private storage)


@pytest.fixture
def visitor(client, world):
    return Visitor(client, world)


class Visitor:
    """The test client, signed in as one role at a time."""

    def __init__(self, client, world):
        self.client = client
        self.world = world
        self.role = None
        client.raise_request_exception = False  # a 500 is an outcome to report, not a crash

    def be(self, role):
        if role != self.role:
            self.client.logout()
            if self.world.users[role]:
                self.client.force_login(self.world.users[role])
            self.role = role

    def request(self, method, address, data=None):
        response = getattr(self.client, method)(address, data or {})
        if self.world.users[self.role] and not self._signed_in():
            # No GET should sign anyone out (tests/site/security/test_attack_staff_paths.py
            # checks the log-out addresses); if one did, the next request must still be this
            # role's.
            self.client.force_login(self.world.users[self.role])
        return response

    def _signed_in(self):
        cookie = self.client.cookies.get(settings.SESSION_COOKIE_NAME)
        return cookie is not None and bool(cookie.value)


def project_endpoints():
    return [endpoint for endpoint in endpoints() if endpoint.is_project_owned]


def leaked(response, world, refused=False):
    """The owner's data this response shows, if any (on a refusal, not even a reference)."""
    text = visible_text(response)
    return [
        secret
        for secret in world.secrets + (world.references if refused else [])
        if secret in text or html.escape(secret) in text
    ]


def visible_text(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"PK"):  # a ZIP archive or a workbook: what is inside
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            content = b"".join(archive.read(name) for name in archive.namelist())
    return content.decode("utf-8", errors="ignore")


def report(problems):
    return "\n".join(["", *problems])


# The table covers every URL ----------------------------------------------------------------------
def test_every_url_is_in_the_table():
    problems = []
    for endpoint in endpoints():
        if endpoint.is_project_owned:
            if endpoint.key not in MATRIX:
                problems.append(f"{endpoint.key} ({endpoint.route}): add a row to MATRIX")
        elif group_of(endpoint) is None:
            problems.append(f"{endpoint.key} ({endpoint.route}): in no group of GROUPS")
    keys = {endpoint.key for endpoint in endpoints()}
    problems += [f"{key}: a row for no URL" for key in MATRIX.keys() - keys]
    problems += [f"{key}: a POSTS row for no URL" for key in POSTS.keys() - keys]
    assert not problems, report(problems)


def test_only_the_known_urls_are_shadowed_by_an_earlier_one():
    shadowed = {
        endpoint.key for endpoint in endpoints() if not endpoint.resolves_here(endpoint.address())
    }
    assert shadowed == SHADOWED


# The project's URLs, as each role ----------------------------------------------------------------
@pytest.mark.parametrize("role", ROLES)
def test_project_urls_answer_each_role_as_the_table_says(visitor, world, role):
    visitor.be(role)
    problems = []
    for endpoint in project_endpoints():
        address = endpoint.address(**ids_for(endpoint, world, role))
        response = visitor.request("get", address)
        expected = MATRIX[endpoint.key][role]
        got = outcome_of(response)
        refused = got in REFUSALS
        kept_out = refused or (role in NOT_ENTITLED and (endpoint.key, role) not in SHOWN_BY_DESIGN)
        if got != expected:
            problems.append(f"{endpoint.key} {address}: expected {expected}, got {got}")
        elif kept_out and (shown := leaked(response, world, refused=refused)):
            problems.append(f"{endpoint.key} {address} ({got}) shows {shown}")
    assert not problems, report(problems)


# Refused POSTs change nothing --------------------------------------------------------------------
POST_DATA = {
    "version": "1",
    "no_conflict": "1",
    "reason": "Changed by someone else",
    "overall_comment": "Changed by someone else",
    "recommendation": "no",
    "status": "ineligible",
    "status_reason": "Changed by someone else",
    # The nomination review screen's actions (nominations/review/admin_views.py).
    "action": "ineligible",
    "ineligible-reason": "Changed by someone else",
    "decision": "complete",
    "note": "Changed by someone else",
    "name": "Changed by someone else",
    "email": "someone@else.example",
}


def post_data(world):
    """What a form of the site would send, so an accepted POST would change something."""
    return {
        **POST_DATA,
        f"nomination-{world.nomination.uuid}-current_step": "organisation",
        "organisation-organisation_name": "Changed by someone else",
    }


def post_plan():
    """(role, endpoint, expected outcome) of every POST that must be refused, by role: at the
    site's URLs, every role; at admin URLs, the editor and one role without admin access, in
    turn (the admin refuses those before any view runs, as the GETs above show for each)."""
    rotation = itertools.cycle(NON_STAFF_ROLES)
    plan = []
    for endpoint in project_endpoints():
        is_admin = endpoint.route.startswith("admin/")
        for role in [next(rotation), "editor"] if is_admin else ROLES:
            expected = expected_post(endpoint, role)
            if expected in REFUSALS:
                plan.append((role, endpoint, expected))
    return sorted(plan, key=lambda post: ROLES.index(post[0]))


def expected_post(endpoint, role):
    if endpoint.key in POSTS:
        return POSTS[endpoint.key][role]
    outcome = MATRIX[endpoint.key][role]
    assert outcome != METHOD, f"{endpoint.key}: GET is refused, add a POSTS row"
    return outcome


# What a refused request may still write: the visitor's own session (the wizard keeps what a
# signed-out visitor typed there, for after they sign in).
BOOKKEEPING = {"django_session"}
WRITE = re.compile(r'^\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+"?(\w+)"?', re.IGNORECASE)


def tables_written(queries):
    return {match[1] for query in queries if (match := WRITE.match(query["sql"]))} - BOOKKEEPING


def test_refused_posts_change_nothing(visitor, world):
    problems = []
    for role, endpoint, expected in post_plan():
        visitor.be(role)
        address = endpoint.address(**ids_for(endpoint, world, role))
        with CaptureQueriesContext(connection) as queries:
            response = visitor.request("post", address, post_data(world))
        got = outcome_of(response)
        if got not in REFUSALS or (endpoint.key in POSTS and got != expected):
            problems.append(f"POST {endpoint.key} as {role}: expected {expected}, got {got}")
        if written := tables_written(queries):
            problems.append(f"POST {endpoint.key} as {role}: refused, yet wrote to {written}")
    assert not mail.outbox, [message.subject for message in mail.outbox]
    assert not problems, report(problems)


def test_the_check_notices_a_change(visitor, world):
    """The owner's own POST writes: the check above can fail."""
    visitor.be("nominator_a")
    address = f"/my-nominations/{world.nomination.uuid}/withdraw/"
    with CaptureQueriesContext(connection) as queries:
        response = visitor.request("post", address)
    assert outcome_of(response) == REDIRECT
    assert "nominations_nomination" in tables_written(queries)


# Third-party URLs, by family ---------------------------------------------------------------------
def third_party_requests(world):
    """(endpoint, who, role, address): every URL as the anonymous visitor and as one signed-in
    role without admin access (in turn; they hold no permission, so the packages cannot tell
    them apart), and the URLs without parameters as the editor and the administrator."""
    rotation = itertools.cycle(SIGNED_IN_NON_STAFF)
    for endpoint in endpoints():
        if endpoint.is_project_owned:
            continue
        address = endpoint.address()
        yield endpoint, "anonymous", "anonymous", address
        yield endpoint, "signed_in", next(rotation), address
        if not endpoint.params and not endpoint.is_regex:
            yield endpoint, "editor", "editor", address
            yield endpoint, "admin", "admin", address


def test_third_party_urls_answer_as_their_family_says(visitor, world):
    for role in SIGNED_IN_NON_STAFF:
        user = world.users[role]
        assert not user.is_staff and not user.get_all_permissions(), role
    problems = []
    for endpoint, who, role, address in sorted(
        third_party_requests(world), key=lambda request: ROLES.index(request[2])
    ):
        group = group_of(endpoint)
        expected = group.expected(endpoint.key, who)
        if expected is None:
            continue
        visitor.be(role)
        response = visitor.request("get", address)
        got = outcome_of(response)
        if got != expected:
            problems.append(
                f"{group.title}: {endpoint.key} {address} as {role}: expected {expected}, got {got}"
            )
        elif role in NOT_ENTITLED and (shown := leaked(response, world)):
            problems.append(f"{group.title}: {endpoint.key} {address} as {role} shows {shown}")
    assert not problems, report(problems)


def test_private_files_are_not_served_as_media(visitor, world):
    """Evidence and certificates live in private storage, outside the public media folder: no
    media address reaches them, whoever asks."""
    public_logo = world.partner.logo.file.name
    visitor.be("admin")
    assert visitor.request("get", f"/media/{public_logo}").status_code == 200
    for name in [world.evidence.file.name, world.batch.zip.name]:
        for role in ("anonymous", "admin"):
            visitor.be(role)
            assert visitor.request("get", f"/media/{name}").status_code == 404, (name, role)


# Admin actions (Wagtail bulk actions, Django admin actions) --------------------------------------
def registered_admin_actions():
    """The keys of every bulk action Wagtail has registered and every action of every model in
    the Django admin, as ACTIONS names them."""
    from django.contrib import admin
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    bulk_action_registry._scan_for_bulk_actions()
    keys = {
        f"bulk:{app}.{model}:{action}"
        for app, models in bulk_action_registry.actions.items()
        for model, model_actions in models.items()
        for action in model_actions
    }
    request = RequestFactory().get("/django-admin/")
    request.user = get_user_model()(is_superuser=True, is_staff=True, is_active=True)
    for model, model_admin in admin.site._registry.items():
        for name in model_admin.get_actions(request):
            keys.add(f"django-admin:{model._meta.label_lower}:{name}")
    return keys


def test_every_admin_action_is_in_the_table():
    registered = registered_admin_actions()
    problems = [f"{key}: add a row to ACTIONS" for key in sorted(registered - ACTIONS.keys())]
    problems += [f"{key}: a row for no action" for key in sorted(ACTIONS.keys() - registered)]
    assert not problems, report(problems)


@pytest.fixture
def document():
    from tests.factories.cms import DocumentFactory

    document = DocumentFactory(
        title="Programme notes", file__data=b"notes\n", file__filename="programme-notes.txt"
    )
    yield document
    document.file.delete(save=False)


def _a_resource():
    from library.resources.models import Resource

    return Resource.objects.filter(locale__language_code="en").order_by("pk").first()


def action_request(key, world, document):
    """(address, data) of a POST doing the action on one of the world's objects."""
    from django.contrib.auth.models import Group as UserGroup
    from wagtail.models import Collection
    from wagtail.models import Page as WagtailPage

    kind, rest = key.split(":", 1)
    model_key, action = rest.rsplit(":", 1)
    app, model = model_key.split(".")
    pledge_page = WagtailPage.objects.get(slug="pledge", locale__language_code="en")
    objects = {
        "wagtailcore.page": pledge_page,
        "wagtailimages.image": world.partner.logo,
        "wagtaildocs.document": document,
        "awards_site.user": world.users["nominator_a"],
        "cms.partner": world.partner,
        "cms.sponsormember": world.sponsor_member,
        "cms.openlettersignature": world.letter_signature,
        "cms.pledgesignature": world.pledge_signature,
        "judging.signatory": world.signatory,
        "library.resource": _a_resource(),
    }
    if kind == "django-admin":
        return f"/django-admin/{app}/{model}/", {"action": action, "_selected_action": ["1"]}
    data = {
        "move": {"chooser": str(WagtailPage.objects.get(depth=1).pk)},
        "add_tags": {"tags": "changed-by-someone-else"},
        "add_to_collection": {"collection": str(Collection.get_first_root_node().pk)},
        # The attack: an editor making someone (themselves) an administrator.
        "assign_role": {"role": str(UserGroup.objects.get_or_create(name="Administrators")[0].pk)},
        "set_active_state": {"mark_as_active": "False"},
    }.get(action, {})
    address = f"/admin/bulk/{app}/{model}/{action}/?id={objects[model_key].pk}&next=/admin/"
    return address, data


def test_admin_actions_answer_each_role_as_the_table_says(visitor, world, document):
    """A refused action (by role, per ACTIONS) changes nothing; an allowed one opens."""
    rotation = itertools.cycle(SIGNED_IN_NON_STAFF)
    problems = []
    for key, row in sorted(ACTIONS.items()):
        address, data = action_request(key, world, document)
        for column, expected in row.items():
            role = next(rotation) if column == "signed_in" else column
            visitor.be(role)
            if expected == ALLOWED:
                got = outcome_of(visitor.request("get", address))
                if got != OK:
                    problems.append(f"{key} as {role}: may, yet its screen answers {got}")
                continue
            with CaptureQueriesContext(connection) as queries:
                response = visitor.request("post", address, data)
            got = outcome_of(response)
            if got != expected:
                problems.append(f"POST {key} as {role}: expected {expected}, got {got}")
            if written := tables_written(queries):
                problems.append(f"POST {key} as {role}: refused, yet wrote to {written}")
    assert not mail.outbox, [message.subject for message in mail.outbox]
    assert not problems, report(problems)


def test_admin_posts_are_refused_where_the_gets_are(visitor, world):
    """Every third-party admin address (Wagtail's, the Django admin's) that refuses a role's GET
    refuses its POST as well, and writes nothing: a signed-in role without admin access at every
    address, the editor at those without parameters."""
    rotation = itertools.cycle(SIGNED_IN_NON_STAFF)
    checks = []
    for endpoint in endpoints():
        group = group_of(endpoint)
        if endpoint.is_project_owned or group is None or group.title not in ADMIN_FAMILIES:
            continue
        whom = [("signed_in", next(rotation))]
        if not endpoint.params and not endpoint.is_regex:
            whom.append(("editor", "editor"))
        for who, role in whom:
            expected = group.expected(endpoint.key, who)
            if expected in REFUSALS - {METHOD}:
                checks.append((role, endpoint, expected))
    problems = []
    for role, endpoint, expected in sorted(checks, key=lambda check: ROLES.index(check[0])):
        visitor.be(role)
        with CaptureQueriesContext(connection) as queries:
            response = visitor.request("post", endpoint.address(), post_data(world))
        got = outcome_of(response)
        if got not in REFUSALS:
            problems.append(
                f"POST {endpoint.key} as {role}: refused by GET ({expected}), got {got}"
            )
        if written := tables_written(queries):
            problems.append(f"POST {endpoint.key} as {role}: refused, yet wrote to {written}")
    assert len(checks) > 100, len(checks)  # the sweep reaches the admins' addresses
    assert not problems, report(problems)


ADMIN_FAMILIES = {"Wagtail admin", "Django admin"}
