"""Every URL pattern of the project, read from the URL configuration itself (so a new URL cannot
escape the access matrix), and the means to turn one into an address to request."""

import functools
import re
from dataclasses import dataclass, field
from uuid import UUID

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RegexPattern

PROJECT_APPS = ("awards_site", "cms", "nominations", "judging", "feedback", "library")
PLACEHOLDER = re.compile(r"<(?:[^>:]+:)?(?P<name>[^>]+)>")

# Addresses for the regular-expression patterns of third-party packages, which cannot be filled
# in mechanically, by URL name (or route, for unnamed ones). A new one fails the test until it
# has a sample here.
REGEX_SAMPLES = {
    "wagtailadmin_pages:revisions_compare": "/admin/pages/3/revisions/compare/earliest...live/",
    r"admin/.*/$": "/admin/no-such-screen/",
    "admin:app_list": "/django-admin/mfa/",
    r"django-admin/(?P<url>.*)$": "/django-admin/no-such-screen/",
    "wagtaildocs_serve": "/documents/1/report.pdf",
    r"^media/(?P<path>.*)$": "/media/no-such-file.png",
    "account_reset_password_from_key": "/accounts/password/reset/key/1-not-a-key/",
    "wagtail_serve": "/",
    "page": "/",
}
# Values for the parameters of third-party patterns (ids that need not exist: nobody but the
# administrator gets past the permission check, and the administrator only asks pages without
# parameters).
SAMPLE_VALUES = {
    "int": 1,
    "str": "x",
    "slug": "x",
    "path": "x",
    "uuid": UUID("00000000-0000-4000-8000-000000000000"),
    # The project's own converters (cms/sharing/urls.py).
    "language": "en",
    "digest": "0123456789abcdef",
}


@dataclass(frozen=True)
class Endpoint:
    route: str  # as Django joins it, e.g. "my-nominations/<uuid:uuid>/"
    name: str | None  # with its namespaces, e.g. "nominations:detail"
    callback: object = field(compare=False)
    converters: dict = field(compare=False)  # parameter name -> converter
    is_regex: bool = field(compare=False)

    @property
    def key(self):
        """How the matrix names it: the URL name, or the route for an unnamed pattern."""
        return self.name or self.route

    @property
    def params(self):
        return tuple(self.converters) if not self.is_regex else ()

    @property
    def is_project_owned(self):
        """Written in the project, or a viewset of one of the project's models (Wagtail's generic
        views serve those, but the project decides who may use them)."""
        module = getattr(self.callback, "__module__", "") or ""
        initkwargs = getattr(self.callback, "view_initkwargs", {}) or {}
        model = initkwargs.get("model")
        if isinstance(model, str):  # "app_label.ModelName"
            app_label = model.split(".")[0]
        else:
            app_label = model._meta.app_label if model is not None else ""
        return module.split(".")[0] in PROJECT_APPS or app_label in PROJECT_APPS

    def address(self, **kwargs):
        """The address with `kwargs` filled in (third-party patterns: sample values)."""
        if self.is_regex:
            sample = REGEX_SAMPLES.get(self.key)
            if sample is None:
                raise LookupError(f"Add a sample address for {self.key!r} to REGEX_SAMPLES.")
            return sample

        def fill(match):
            name = match["name"]
            converter = self.converters[name]
            value = kwargs.get(name, SAMPLE_VALUES.get(_converter_kind(converter), "x"))
            return str(converter.to_url(value))

        return "/" + PLACEHOLDER.sub(fill, _literal(self.route))

    def resolves_here(self, address):
        """Whether the address reaches this pattern (not an earlier one with the same route)."""
        try:
            match = resolve(address.split("?")[0])
        except Resolver404:
            return False
        return match.route == self.route and match.url_name == _last(self.name)


def _converter_kind(converter):
    return type(converter).__name__.removesuffix("Converter").lower()


def _last(name):
    return name.rsplit(":", 1)[-1] if name else None


def _join(route1, route2):
    """Routes joined the way Django's resolver joins them (ResolverMatch.route)."""
    return route1 + route2.removeprefix("^") if route1 else route2


@functools.cache
def endpoints():
    """Every URLPattern reachable from the root URLconf, in order."""
    return tuple(_walk(get_resolver()))


def _walk(resolver, prefix="", namespaces=(), converters=None, regex=False):
    found = []
    for entry in resolver.url_patterns:
        pattern = entry.pattern
        route = _join(prefix, str(pattern))
        known = {**(converters or {}), **getattr(pattern, "converters", {})}
        is_regex = regex or (isinstance(pattern, RegexPattern) and _needs_sample(pattern))
        if isinstance(entry, URLResolver):
            spaces = (*namespaces, entry.namespace) if entry.namespace else namespaces
            found += _walk(entry, route, spaces, known, is_regex)
        elif isinstance(entry, URLPattern):
            name = ":".join((*namespaces, entry.name)) if entry.name else None
            found.append(Endpoint(route, name, entry.callback, known, is_regex))
    return found


def _needs_sample(pattern):
    """A regex that is not a plain address once its anchors are dropped."""
    return pattern.regex.groups > 0 or ".*" in pattern.regex.pattern


def _literal(route):
    """A route whose regex parts have no groups (e.g. "admin/api/main/pages/"): its address."""
    return route.replace("^", "").replace("$", "").replace("\\", "")
