"""Shared fixtures. The demo site is loaded once per test session into the test database, so
tests run against the same pages, partners and users a new user sees after `make run`.

Fixtures more than one app's tests use are here: the demo's administrator, editor and sponsor
(cms, judging, nominations, site, browser), a nominator and the wizard (nominations, site), the
judging world (judging, site). Objects are made with the
factories of tests/factories/."""

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.utils import translation
from wagtail.models import Page

from awards_site.caching.memo import forget_until_content_changes
from cms.demo.loader import DemoLoader
from judging.assignment import run as assignment_run
from nominations.models import AwardCycle
from tests import properties  # noqa: F401  (loads hypothesis' profile before any test)
from tests.concurrency import Race, shared_database, snapshot_sqlite
from tests.factories.accounts import UserFactory
from tests.factories.judging import JudgeProfileFactory, RoundFactory, RubricFactory
from tests.factories.nominations import AwardCycleFactory, CategoryFactory, NominationFactory
from tests.nominations.wizard.driver import Wizard


def through_the_stack(config):
    """`make test-stack`: the tests read the stack's own database, which `make stack` made with
    the demo, and drive its nginx; nothing is created, loaded or dropped."""
    return config.getoption("--stack")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request, django_db_modify_db_settings):
    if through_the_stack(request.config):
        from tests.stack.browser import stack_settings

        database = settings.DATABASES["default"]
        stack_database = stack_settings()["DATABASE_URL"].rpartition("/")[2]
        if database["NAME"] != stack_database:
            pytest.fail(
                f"--stack reads the stack's database ({stack_database}), not {database['NAME']}: "
                "run `make test-stack`, which sets DATABASE_URL to it."
            )
        database["TEST"]["NAME"] = stack_database  # used as it is (django_db_keepdb)


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_keepdb):
    return django_db_keepdb or through_the_stack(request.config)


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker, tmp_path_factory):
    if through_the_stack(request.config):
        yield  # the stack's nodes hold connections to it: none is ended here
        return
    with django_db_blocker.unblock():
        DemoLoader(stdout=lambda message: None).run()
        snapshot_sqlite(tmp_path_factory.mktemp("race"))
    yield
    with django_db_blocker.unblock():
        _end_other_sessions()


def _end_other_sessions():
    """On PostgreSQL, end connections the browser tests' server threads may still hold, so the
    test database can be dropped."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters, menu caches and what the workers keep until public content changes
    must not leak from one test into the next (each test's rows are rolled back)."""
    cache.clear()
    forget_until_content_changes()
    yield
    cache.clear()
    forget_until_content_changes()


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request to a /fr/ page leaves French active in the thread (LocaleMiddleware): the
    next test's messages would come out in French."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def race(tmp_path):
    """Requests at the same moment, each in a thread with its own connection, on PostgreSQL
    and on SQLite (a file copy of the test database): tests/concurrency.py."""
    with shared_database(tmp_path):
        yield Race()


@pytest.fixture
def page_by_slug():
    def find(slug, language="en"):
        return Page.objects.get(slug=slug, locale__language_code=language).specific

    return find


@pytest.fixture
def demo_admin(db):
    """The demo's administrator (admin@demo.test, a superuser), as a new user finds them after
    `make run`. Not pytest-django's `admin_user` (admin@example.com), which some tests use."""
    return get_user_model().objects.get(email="admin@demo.test")


@pytest.fixture
def demo_admin_client(client, demo_admin):
    client.force_login(demo_admin)
    return client


@pytest.fixture
def editor(db):
    """The demo's editor (editor@demo.test). Like every demo account it is committed, so a
    browser test's live server sees it on PostgreSQL too."""
    return get_user_model().objects.get(email="editor@demo.test")


@pytest.fixture
def sponsor(db):
    """The demo's sponsor (sponsor@demo.test), a member of a partner that reads its reports."""
    return get_user_model().objects.get(email="sponsor@demo.test")


@pytest.fixture
def nominator(db):
    return UserFactory(email="amina@example.org")


@pytest.fixture
def nominator_client(client, nominator):
    client.force_login(nominator)
    return client


@pytest.fixture
def cycle(db):
    """The demo's current cycle, open for nominations."""
    return AwardCycle.objects.current()


@pytest.fixture
def wizard(nominator_client, cycle):
    """A nomination the nominator has just started in the wizard
    (tests/nominations/wizard/driver.py)."""
    wizard = Wizard(nominator_client)
    wizard.start()
    return wizard


@pytest.fixture
def world(db):
    """A small judging world of its own, apart from the demo's cycles: one cycle with two
    categories, a 1-5 rubric (weights 50/30/20), an open screening round with two judges per
    entry, three judges on the whole cycle's panel and four eligible entries from different
    nominators."""
    cycle = AwardCycleFactory(name_en="Test cycle", code="TST")
    categories = [
        CategoryFactory(cycle=cycle, name_en="Digital", name_fr="Numérique", sort_order=1),
        CategoryFactory(cycle=cycle, name_en="Frontline", name_fr="Guichet", sort_order=2),
    ]
    rubric = RubricFactory()
    round = RoundFactory(cycle=cycle, rubric=rubric)
    judges = [
        JudgeProfileFactory(
            email=f"{name}@judges{index}.example", organisation=f"Judging body {index}", cycle=cycle
        )
        for index, name in enumerate(["ada", "bola", "chidi"], start=1)
    ]
    entries = [
        NominationFactory(cycle=cycle, category=categories[number % 2], number=number)
        for number in range(1, 5)
    ]
    assignment_run.top_up(round)
    return SimpleNamespace(
        cycle=cycle,
        categories=categories,
        rubric=rubric,
        criteria=list(rubric.criteria.all()),
        round=round,
        judges=judges,
        entries=entries,
    )


def pytest_addoption(parser):
    parser.addoption(
        "--stack",
        action="store_true",
        help=(
            "run only the tests marked 'stack', and the browser journeys marked 'journey', "
            "against the live stack of `make stack`"
        ),
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Browser journeys last: on PostgreSQL their live server commits what it writes. The tests
    of the live stack (tests/stack/) run with --stack only (`make test-stack`), and then alone,
    with the roles' journeys (marked "journey") once more, through the stack: `make test` needs
    no stack."""
    wanted = config.getoption("--stack")
    kept, left = [], []
    for item in items:
        on_the_stack = item.get_closest_marker("stack") is not None
        journey = item.get_closest_marker("journey") is not None
        (kept if (on_the_stack or (wanted and journey)) == wanted else left).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
