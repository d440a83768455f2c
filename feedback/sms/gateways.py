"""An SMS gateway's secret: made when the gateway is created (shown once to the administrator,
then only its SHA-256 digest is kept), and checked on every inbound message. The secret travels
in the `X-Feedback-Secret` header, or in the `secret` query parameter for providers that cannot
set headers (Africa's Talking)."""

import hashlib
import hmac
import secrets

from django.urls import reverse

from awards_site.site_url import absolute_url
from feedback.choices import SmsProvider
from feedback.models import SmsGateway

HEADER = "X-Feedback-Secret"
QUERY_PARAMETER = "secret"


def digest(secret):
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_secret(gateway):
    """Give the (unsaved or saved) gateway a fresh secret; returns it: the only time it is seen."""
    secret = secrets.token_urlsafe(32)
    gateway.secret_digest = digest(secret)
    return secret


def webhook_url(gateway, secret=None):
    """The address to paste into the provider. With `secret` and a provider that cannot set
    headers, the secret rides in the query string."""
    url = absolute_url(reverse("feedback:sms", kwargs={"gateway_id": gateway.pk}))
    if secret and gateway.provider == SmsProvider.AFRICASTALKING:
        url += f"?{QUERY_PARAMETER}={secret}"
    return url


def authenticated_gateway(request, gateway_id):
    """The active gateway `gateway_id` if the request carries its secret, else None."""
    secret = request.headers.get(HEADER) or request.GET.get(QUERY_PARAMETER) or ""
    gateway = SmsGateway.objects.filter(pk=gateway_id, active=True).first()
    if gateway is None or not secret or not gateway.secret_digest:
        return None
    if not hmac.compare_digest(digest(secret), gateway.secret_digest):
        return None
    return gateway
