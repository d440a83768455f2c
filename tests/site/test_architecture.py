"""The apps depend on each other one way (docs/architecture.md): awards_site at the bottom, then
nominations, then feedback, then judging, then cms on top. A module may import its own app and
the apps below it, never one above. (feedback sits beside judging: neither needs the other, and
the check, a strict line, puts it below; judging and cms import nothing of it yet.)
awards_site/urls.py is the project's root and includes every app's URLs.

Read with Python's `ast`, so imports inside functions count as much as those at the top."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ["awards_site", "nominations", "feedback", "judging", "library", "cms"]
# The project's URL configuration mounts every app; nothing else in awards_site may.
ROOT_MODULES = {"awards_site/urls.py"}


def imported_apps(source):
    """The first-party apps a module imports, with the line of each import."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            app = name.split(".")[0]
            if app in LAYERS:
                yield app, node.lineno


def upward_imports(root=ROOT):
    found = []
    for layer, app in enumerate(LAYERS):
        for path in sorted((root / app).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if relative in ROOT_MODULES:
                continue
            for imported, line in imported_apps(path.read_text(encoding="utf-8")):
                if LAYERS.index(imported) > layer:
                    found.append(f"{relative}:{line} imports {imported} (above {app})")
    return found


def test_no_app_imports_an_app_above_it():
    assert upward_imports() == []


@pytest.mark.parametrize(
    ("app", "source"),
    [
        ("nominations", "from judging.models import Round\n"),
        ("judging", "def f():\n    import cms.models\n"),
        ("awards_site", "from nominations import forms\n"),
    ],
)
def test_an_upward_import_is_found(tmp_path, app, source):
    """The check itself: an import against the direction, at the top or inside a function."""
    (tmp_path / app).mkdir()
    (tmp_path / app / "module.py").write_text(source)
    for other in LAYERS:
        (tmp_path / other).mkdir(exist_ok=True)
    assert len(upward_imports(tmp_path)) == 1


# One way for each cross-cutting job ------------------------------------------------------------
# Templated email goes out through awards_site/mail.py only (language, site address, logging).
MAIL_MODULE = "awards_site/mail.py"


def modules_sending_mail(root=ROOT):
    found = []
    for app in LAYERS:
        for path in sorted((root / app).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if relative == MAIL_MODULE or "/migrations/" in relative:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if imports_django_mail(node):
                    found.append(f"{relative}:{node.lineno}")
    return found


def imports_django_mail(node):
    if isinstance(node, ast.ImportFrom):
        return node.module == "django.core.mail"
    if isinstance(node, ast.Import):
        return any(alias.name == "django.core.mail" for alias in node.names)
    return False


def test_only_the_mail_module_sends_email():
    assert modules_sending_mail() == []


def test_a_second_way_to_send_email_is_found(tmp_path):
    for app in LAYERS:
        (tmp_path / app).mkdir()
    (tmp_path / "judging" / "module.py").write_text(
        "def f():\n    from django.core.mail import send_mail\n"
    )
    assert modules_sending_mail(tmp_path) == ["judging/module.py:2"]


# A house a newcomer can find their way in ------------------------------------------------------
# No module over 500 lines, no package with more than 15 modules side by side (conftest.py and
# helper modules count, __init__.py does not): in the apps, in tests/, which mirrors them, and in
# bench/. Migrations and the demo's prose (cms/demo/content.py: page texts, not logic) are data,
# not code to read.
MAX_LINES = 500
MAX_MODULES_PER_PACKAGE = 15
READ_AS_CODE = [*LAYERS, "tests", "bench"]
DATA_MODULES = {"cms/demo/content.py"}


def oversized_modules(root=ROOT):
    found = []
    for app in READ_AS_CODE:
        for path in sorted((root / app).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if "/migrations/" in relative or relative in DATA_MODULES:
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_LINES:
                found.append(f"{relative}: {lines} lines")
    return found


def crowded_packages(root=ROOT):
    found = []
    for app in READ_AS_CODE:
        for package in sorted({p.parent for p in (root / app).rglob("*.py")}):
            if package.name == "migrations":
                continue
            modules = [p for p in package.glob("*.py") if p.name != "__init__.py"]
            if len(modules) > MAX_MODULES_PER_PACKAGE:
                relative = package.relative_to(root).as_posix()
                found.append(f"{relative}/: {len(modules)} modules")
    return found


def test_no_module_is_too_long_to_read():
    assert oversized_modules() == []


def test_no_package_has_too_many_modules_side_by_side():
    assert crowded_packages() == []


def test_a_long_module_and_a_crowded_package_are_found(tmp_path):
    """The checks themselves, in an app and in the tests (a package's __init__.py not counted)."""
    for tree in READ_AS_CODE:
        (tmp_path / tree).mkdir()
    (tmp_path / "judging" / "long.py").write_text("x = 1\n" * (MAX_LINES + 1))
    (tmp_path / "tests" / "test_long.py").write_text("x = 1\n" * (MAX_LINES + 1))
    (tmp_path / "tests" / "site").mkdir()
    (tmp_path / "tests" / "site" / "__init__.py").write_text("")
    for number in range(MAX_MODULES_PER_PACKAGE + 1):
        (tmp_path / "cms" / f"m{number}.py").write_text("")
        (tmp_path / "tests" / "site" / f"test_{number}.py").write_text("")
    assert oversized_modules(tmp_path) == [
        f"judging/long.py: {MAX_LINES + 1} lines",
        f"tests/test_long.py: {MAX_LINES + 1} lines",
    ]
    assert crowded_packages(tmp_path) == [
        f"cms/: {MAX_MODULES_PER_PACKAGE + 1} modules",
        f"tests/site/: {MAX_MODULES_PER_PACKAGE + 1} modules",
    ]
