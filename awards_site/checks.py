"""System checks of the project's own settings (`manage.py check`, `check --deploy`, and at
the start of every process that serves the site: awards_site/wsgi.py)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Warning, register

from awards_site.site_url import is_local_address

SITE_URL_TAG = "site_url"


@register(SITE_URL_TAG)
def check_site_url(app_configs=None, **kwargs):
    """SITE_URL is printed in emails and, permanently, on certificates (their QR code and
    verification address). In production it must be the public address of the site."""
    if not getattr(settings, "SITE_URL_REQUIRED", False):
        return []
    url = settings.SITE_URL or ""
    hint = "Set SITE_URL to the public address of the site, e.g. https://awards.example.org"
    if not url:
        return [Error("SITE_URL is not set.", hint=hint, id="awards_site.E001")]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return [
            Error(
                f"SITE_URL ({url!r}) is not an http(s) address with a host name.",
                hint=hint,
                id="awards_site.E002",
            )
        ]
    if parts.path.strip("/") or parts.query or parts.fragment:
        return [
            Error(
                f"SITE_URL ({url!r}) must be the site's root address, without a path.",
                hint=hint,
                id="awards_site.E002",
            )
        ]
    allow_local = getattr(settings, "ALLOW_LOCAL_SITE_URL", False)
    if is_local_address(url) and not allow_local:
        return [
            Error(
                f"SITE_URL ({url}) points at this machine: links in emails and on "
                "certificates would open nowhere for anyone else.",
                hint=hint + ". ALLOW_LOCAL_SITE_URL=1 allows it for a production-like run on "
                "this machine only (make serve), never for production.",
                id="awards_site.E003",
            )
        ]
    if parts.scheme != "https" and not allow_local:
        return [
            Warning(
                f"SITE_URL ({url}) is not https: links in emails and on certificates "
                "would not be encrypted.",
                hint=hint,
                id="awards_site.W001",
            )
        ]
    return []


def refuse_to_start_on_errors():
    """Run the checks that protect permanent links, and stop the process on an error (gunicorn
    does not run Django's system checks itself)."""
    from django.core.checks import ERROR
    from django.core.exceptions import ImproperlyConfigured

    errors = [message for message in check_site_url() if message.level >= ERROR]
    if errors:
        raise ImproperlyConfigured(
            "\n".join(f"{message.id}: {message.msg} {message.hint}" for message in errors)
        )
