"""Browser tests drive Debian's Chromium through Playwright against a live server.

The live server is started once for the session over the demo data the session loaded.
pytest-django's own `live_server` fixture would make every browser test transactional, which
flushes the database (and the demo site) after each one. Instead browser tests are ordinary
`django_db` tests: on SQLite the server shares the test's connection, so what a journey writes
is rolled back; on PostgreSQL it commits, which is why browser tests run last (see
tests/conftest.py). `make test` installs chromium when it is missing; without it these tests
fail, they are never skipped.

With --stack (`make test-stack`) the roles' journeys (marked "journey") run once more, through
the stack's nginx over TLS instead of the live server, reading the stack's database; each
journey must then have been served by both web nodes.
"""

import os
import shutil
import threading
from contextlib import contextmanager

import pytest
from django.db import connection
from pytest_django.live_server_helper import LiveServer

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


_serialised = {}  # the live server's OneRequestAtATime, on SQLite


@pytest.fixture(scope="session")
def site_url(request, django_db_setup, django_db_blocker):
    if request.config.getoption("--stack"):
        from tests.stack.browser import stack_settings

        yield stack_settings()["SITE_URL"]
        return
    with django_db_blocker.unblock():
        server = LiveServer("127.0.0.1:0")
        if server.thread.connections_override:
            _serialised["app"] = OneRequestAtATime(server.thread.httpd.get_app())
            server.thread.httpd.set_app(_serialised["app"])
        server._live_server_modified_settings.enable()
        yield server.url
        server._live_server_modified_settings.disable()
        server.stop()


class OneRequestAtATime:
    """Serve the requests that share the test's SQLite connection one after the other, and only
    while a test runs.

    The live server answers each request in a thread of its own. On SQLite they all share the
    test's one connection, so two requests at once (Wagtail's preview panel checking the form
    while the editor publishes) interleave their savepoints on it and one fails with "no such
    savepoint". PostgreSQL gives each thread its own connection and needs no such lock.

    Between tests the server answers 503 and touches nothing: a request still on its way when a
    journey ends (a closing page's beacon, a navigation nobody waited for) would otherwise run
    during the rollback of the test's transaction, on the same connection, or after it, outside
    any transaction, and what it wrote would stay for the next tests to find.
    """

    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()
        self.serving = False

    def __call__(self, environ, start_response):
        with self.lock:
            if not self.serving:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"No test is running: the live server answers nothing between tests."]
            response = self.app(environ, start_response)
            try:
                return list(response)  # the body is read before the next request starts
            finally:
                if hasattr(response, "close"):
                    response.close()

    @contextmanager
    def during_a_test(self):
        with self.lock:
            self.serving = True
        try:
            yield
        finally:
            with self.lock:  # waits for the request being answered, if any
                self.serving = False


@pytest.fixture(autouse=True)
def _live_server_only_during_the_test(browser, site_url):
    """Set up after the test's transaction begins and ended before it is rolled back, after the
    browser's pages closed (the `page` fixtures come later): see OneRequestAtATime.

    `browser` comes first: Playwright's loop must run before the live server is made, or the
    server captures another context's connection than the one the tests use (asgiref keeps
    connections per context) and its requests meet the test's transaction as a stranger's
    ("database table is locked")."""
    app = _serialised.get("app")
    if app is None:  # PostgreSQL, or the stack: each request has its own connection
        yield
        return
    assert connection.in_atomic_block, "the live server must open after the test's transaction"
    with app.during_a_test():
        yield


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. "
            "Install Debian's package (apt-get install chromium) "
            "or set CHROMIUM to its path; `make test` does this when run as root."
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # between browser steps are ordinary synchronous code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@contextmanager
def browser_context(browser, site_url, config, **options):
    """A fresh browser profile on the site. Through the stack, its certificate is the stack's
    own (made for 127.0.0.1), and the request ids of the answers are kept to check, once the
    profile is closed, that nginx shared the journey out between both nodes."""
    through_the_stack = config.getoption("--stack")
    context = browser.new_context(
        base_url=site_url, ignore_https_errors=through_the_stack, **options
    )
    request_ids = []
    if through_the_stack:
        context.on("response", lambda reply: request_ids.append(reply.headers.get("x-request-id")))
    yield context
    context.close()
    if through_the_stack:
        assert_served_by_both_nodes(request_ids)


def assert_served_by_both_nodes(request_ids):
    from tests.stack.browser import stack_settings
    from tests.stack.conftest import upstreams

    # Static files are nginx's own answers: no node among them.
    nodes = {node for node in upstreams([rid for rid in request_ids if rid]) if node}
    ports = os.environ.get("STACK_NODE_PORTS", "8101,8102").split(",")
    assert nodes - {"-"} == {f"127.0.0.1:{port}" for port in ports}, (
        f"{stack_settings()['SITE_URL']}: the journey was served by {nodes}"
    )


@pytest.fixture
def page(browser, site_url, request):
    with browser_context(
        browser, site_url, request.config, viewport={"width": 1024, "height": 800}
    ) as context:
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page


@pytest.fixture
def phone_page(browser, site_url, request):
    with browser_context(
        browser, site_url, request.config, viewport={"width": 320, "height": 640}, is_mobile=True
    ) as context:
        yield context.new_page()
