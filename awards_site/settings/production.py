"""Production: everything sensitive comes from the environment and the deploy check passes.

Required: SECRET_KEY, ALLOWED_HOSTS, SITE_URL (the public address), DATABASE_URL (PostgreSQL).
Optional: REDIS_URL, EMAIL_*, TASKS_BACKEND=database, AWS_* for S3 media, TRUSTED_PROXY_COUNT
behind a proxy. See docs/operations.md and docs/security.md.
"""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from awards_site.operations.logs import logging_config
from awards_site.settings.base import *  # noqa: F403
from awards_site.settings.base import env_bool
from awards_site.site_url import is_local_address

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a random value of at least 50 characters, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

# Links in emails and on certificates: the public address, never a default (awards_site/checks.py
# refuses to start without it, or with an address on this machine).
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
SITE_URL_REQUIRED = True
WAGTAILADMIN_BASE_URL = SITE_URL
# Without DEFAULT_FROM_EMAIL, mail comes from the site's own domain, not from "localhost".
_SITE_HOST = urlsplit(SITE_URL).hostname or ""
if "DEFAULT_FROM_EMAIL" not in os.environ and "." in _SITE_HOST and not is_local_address(SITE_URL):
    DEFAULT_FROM_EMAIL = SERVER_EMAIL = f"CX Awards <awards@{_SITE_HOST}>"

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Where the redirect to HTTPS goes when it is not the same host and port (the local Observatory
# run serves HTTPS on another port: bench/observatory/run.py). Unset: the same host.
SECURE_SSL_HOST = os.environ.get("SECURE_SSL_HOST") or None
# The proxy's and monitoring's probe of each node over plain HTTP (deploy/nginx/).
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True

# JSON log lines and one line per request, for the log collector (awards_site/operations/logs.py).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOG_REQUESTS = env_bool("LOG_REQUESTS", True)
LOGGING = logging_config(LOG_FORMAT, os.environ.get("LOG_LEVEL", "WARNING"), NODE_NAME)  # noqa: F405

# Judges, editors and administrators must use two-step verification (awards_site/accounts/mfa.py).
MFA_REQUIRED_FOR_ROLES = env_bool("MFA_REQUIRED_FOR_ROLES", True)
