"""The test suite: fast hashing, mail kept in memory, tasks run at once, no real secrets."""

import tempfile
from pathlib import Path

from awards_site.settings.base import *  # noqa: F403
from awards_site.settings.base import TASK_BACKENDS

DEBUG = False
SECRET_KEY = "tests-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
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
