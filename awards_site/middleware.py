"""The site's response policy: a strict Content Security Policy everywhere except the Wagtail
admin, whose editor still relies on inline scripts and styles."""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


class SitePolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_PATH_PREFIXES):
            return PolicyParts(
                default_config(settings.ADMIN_CONTENT_SECURITY_POLICY),
                parts.update,
                parts.replace,
                parts.nonce,
            )
        return parts
