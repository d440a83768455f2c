"""Settings shared by every mode. Everything a deployment changes comes from the environment,
with embedded defaults that need no service at all (SQLite, local memory cache, console email,
immediate tasks)."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "awards_site",
    "cms",
    "nominations",
    "judging",
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
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
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
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

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

# Accounts (django-allauth): sign in with an email address, no username. Nobody signs in before
# proving the address is theirs: at sign-up (and at a log-in with an address not yet proven) the
# site emails a code that must be typed in the same browser, so whoever chose the password is
# whoever reads the mailbox (awards_site/accounts/linking.py, docs/security.md). Sign-up, log-in
# and password reset answer alike whether or not an address has an account; the mailbox gets
# the news instead ("someone tried to sign up with your address", "no account uses it").
AUTHENTICATION_BACKENDS = [
    # The named permissions of each app's rules.py (docs/permissions.md), then Django's own.
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
# What was never confirmed by its owner is removed after this many days (`manage.py
# remove_unconfirmed`, run daily; docs/operations.md): an account that holds nothing, a
# signature of the open letter or the pledge (whose emailed link works this long).
CONFIRMATION_WINDOW_DAYS = int(os.environ.get("CONFIRMATION_WINDOW_DAYS", "3"))
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[CX Awards] "
# Rate limits (counted in the cache, per client address and per account; see docs/security.md).
# A failed log-in counts against both; once over, the form refuses every try until the window
# has passed, so guessing is slowed to 5 tries per 5 minutes per account. Two-step codes count
# as failed log-ins too (per account). Failures and refusals are logged ("awards_site.security").
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reauthenticate": "10/m/user",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
# Behind a proxy, the client's address is the n-th from the right in X-Forwarded-For; without
# this every visitor shares the proxy's address (and its rate limits).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ACCOUNT_ADAPTER = "awards_site.accounts.adapters.AccountAdapter"
# Changing an email address or the two-step verification asks for the password (or a code)
# again if the last confirmation is older than 5 minutes; changing the password asks for the
# current one in its own form.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_FORMS = {
    "login": "awards_site.accounts.forms.LoginForm",
    "signup": "awards_site.accounts.forms.SignupForm",
    "reset_password": "awards_site.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "awards_site.accounts.forms.ResetPasswordKeyForm",
    "change_password": "awards_site.accounts.forms.ChangePasswordForm",
    "add_email": "awards_site.accounts.forms.AddEmailForm",
    "reauthenticate": "awards_site.accounts.forms.ReauthenticateForm",
    "confirm_email_verification_code": "awards_site.accounts.forms.ConfirmEmailCodeForm",
}

# Two-step verification (allauth.mfa): an authenticator app (TOTP) with recovery codes. Required
# for administrators, editors, judges, superusers and anyone with Wagtail admin access when
# MFA_REQUIRED_FOR_ROLES is on (production default; see awards_site/accounts/mfa.py); optional for
# others.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Africa Public Sector CX Awards"
# Accept the code of the 30 seconds before and after too: phone clocks drift, and a code typed
# as it changes may reach a busy server late (measured in the load test, bench/README.md). A
# code is still accepted only once.
MFA_TOTP_TOLERANCE = 1
MFA_REQUIRED_FOR_ROLES = env_bool("MFA_REQUIRED_FOR_ROLES", True)
MFA_REQUIRED_GROUPS = env_list("MFA_REQUIRED_GROUPS", "Administrators,Editors,Judges")
# TOTP keys and recovery-code seeds are stored encrypted (awards_site/accounts/mfa_secrets.py): with
# the Fernet keys in MFA_ENCRYPTION_KEYS (newest first), else a key derived from SECRET_KEY.
MFA_ADAPTER = "awards_site.accounts.mfa_secrets.EncryptingMFAAdapter"
MFA_ENCRYPTION_KEYS = env_list("MFA_ENCRYPTION_KEYS", "")
MFA_FORMS = {
    "authenticate": "awards_site.accounts.forms.MFAAuthenticateForm",
    "reauthenticate": "awards_site.accounts.forms.MFAReauthenticateForm",
    "activate_totp": "awards_site.accounts.forms.ActivateTOTPForm",
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "nominations:my_nominations"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English at the root, French under /fr/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
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
# Files that only their owners may read (evidence, certificates) live outside MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Never served directly: only through views that check who asks.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/private-files-are-not-served/"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible storage for public media (logos, images); see docs/operations.md.
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME")
    AWS_QUERYSTRING_AUTH = False
if os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME"):
    # Evidence and other private files in a bucket of their own, never publicly readable:
    # the site reads them and hands them only to people allowed to have them.
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_PRIVATE_STORAGE_BUCKET_NAME"],
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

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
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# Administrators never set or see another person's password in Settings ▸ Users: a new user
# gets an emailed link to choose one (awards_site/accounts/users_admin.py).
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
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
# "Send it again" (nominations/sending/resend.py): per account (and per nomination), and per
# address.
RESEND_CONFIRMATION_RATE = os.environ.get("RESEND_CONFIRMATION_RATE", "3/h")
RESEND_RATE_PER_ADDRESS = os.environ.get("RESEND_RATE_PER_ADDRESS", "20/h")
# The visitor's address as the account limits see it (TRUSTED_PROXY_COUNT), not the proxy's.
RATELIMIT_IP_META_KEY = "awards_site.security.log.ratelimit_client_ip"
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "cxawards-demo")
PROGRAM_NAME = "Africa Public Sector CX Awards"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "awards_site": {"level": "INFO"},
        "cms": {"level": "INFO"},
    },
}

# Judging: email domains anyone can sign up with say nothing about where a judge works, so a
# judge and a nominator sharing one is not a likely conflict (judging/assignment/run.py).
JUDGING_PUBLIC_EMAIL_DOMAINS = env_list(
    "JUDGING_PUBLIC_EMAIL_DOMAINS",
    "gmail.com,googlemail.com,yahoo.com,yahoo.fr,yahoo.co.uk,outlook.com,outlook.fr,hotmail.com,"
    "hotmail.fr,live.com,msn.com,icloud.com,me.com,aol.com,proton.me,protonmail.com,gmx.com,"
    "gmx.fr,mail.com,yandex.com,zoho.com,orange.fr,free.fr,laposte.net",
)
