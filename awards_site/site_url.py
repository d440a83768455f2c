"""The address people reach the site at (the SITE_URL setting), and the absolute links built on
it: links in emails, the QR code and address printed on certificates, the admin's own links.
Never the address a request happened to come in on (a proxy's, a test's, a forged Host header),
and never a framework default: one setting, read here only."""

import ipaddress
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def site_url():
    """SITE_URL without a trailing slash, e.g. "https://awards.example.org"."""
    return (settings.SITE_URL or "").rstrip("/")


def absolute_url(path=""):
    """`path` (from reverse(), starting with "/") as a full address on the site."""
    if path and not path.startswith("/"):
        path = "/" + path
    return site_url() + path


def path_to(viewname, **kwargs):
    """reverse(viewname, kwargs=kwargs), kept per process: for pages that link many objects (a
    dashboard's two links for each of 80 service points were a tenth of its time)."""
    return _kept_path(get_script_prefix(), get_language(), viewname, **kwargs)


@lru_cache(maxsize=16384)
def _kept_path(script_prefix, language, viewname, **kwargs):
    # Keyed by all a path depends on besides the URLconf: the script prefix and the language
    # (the site's pages are under i18n_patterns).
    return reverse(viewname, kwargs=kwargs)


def site_domain():
    """The host (and port, when not the scheme's) people type: "awards.example.org"."""
    return urlsplit(site_url()).netloc


def is_local_address(url):
    """True when `url` points at this machine only (localhost, 127.0.0.0/8, ::1, 0.0.0.0):
    nobody else can open such a link."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified
