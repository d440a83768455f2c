"""The test suite: fast hashing, mail kept in memory, tasks run at once, no real secrets."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

if "VAR_DIR" not in os.environ:
    # A var folder of this test run's own: the public content's generation is a file there
    # (awards_site/caching/generation.py), and two runs side by side (or a `make run` server)
    # sharing one would end each other's kept pages in the middle of a test. Processes the tests
    # start inherit it.
    os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix="cxawards-tests-")
    atexit.register(shutil.rmtree, os.environ["VAR_DIR"], True)

from awards_site.settings.base import *  # noqa: F403
from awards_site.settings.base import TASK_BACKENDS

DEBUG = False
SECRET_KEY = "tests-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Local memory, as `make run`; with TEST_REDIS_URL set the suite runs against Redis instead, as
# production may (.ci/run does so once). The tests empty that cache between them, so it is a
# variable of its own (never REDIS_URL) naming a database number of their own.
if os.environ.get("TEST_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["TEST_REDIS_URL"],
            "KEY_PREFIX": "cxawards-tests",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": TASK_BACKENDS["immediate"]}}
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# Most tests sign judges and administrators in with force_login; the tests of two-step
# verification turn the rule on themselves (tests/site/accounts/test_two_step.py).
MFA_REQUIRED_FOR_ROLES = False
SERVE_MEDIA = True
MEDIA_ROOT = Path(tempfile.gettempdir()) / "cxawards-test-media"
PRIVATE_MEDIA_ROOT = Path(tempfile.gettempdir()) / "cxawards-test-private"
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "private": {**STORAGES["private"], "OPTIONS": {"location": PRIVATE_MEDIA_ROOT}},  # noqa: F405
}
