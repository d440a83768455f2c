"""The project's permissions (docs/permissions.md): each app's rules.py predicates, asked directly
with the demo's kinds of people, each named permission as `user.has_perm` answers it, and the
check that production code asks no other way (no is_superuser/is_staff tests outside the rules
modules, no has_perm of a name nobody registered)."""

import ast
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Permission
from rules.permissions import permissions as named_permissions

from awards_site import rules as site_rules
from cms import rules as cms_rules
from judging import rules as judging_rules
from nominations import rules as nomination_rules
from tests.factories.accounts import UserFactory
from tests.factories.cms import SponsorMemberFactory
from tests.factories.judging import JudgeProfileFactory
from tests.factories.nominations import NominationFactory

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ["awards_site", "nominations", "feedback", "judging", "library", "cms"]


def demo_user(email):
    return get_user_model().objects.get(email=email)


@pytest.fixture
def judge(db):
    return demo_user("judge1@demo.test")


@pytest.fixture
def demo_nominator(db):
    return demo_user("nominator@demo.test")


def fresh(user):
    """The user as a new request loads it (no permission or relation cached)."""
    return get_user_model().objects.get(pk=user.pk)


def with_permissions(*names):
    user = UserFactory()
    for name in names:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return fresh(user)


# The predicates, asked directly ---------------------------------------------------------------


def test_active_judge(judge, editor, demo_admin):
    assert judging_rules.is_active_judge(judge)
    assert not judging_rules.is_active_judge(editor)
    assert not judging_rules.is_active_judge(demo_admin)
    assert not judging_rules.is_active_judge(AnonymousUser())
    retired = JudgeProfileFactory(is_active=False)
    assert not judging_rules.is_active_judge(fresh(retired.user))


def test_sponsor_member(sponsor, editor, judge):
    assert cms_rules.is_sponsor_member(sponsor)
    assert not cms_rules.is_sponsor_member(editor)
    assert not cms_rules.is_sponsor_member(judge)
    assert not cms_rules.is_sponsor_member(AnonymousUser())


def test_owns_nomination(demo_nominator, demo_admin):
    own = NominationFactory(nominator=demo_nominator)
    assert nomination_rules.owns_nomination(demo_nominator, own)
    assert not nomination_rules.owns_nomination(demo_admin, own)
    assert not nomination_rules.owns_nomination(AnonymousUser(), own)
    assert not nomination_rules.owns_nomination(demo_nominator, None)


def test_seeing_nominations_needs_the_view_or_change_permission(editor, demo_admin, sponsor):
    assert nomination_rules.can_see_nominations(demo_admin)
    assert nomination_rules.can_see_nominations(with_permissions("nominations.view_nomination"))
    assert nomination_rules.can_see_nominations(with_permissions("nominations.change_nomination"))
    assert not nomination_rules.can_see_nominations(editor)
    assert not nomination_rules.can_see_nominations(sponsor)
    closed = with_permissions("nominations.view_nomination")
    closed.is_active = False
    assert not nomination_rules.can_see_nominations(closed)


def test_following_progress_needs_any_assignment_permission(editor, demo_admin):
    for action in ("view", "add", "change", "delete"):
        user = with_permissions(f"judging.{action}_assignment")
        assert judging_rules.can_follow_progress(user), action
        assert not judging_rules.can_manage_results(user), action
    assert judging_rules.can_follow_progress(demo_admin)
    assert not judging_rules.can_follow_progress(editor)


def test_managing_results_needs_the_change_round_permission(editor, demo_admin):
    assert judging_rules.can_manage_results(with_permissions("judging.change_round"))
    assert judging_rules.can_manage_results(demo_admin)
    assert not judging_rules.can_manage_results(with_permissions("judging.view_round"))
    assert not judging_rules.can_manage_results(editor)


def test_full_reports_follow_nominations(editor):
    assert cms_rules.can_see_full_reports(with_permissions("nominations.view_nomination"))
    assert not cms_rules.can_see_full_reports(editor)


def test_editing_some_page(editor, sponsor, judge, demo_admin):
    assert cms_rules.edits_some_page(editor)
    assert cms_rules.edits_some_page(demo_admin)
    assert not cms_rules.edits_some_page(sponsor)
    assert not cms_rules.edits_some_page(judge)


def test_admin_flags_and_admin_access(editor, sponsor, judge, demo_admin):
    assert site_rules.has_admin_flags(demo_admin)
    assert site_rules.has_admin_flags(editor)  # the demo's editor is staff
    assert not site_rules.has_admin_flags(sponsor)
    assert not site_rules.has_admin_flags(judge)
    assert site_rules.can_access_admin(editor)
    assert site_rules.can_access_admin(demo_admin)
    assert not site_rules.can_access_admin(sponsor)
    assert not site_rules.can_access_admin(judge)


def test_two_step_groups(judge, editor, sponsor, demo_nominator):
    assert site_rules.in_two_step_groups(judge)
    assert not site_rules.in_two_step_groups(sponsor)
    assert not site_rules.in_two_step_groups(demo_nominator)


# The named permissions, as user.has_perm answers them ---------------------------------------

# Who holds what among the demo's people: (permission, holders).
HOLDERS = {
    "awards_site.use_django_admin": {"admin"},
    "awards_site.hold_admin_flags": {"admin", "editor"},
    "awards_site.must_use_two_step": {"admin", "editor", "judge"},
    "awards_site.see_reach_report": {"admin", "editor"},
    "nominations.see_nominations": {"admin"},
    "judging.use_portal": {"judge"},
    "judging.follow_progress": {"admin"},
    "judging.manage_results": {"admin"},
    "cms.use_sponsor_area": {"sponsor"},
    "cms.see_full_reports": {"admin"},
    "cms.see_translation_report": {"admin", "editor"},
    "cms.edit_every_page": {"admin"},
    "library.see_download_report": {"admin", "editor"},
    "library.make_case_study": {"admin", "editor"},
    # The demo nominator is staff of Huduma Kenya (feedback/evidence.py's demo). Without an
    # object the per-agency ones answer for administrators only.
    # Editors moderate every agency's comments (feedback.moderate_any_comment).
    "feedback.open_agency_portal": {"admin", "nominator", "editor"},
    "feedback.view_agency": {"admin"},
    "feedback.add_point": {"admin"},
    "feedback.change_point": {"admin"},
    "feedback.moderate_agency_comments": {"admin", "editor"},
    "feedback.moderate_comment": {"admin", "editor"},
    "feedback.review_answer": {"admin"},
    "feedback.print_posters": {"admin"},
}


@pytest.fixture
def people(demo_admin, editor, sponsor, judge, demo_nominator):
    return {
        "admin": demo_admin,
        "editor": editor,
        "sponsor": sponsor,
        "judge": judge,
        "nominator": demo_nominator,
    }


@pytest.mark.parametrize("permission", sorted(HOLDERS))
def test_who_holds_each_permission(people, permission):
    holders = {kind for kind, user in people.items() if fresh(user).has_perm(permission)}
    assert holders == HOLDERS[permission]
    assert not AnonymousUser().has_perm(permission)


def test_every_named_permission_is_in_the_table():
    assert set(named_permissions) == set(HOLDERS) | {"nominations.manage_own_nomination"}


def test_personal_permissions_are_not_a_superusers_by_being_one(demo_admin, demo_nominator):
    """A superuser is no judge, no sponsor's user, no nomination's author: the menu offers them
    none of those areas, and the nominator's pages stay the author's."""
    assert not demo_admin.has_perm("judging.use_portal")
    assert not demo_admin.has_perm("cms.use_sponsor_area")
    nomination = NominationFactory(nominator=demo_nominator)
    assert not demo_admin.has_perm("nominations.manage_own_nomination", nomination)
    assert demo_nominator.has_perm("nominations.manage_own_nomination", nomination)
    assert not UserFactory().has_perm("nominations.manage_own_nomination", nomination)


def test_a_superuser_who_is_a_judge_and_a_sponsor_holds_those_too(db):
    admin = UserFactory(superuser=True)
    JudgeProfileFactory(user=admin)
    SponsorMemberFactory(user=admin)
    admin = fresh(admin)
    assert admin.has_perm("judging.use_portal")
    assert admin.has_perm("cms.use_sponsor_area")


def test_a_closed_account_holds_nothing_personal(db):
    profile = JudgeProfileFactory()
    user = fresh(profile.user)
    user.is_active = False
    assert not user.has_perm("judging.use_portal")


def test_a_closed_superuser_account_keeps_its_flags_but_not_the_console(db):
    """The privacy tool still refuses to close it; it opens no admin."""
    user = UserFactory(superuser=True, is_active=False)
    assert not user.has_perm("awards_site.use_django_admin")
    assert user.has_perm("awards_site.hold_admin_flags")


# One way to ask: the check of production code -----------------------------------------------

RULES_MODULES = {f"{app}/rules.py" for app in LAYERS}
# Modules allowed to read the role flags or pass a permission name on, and why.
ALLOWED = {
    # The one place that answers has_perm (personal permissions, then Django's).
    "awards_site/models.py": {"has_perm"},
    # Records the flags before and after an edit of a user (which changed); decides nothing.
    "awards_site/accounts/users_admin.py": {"flags"},
    # Its views and menu items ask the name their class or caller gives (checked below as
    # `permission_required = "..."` and `menu_item_shown_to("...")`).
    "judging/admin_base.py": {"has_perm"},
}
FLAGS = {"is_superuser", "is_staff"}
# Calls whose first argument is a permission name.
NAMING_CALLS = {"area_required", "menu_item_shown_to", "permission_required"}


def _constants(tree):
    """The module's NAME = "string" assignments."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    found[target.id] = node.value.value
    return found


def _name_of(node, constants):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name) and node.id in constants:
        return constants[node.id]
    return None


def _called(node):
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    if isinstance(node.func, ast.Name):
        return node.func.id
    return None


def permission_checks(source, relative):
    """(problem, line) for each check of `source` that is not the project's one way, and
    (name, line) for each permission name it asks."""
    tree = ast.parse(source)
    constants = _constants(tree)
    allowed = ALLOWED.get(relative, set())
    problems, names = [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in FLAGS and "flags" not in allowed:
            problems.append((f"reads .{node.attr}", node.lineno))
        elif isinstance(node, ast.Name | ast.alias) and "user_passes_test" in (
            getattr(node, "id", None),
            getattr(node, "name", None),
        ):
            problems.append(("user_passes_test", getattr(node, "lineno", 0)))
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = [argument.arg for argument in node.args.args]
            if node.name.startswith("can_") and "user" in arguments:
                problems.append((f"def {node.name}(user...)", node.lineno))
        elif isinstance(node, ast.Call) and node.args:
            called = _called(node)
            if called in {"has_perm", "has_perms"} | NAMING_CALLS:
                name = _name_of(node.args[0], constants)
                if name is not None:
                    names.append((name, node.lineno))
                elif called in {"has_perm", "has_perms"} and "has_perm" not in allowed:
                    problems.append((f"{called}({ast.unparse(node.args[0])})", node.lineno))
        elif isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "permission_required"
            for target in node.targets
        ):
            name = _name_of(node.value, constants)
            if name is not None:
                names.append((name, node.lineno))
    return problems, names


TEMPLATE_PERMISSION = re.compile(r"{%\s*has_perm\s+[\"']([^\"']+)[\"']")


def unregistered_or_other_checks(known_names, root=ROOT):
    found = []
    for app in LAYERS:
        for path in sorted((root / app).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if "/migrations/" in relative or relative in RULES_MODULES:
                continue
            problems, names = permission_checks(path.read_text(encoding="utf-8"), relative)
            found += [f"{relative}:{line} {problem}" for problem, line in problems]
            found += [
                f"{relative}:{line} asks {name!r}, which nobody registered"
                for name, line in names
                if name not in known_names
            ]
        for path in sorted((root / app).rglob("*.html")):
            relative = path.relative_to(root).as_posix()
            for match in TEMPLATE_PERMISSION.finditer(path.read_text(encoding="utf-8")):
                if match.group(1) not in known_names:
                    found.append(f"{relative} asks {match.group(1)!r}, which nobody registered")
    return found


@pytest.fixture
def known_names(db):
    """Our named permissions and Django's (every model's, Wagtail's admin access)."""
    django = {
        f"{app_label}.{codename}"
        for app_label, codename in Permission.objects.values_list(
            "content_type__app_label", "codename"
        )
    }
    return django | set(named_permissions)


def test_production_code_asks_permissions_one_way(known_names):
    assert unregistered_or_other_checks(known_names) == []


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("def f(user):\n    return user.is_superuser\n", "reads .is_superuser"),
        ("def f(request):\n    return request.user.is_staff\n", "reads .is_staff"),
        ("def can_see(user):\n    return True\n", "def can_see(user...)"),
        (
            "from django.contrib.auth.decorators import user_passes_test\n",
            "user_passes_test",
        ),
        ("def f(user):\n    return user.has_perm('judging.use_portl')\n", "which nobody"),
        ("P = 'cms.see_everything'\ndef f(user):\n    return user.has_perm(P)\n", "which nobody"),
        ("def f(user, name):\n    return user.has_perm(name)\n", "has_perm(name)"),
        ("class V:\n    permission_required = 'judging.run_everything'\n", "which nobody"),
    ],
)
def test_another_way_is_found(tmp_path, known_names, source, problem):
    """The check itself: today's ways (a superuser test in a view, a can_* helper...) fail it."""
    for app in LAYERS:
        (tmp_path / app).mkdir()
    (tmp_path / "judging" / "views.py").write_text(source)
    found = unregistered_or_other_checks(known_names, tmp_path)
    assert len(found) == 1 and problem in found[0], found


def test_an_unregistered_name_in_a_template_is_found(tmp_path, known_names):
    for app in LAYERS:
        (tmp_path / app).mkdir()
    (tmp_path / "cms" / "page.html").write_text(
        '{% load rules %}{% has_perm "cms.use_sponsor_areas" user as ok %}'
    )
    assert len(unregistered_or_other_checks(known_names, tmp_path)) == 1
