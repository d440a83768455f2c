"""Settings shared by every mode. Everything a deployment changes comes from the environment,
with embedded defaults that need no service at all (SQLite, local memory cache, console email,
immediate tasks)."""

import os
import socket
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from awards_site.operations.logs import logging_config
from awards_site.settings.environment import env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "awards_site",
    "cms",
    "nominations",
    "judging",
    "feedback",
    "library",
    "formtools",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "awards_site.accounts.users_app.UsersAppConfig",  # wagtail.users, with the site's users screens
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    # django.contrib.admin, superusers only
    "awards_site.security.django_admin.SuperuserAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "rules.apps.AutodiscoverRulesConfig",  # imports each app's rules.py (docs/permissions.md)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Then every log line of a request carries its id (awards_site/operations/request_id.py);
    # the redirects to HTTPS before it are in the proxy's log, with the same id.
    "awards_site.operations.request_id.RequestIdMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    # A repeat visit to an unchanged page is a 304; public pages are shared between visitors
    # who are not signed in; the active locale is looked up once a request
    # (awards_site/caching/).
    "django.middleware.http.ConditionalGetMiddleware",
    # Page views counted without tracking people, shared copies included, before they are
    # served (awards_site/reach/middleware.py, docs/reach.md).
    "awards_site.reach.middleware.ReachCountingMiddleware",
    "awards_site.caching.pages.PublicPageCacheMiddleware",
    "awards_site.caching.lookups.SiteMemoMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Session limits (inactivity, absolute age), then two-step verification for staff roles.
    "awards_site.accounts.sessions.SessionLimitsMiddleware",
    "awards_site.accounts.mfa.MFARequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "awards_site.security.policy.SitePolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it is the first to see a view's exception: a lost database connection gets a
    # 503 page that offers to send the form again (awards_site/security/database_errors.py).
    "awards_site.security.database_errors.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "awards_site.urls"
WSGI_APPLICATION = "awards_site.wsgi.application"
AUTH_USER_MODEL = "awards_site.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "awards_site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "awards_site.caching.fragments.fragments",
            ],
        },
    },
]

# Database: a SQLite file unless DATABASE_URL names another (postgres://user@host:5432/name).
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has no row locks (select_for_update does nothing): every transaction takes the
    # database's write lock when it begins (BEGIN IMMEDIATE), so two requests that read then
    # write (a count before an insert, a status before a change) run one after the other, and
    # a request waits up to SQLITE_TIMEOUT_SECONDS for the lock instead of failing at once with
    # "database is locked". PostgreSQL serialises the same paths with row locks and constraints.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("SQLITE_TIMEOUT_SECONDS", "20")),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6's default, taken now

# Cache: local memory unless REDIS_URL (or CACHE_URL) points at Redis.
REDIS_URL = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cxawards",
        }
    }
    # Every signed-in request reads its session from Redis, shared by all web nodes; each
    # change is written to the database as well, so emptying or losing Redis signs nobody out
    # (awards_site/accounts/sessions.py ends sessions in both).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# How long a public page is shared between visitors who are not signed in, at most: any change
# to what it shows ends it at once (awards_site/caching/). 0 turns the shared pages off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# How long a part of a page shown to everyone (a page's body) is kept, at most: any change ends it
# at once, as for whole pages (awards_site/caching/fragments.py). 0 turns fragments off.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "3600"))

# Reach figures (awards_site/reach/, docs/reach.md): page views and conversions counted per day
# in the cache, without cookies or anything personal, and moved into the database once a minute
# by a task the first view of each minute queues (REACH_FLUSH_FROM_REQUESTS) and by
# `manage.py flush_reach`. REACH_COUNTING=0 turns the counting off.
REACH_COUNTING = env_bool("REACH_COUNTING", True)
REACH_FLUSH_FROM_REQUESTS = env_bool("REACH_FLUSH_FROM_REQUESTS", True)

# Background work goes through the django-tasks API. Immediate by default (runs in the request);
# TASKS_BACKEND=database queues it for `manage.py db_worker` processes on any number of machines.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
}
TASKS = {
    "default": {"BACKEND": TASK_BACKENDS[os.environ.get("TASKS_BACKEND", "immediate")]},
}
# A failing task is queued again after 1, 4, 16, 64 minutes (TASK_RETRY_DELAY_SECONDS x 4^n),
# then reported in the admin (awards_site/background/retry.py); a certificate batch without progress
# for BATCH_STALL_MINUTES is shown as stalled, with "Run again".
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", "5"))
TASK_RETRY_DELAY_SECONDS = int(os.environ.get("TASK_RETRY_DELAY_SECONDS", "60"))
BATCH_STALL_MINUTES = int(os.environ.get("BATCH_STALL_MINUTES", "15"))

# Email: printed on the console unless EMAIL_URL-style settings are given.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CX Awards <awards@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where enquiries and other messages for the program team go.
TEAM_EMAIL = os.environ.get("TEAM_EMAIL", "team@localhost")

# Accounts, two-step verification and passwords: awards_site/settings/accounts.py.
from awards_site.settings.accounts import *  # noqa: E402, F403

# Languages: English at the root, French, Portuguese and Arabic (right to left) under /fr/,
# /pt/ and /ar/. The Portuguese and Arabic translations are drafts awaiting native review
# (docs/translations.md).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("pt", _("Portuguese")),
    ("ar", _("Arabic")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates in one format per language: "30 June 2027", "30 juin 2027 à 23 h 59 WAT"
# (awards_site/formats/).
FORMAT_MODULE_PATH = ["awards_site.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Africa/Lagos")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
# Files that only their owners may read (evidence, certificates) live outside MEDIA_ROOT, or in a
# private bucket; public media in a bucket too when named (awards_site/settings/storage.py).
from awards_site.settings.storage import *  # noqa: E402, F403
from awards_site.settings.storage import media_storages  # noqa: E402

PRIVATE_MEDIA_ROOT, STORAGES = media_storages(VAR_DIR)
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

WAGTAIL_SITE_NAME = "Africa Public Sector CX Awards"
# The address people reach the site at: every link in an email, on a certificate (its QR code
# and address are permanent) and in the admin is built on it (awards_site/site_url.py). The
# embedded default is where `make run` serves (the Makefile passes its HOST and PORT);
# production requires a public address (awards_site/checks.py).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Production refuses a SITE_URL on this machine; ALLOW_LOCAL_SITE_URL=1 is for `make serve`.
SITE_URL_REQUIRED = False
ALLOW_LOCAL_SITE_URL = env_bool("ALLOW_LOCAL_SITE_URL", False)
WAGTAILADMIN_BASE_URL = SITE_URL
# No request to another origin, from the admin either: no Gravatar, no upgrade check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Every log-in goes through allauth (/accounts/login/), so two-step verification and the rate
# limits apply: /admin/login/, /django-admin/login/ and Wagtail's private-page log-in redirect
# there (awards_site/urls.py). Email, password and password resets are managed there too.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL  # noqa: F405  (settings/accounts.py)
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# Administrators never set or see another person's password in Settings ▸ Users: a new user
# gets an emailed link to choose one (awards_site/accounts/users_admin.py).
WAGTAILUSERS_PASSWORD_ENABLED = False
# Wagtail's database backend, ranked in one pass on SQLite (awards_site/search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "awards_site.search.backend"}}
# Uploads in the Wagtail admin pass the checks of the nominators' evidence: content, not name,
# decides the kind (cms/uploads/documents.py, cms/uploads/images.py; docs/security.md#uploads). No
# SVG.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "csv", "txt", "odt", "ods"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.uploads.documents.CheckedDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are always served by Wagtail's view, which checks the collection's privacy, and
# always as attachments (never shown in the browser, whatever their type).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.uploads.images.CheckedImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000

# Security headers common to every mode (production adds HSTS and secure cookies).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Sessions (awards_site/accounts/sessions.py): at most 12 hours after signing in, whatever the
# activity,
# and ended after a time without any request: 30 minutes for the roles that need two-step
# verification, 2 hours for everyone else. Values in minutes from the environment.
SESSION_COOKIE_AGE = 60 * int(os.environ.get("SESSION_MAX_AGE_MINUTES", str(12 * 60)))
SESSION_IDLE_TIMEOUT = 60 * int(os.environ.get("SESSION_IDLE_MINUTES", "120"))
SESSION_IDLE_TIMEOUT_STAFF = 60 * int(os.environ.get("SESSION_IDLE_MINUTES_STAFF", "30"))
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Permissions-Policy (awards_site/security/policy.py): the browser features the site never uses are
# turned off for every page and every frame in it, so an injected script or an embedded page
# cannot ask for them. Each feature maps to the origins allowed to use it; () is nobody.
# Only clipboard writing stays, for the site itself: the Wagtail admin's "copy" buttons.
PERMISSIONS_POLICY = {
    **dict.fromkeys(
        [
            "accelerometer",
            "autoplay",
            "bluetooth",
            "browsing-topics",
            "camera",
            "clipboard-read",
            "display-capture",
            "encrypted-media",
            "fullscreen",
            "gamepad",
            "geolocation",
            "gyroscope",
            "hid",
            "identity-credentials-get",
            "idle-detection",
            "local-fonts",
            "magnetometer",
            "microphone",
            "midi",
            "otp-credentials",
            "payment",
            "picture-in-picture",
            "publickey-credentials-create",
            "publickey-credentials-get",
            "screen-wake-lock",
            "serial",
            "storage-access",
            "usb",
            "web-share",
            "window-management",
            "xr-spatial-tracking",
        ],
        (),
    ),
    "clipboard-write": ("self",),
}

# Content Security Policy (awards_site/security/policy.py, docs/security.md): no inline script or
# style and nothing from another origin, on every page but the Wagtail admin's; no page may be
# framed, but for the admin's previews (frame-ancestors 'self').
SELF = "'self'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": ["'none'"],
        "base-uri": [SELF],
        "object-src": ["'none'"],
    },
}
# The Wagtail admin, as strict as Wagtail 8 allows (measured screen by screen, see
# docs/security.md): its widgets, choosers and inline panels write inline <script> elements and
# its rich text editor inline <style> elements, so those two are allowed; inline event handlers
# and style attributes are not, nor eval.
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, "'unsafe-inline'"],
    "script-src-attr": ["'none'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "style-src-attr": ["'none'"],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF],  # the preview panel
}
# Only Wagtail's: the Django admin (/django-admin/) works under the strict policy.
ADMIN_PATH_PREFIXES = ("/admin/",)

# Rate limits for public forms (django-ratelimit), counted in the default cache.
RATELIMIT_VIEW = "awards_site.views.rate_limited"
PUBLIC_FORM_RATE = os.environ.get("PUBLIC_FORM_RATE", "10/h")
# Emails the public forms send one typed address (a subscription's or a signature's
# confirmation), whoever types it (cms/page_base.py).
MAILBOX_RATE = os.environ.get("MAILBOX_RATE", "3/h")
# Campaign emails leave in batches of this many, each batch a task (cms/campaigns/sending.py).
CAMPAIGN_BATCH_SIZE = int(os.environ.get("CAMPAIGN_BATCH_SIZE", "200"))
# "Send it again" (nominations/sending/resend.py): per account (and per nomination), and per
# address.
RESEND_CONFIRMATION_RATE = os.environ.get("RESEND_CONFIRMATION_RATE", "3/h")
RESEND_RATE_PER_ADDRESS = os.environ.get("RESEND_RATE_PER_ADDRESS", "20/h")
# The citizen feedback form (feedback/giving/guards.py): how long a page's token is valid, and
# how many answers one network may send in all and about one service point.
FEEDBACK_TOKEN_MAX_AGE = int(os.environ.get("FEEDBACK_TOKEN_MAX_AGE", 2 * 60 * 60))
FEEDBACK_RATE_PER_NETWORK = os.environ.get("FEEDBACK_RATE_PER_NETWORK", "60/h")
FEEDBACK_RATE_PER_POINT = os.environ.get("FEEDBACK_RATE_PER_POINT", "20/h")
# The burst detector (feedback/giving/bursts.py): an answer is held for review when its point
# had more than max(FEEDBACK_BURST_MIN, FEEDBACK_BURST_FACTOR x its mean hourly count over the
# last FEEDBACK_BURST_BASELINE_DAYS days) answers in the last hour, or when its comment repeats
# one the point received FEEDBACK_BURST_SAME_COMMENTS times in the last 24 hours.
FEEDBACK_BURST_MIN = int(os.environ.get("FEEDBACK_BURST_MIN", 20))
FEEDBACK_BURST_FACTOR = float(os.environ.get("FEEDBACK_BURST_FACTOR", 10))
FEEDBACK_BURST_BASELINE_DAYS = int(os.environ.get("FEEDBACK_BURST_BASELINE_DAYS", 28))
FEEDBACK_BURST_SAME_COMMENTS = int(os.environ.get("FEEDBACK_BURST_SAME_COMMENTS", 5))
# Replies to SMS answers through Africa's Talking's API (feedback/sms/outbound.py): the account's
# API key (the user name is the gateway's); without it, answers are taken and no reply is sent.
# The sandbox user name "sandbox" goes to AFRICASTALKING_SANDBOX_URL.
AFRICASTALKING_API_KEY = os.environ.get("AFRICASTALKING_API_KEY", "")
AFRICASTALKING_API_URL = os.environ.get(
    "AFRICASTALKING_API_URL", "https://api.africastalking.com/version1/messaging"
)
AFRICASTALKING_SANDBOX_URL = os.environ.get(
    "AFRICASTALKING_SANDBOX_URL", "https://api.sandbox.africastalking.com/version1/messaging"
)
SMS_SEND_TIMEOUT = float(os.environ.get("SMS_SEND_TIMEOUT", "5"))
# Public figures pages and open data are kept this long for visitors not signed in: a new answer
# shows within it (feedback/public/caching.py). 0 turns it off.
FEEDBACK_PAGE_SECONDS = int(os.environ.get("FEEDBACK_PAGE_SECONDS", "300"))
# Raw answers older than this are deleted (their daily roll-ups stay, so figures do not change);
# a rejected comment's text goes after FEEDBACK_REJECTED_COMMENT_DAYS (feedback/retention/).
FEEDBACK_RETAIN_ANSWERS_DAYS = int(os.environ.get("FEEDBACK_RETAIN_ANSWERS_DAYS", "400"))
FEEDBACK_REJECTED_COMMENT_DAYS = int(os.environ.get("FEEDBACK_REJECTED_COMMENT_DAYS", "30"))
# The visitor's address as the account limits see it (TRUSTED_PROXY_COUNT), not the proxy's.
RATELIMIT_IP_META_KEY = "awards_site.security.log.ratelimit_client_ip"
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "cxawards-demo")
PROGRAM_NAME = "Africa Public Sector CX Awards"

# Logs on standard output, as text or as JSON (LOG_FORMAT=json), each line with its request id
# and the node's name (awards_site/operations/logs.py); LOG_REQUESTS=1 adds a line per request.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOG_REQUESTS = env_bool("LOG_REQUESTS", False)
NODE_NAME = os.environ.get("NODE_NAME", "") or socket.gethostname()
LOGGING = logging_config(LOG_FORMAT, os.environ.get("LOG_LEVEL", "WARNING"), NODE_NAME)
# The health endpoint (/health/) reports the task queue "delayed" when a task has waited to run
# longer than this (awards_site/operations/health.py).
HEALTH_TASK_DELAY_SECONDS = int(os.environ.get("HEALTH_TASK_DELAY_SECONDS", "300"))

# Judging: email domains anyone can sign up with say nothing about where a judge works, so a
# judge and a nominator sharing one is not a likely conflict (judging/assignment/run.py).
JUDGING_PUBLIC_EMAIL_DOMAINS = env_list(
    "JUDGING_PUBLIC_EMAIL_DOMAINS",
    "gmail.com,googlemail.com,yahoo.com,yahoo.fr,yahoo.co.uk,outlook.com,outlook.fr,hotmail.com,"
    "hotmail.fr,live.com,msn.com,icloud.com,me.com,aol.com,proton.me,protonmail.com,gmx.com,"
    "gmx.fr,mail.com,yandex.com,zoho.com,orange.fr,free.fr,laposte.net",
)
