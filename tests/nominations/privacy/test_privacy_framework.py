"""The data-protection framework (nominations/privacy/, docs/privacy.md) imports no app's part:
nominations, cms and judging add theirs through the hooks of nominations/privacy/hooks.py, so a
new app can add its part without the framework knowing it.

Read with Python's `ast`, so imports inside functions count as much as those at the top."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "nominations" / "privacy"
# The framework's modules, and the modules of nominations' own part. Every module of the package
# is one or the other (a new one must say which).
FRAMEWORK = {
    "__init__",
    "records",
    "hooks",
    "consents",
    "deletion",
    "archive",
    "audit_log",
    "views",
}
NOMINATIONS_PART = {"nominations_part", "retention"}
# An app's part: nominations' modules above, and anything of the apps above nominations (their
# parts are cms/privacy.py and judging/privacy.py).
PARTS = {f"nominations.privacy.{name}" for name in NOMINATIONS_PART} | {"cms", "judging"}


def imported_modules(source):
    """The dotted names each import of a module names (`from a import b` names both a and a.b,
    since b may be a module), with the line of the import."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield [alias.name for alias in node.names], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            yield [node.module, *names], node.lineno


def is_part(name):
    return any(name == part or name.startswith(f"{part}.") for part in PARTS)


def part_imports(package=PACKAGE):
    """Each import of a part by a framework module, as "module.py:line imports name"."""
    found = []
    for module in sorted(FRAMEWORK):
        source = (package / f"{module}.py").read_text(encoding="utf-8")
        for names, line in imported_modules(source):
            parts = [name for name in names if is_part(name)]
            if parts:
                found.append(f"{module}.py:{line} imports {parts[0]}")
    return found


def test_every_module_of_the_package_is_framework_or_nominations_part():
    modules = {path.stem for path in PACKAGE.glob("*.py")}
    assert modules == FRAMEWORK | NOMINATIONS_PART


def test_the_framework_imports_no_apps_part():
    assert part_imports() == []


@pytest.mark.parametrize(
    "source",
    [
        "from nominations.privacy.nominations_part import anonymise_nomination\n",
        "from nominations.privacy import nominations_part\n",
        "def f():\n    from nominations.privacy.retention import anonymise_expired\n",
        "import cms.privacy\n",
        "def f():\n    from judging.privacy import erase_personal_data\n",
    ],
)
def test_a_framework_module_importing_a_part_is_found(tmp_path, source):
    """The check itself: an import of a part, at the top or inside a function."""
    package = tmp_path / "nominations" / "privacy"
    package.mkdir(parents=True)
    for module in FRAMEWORK:
        (package / f"{module}.py").write_text("from nominations.models import Consent\n")
    (package / "deletion.py").write_text(source)
    assert len(part_imports(package)) == 1
