"""The test suite: fast hashing, mail kept in memory, tasks run at once, no real secrets."""

import atexit
import os
import shutil
import tempfile

# A var folder (and media folders) of each test process's own: the public content's generation
# is a file there (awards_site/caching/generation.py), and two processes sharing one (make test's
# parallel workers, two runs side by side, a `make run` server) would end each other's kept pages
# in the middle of a test. A process the tests start with VAR_DIR set (to share this one) keeps
# it; a worker started by pytest-xdist, which inherits its parent's, makes its own.
MADE_BY = "CXAWARDS_TEST_VAR_DIR_OF"
if "VAR_DIR" not in os.environ or os.environ.get(MADE_BY, str(os.getpid())) != str(os.getpid()):
    os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix="cxawards-tests-")
    os.environ[MADE_BY] = str(os.getpid())
    atexit.register(shutil.rmtree, os.environ["VAR_DIR"], True)

from awards_site.settings.base import *  # noqa: E402, F403
from awards_site.settings.base import TASK_BACKENDS  # noqa: E402


def worker_database(url, worker):
    """The Redis URL `url` with its database number lowered by the worker's number (gw1: one).
    Never database 0, where an application's cache usually is: the tests empty theirs."""
    if not worker.startswith("gw"):
        return url
    base, _, number = url.rpartition("/")
    lowered = int(number or 0) - int(worker[2:])
    if lowered < 1:
        raise ValueError(
            f"Worker {worker} would use Redis database {lowered}: name a higher database in "
            "TEST_REDIS_URL or run fewer workers (TEST_WORKERS=...)."
        )
    return f"{base}/{lowered}"


DEBUG = False
SECRET_KEY = "tests-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Local memory, as `make run`; with TEST_REDIS_URL set the suite runs against Redis instead, as
# production may (.ci/run does so once). The tests empty that cache between them, so it is a
# variable of its own (never REDIS_URL) naming a database number of their own; each parallel
# worker (pytest-xdist's gw0, gw1...) takes the one below the previous worker's: 15, 14...
if os.environ.get("TEST_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": worker_database(
                os.environ["TEST_REDIS_URL"], os.environ.get("PYTEST_XDIST_WORKER", "")
            ),
            "KEY_PREFIX": "cxawards-tests",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": TASK_BACKENDS["immediate"]}}
# Views are counted in every test (in the cache only), but no request runs the reach flush: the
# first request of a minute would otherwise write to the database in whichever test it falls
# on. tests/site/reach/ turns it on where it is tested.
REACH_FLUSH_FROM_REQUESTS = False
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# Most tests sign judges and administrators in with force_login; the tests of two-step
# verification turn the rule on themselves (tests/site/accounts/test_two_step.py).
MFA_REQUIRED_FOR_ROLES = False
SERVE_MEDIA = True
MEDIA_ROOT = VAR_DIR / "media"  # noqa: F405
PRIVATE_MEDIA_ROOT = VAR_DIR / "private"  # noqa: F405
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "private": {**STORAGES["private"], "OPTIONS": {"location": PRIVATE_MEDIA_ROOT}},  # noqa: F405
}
