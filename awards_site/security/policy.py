"""The site's response policy: the Permissions-Policy of the settings (browser features the site
does not use, turned off) and the strict Content Security Policy (django-csp) on every response,
the latter with two exceptions, both explained in docs/security.md:

- the Wagtail admin gets ADMIN_CONTENT_SECURITY_POLICY, because Wagtail 8 still writes inline
  scripts (form widgets, choosers, inline panels) and its rich text editor inline styles;
- a Wagtail preview may be framed by the site itself (frame-ancestors 'self'): the admin shows
  previews in an iframe. Everything else refuses every frame (frame-ancestors 'none'), also a
  response that brings its own policy (Wagtail's document downloads: default-src 'none')."""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

FRAMED_BY_THE_SITE = {"frame-ancestors": ["'self'"]}
FRAMED_BY_NOBODY = "frame-ancestors 'none'"


def is_admin(request):
    return request.path_info.startswith(settings.ADMIN_PATH_PREFIXES)


def is_framed_by_the_site(request, response):
    """Wagtail renders a preview by running a made-up request to the page through the whole
    middleware stack (request.is_dummy), then its preview view marks the answer SAMEORIGIN.
    Its "preview not available" answer is only marked SAMEORIGIN."""
    return getattr(request, "is_dummy", False) or response.get("X-Frame-Options") == "SAMEORIGIN"


def permissions_policy(policy=None):
    """The header's value: `feature=(allowlist)` per feature, "self" written bare."""
    policy = settings.PERMISSIONS_POLICY if policy is None else policy
    parts = []
    for feature, origins in policy.items():
        allowed = " ".join(origin if origin == "self" else f'"{origin}"' for origin in origins)
        parts.append(f"{feature}=({allowed})")
    return ", ".join(parts)


class SitePolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if is_admin(request):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY)
        if is_framed_by_the_site(request, response):
            parts.replace = {**(parts.replace or {}), **FRAMED_BY_THE_SITE}
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", permissions_policy())
        policy = response.get(HEADER)
        if policy is not None and "frame-ancestors" not in policy:
            # A view's own policy: default-src does not cover framing.
            response[HEADER] = f"{policy}; {FRAMED_BY_NOBODY}"
        return response
