"""The abuse guards of the citizen's form (docs/feedback.md, "Abuse and privacy"), each tested as
the attack it stops (tests/feedback/giving/test_attacks.py):

- a signed form token per visit, valid FEEDBACK_TOKEN_MAX_AGE seconds, for this point only;
- rate limits per network (the client's IPv4 address, or its IPv6 /64) and
  per network and point, counted in the cache;
- the device key: HMAC-SHA256 of the client address and user agent under a secret of the day,
  derived from SECRET_KEY and the date. The answers of one device at one point on one day share
  it (so a later answer replaces the earlier), it changes every day, and the address itself is
  never stored. An SMS sender's key is the same hash of their phone number (sender_key), and
  their limits are counted per sender instead of per network (over_sender_limits).
"""

import ipaddress
import secrets

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac
from django_ratelimit.core import is_ratelimited

from awards_site.security.log import ratelimit_client_ip

TOKEN_SALT = "feedback.form-token"


# The form token ---------------------------------------------------------------------------------
def form_token(point):
    """A token for one visit of the point's form (a fresh random part each time)."""
    return signing.dumps({"point": point.code, "visit": secrets.token_urlsafe(8)}, salt=TOKEN_SALT)


def token_is_valid(token, point):
    """Whether the token was made by this site, for this point, less than the maximum age ago."""
    try:
        data = signing.loads(token or "", salt=TOKEN_SALT, max_age=settings.FEEDBACK_TOKEN_MAX_AGE)
    except signing.BadSignature:  # forged, altered or expired (SignatureExpired is one)
        return False
    return isinstance(data, dict) and data.get("point") == point.code


# The device key ---------------------------------------------------------------------------------
def device_key(request, day):
    """The keyed hash of the client address and user agent under the secret of `day`."""
    address = ratelimit_client_ip(request)
    agent = request.META.get("HTTP_USER_AGENT", "")[:500]
    return _key_of_the_day(day, f"{address}\n{agent}")


def sender_key(number, day):
    """An SMS sender's device key: the keyed hash of their phone number (digits only, so
    "+254 700 000 001" and "254700000001" are one sender) under the secret of `day`. The number
    itself is never stored."""
    digits = "".join(character for character in str(number) if character.isdigit())
    return _key_of_the_day(day, f"sms:{digits}")


def _key_of_the_day(day, value):
    return salted_hmac(
        f"feedback.device-key.{day.isoformat()}", value, algorithm="sha256"
    ).hexdigest()


# Rate limits ------------------------------------------------------------------------------------
def network(request):
    """The client's network: its IPv4 address, or the /64 of its IPv6 address (one household or
    phone's whole range)."""
    address = ipaddress.ip_address(ratelimit_client_ip(request))
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def _network_key(group, request):
    return network(request)


def _point_key(point):
    def key(group, request):
        return f"{network(request)}:{point.code}"

    return key


def over_rate_limits(request, point):
    """Count one answer against both limits; True once either is over."""
    return _over_limits(request, point, "feedback-network", _network_key, _point_key(point))


def over_sender_limits(request, point, sender):
    """The same limits for an SMS, counted per sender (their key of the day) instead of per
    network: FEEDBACK_RATE_PER_NETWORK across all points, FEEDBACK_RATE_PER_POINT at one."""
    return _over_limits(
        request,
        point,
        "feedback-sms-sender",
        lambda group, request: sender,
        lambda group, request: f"{sender}:{point.code}",
    )


def _over_limits(request, point, group, client_key, point_key):
    by_network = is_ratelimited(
        request,
        group=group,
        key=client_key,
        rate=settings.FEEDBACK_RATE_PER_NETWORK,
        method=is_ratelimited.ALL,
        increment=True,
    )
    by_point = is_ratelimited(
        request,
        group=f"{group}-point",
        key=point_key,
        rate=settings.FEEDBACK_RATE_PER_POINT,
        method=is_ratelimited.ALL,
        increment=True,
    )
    return by_network or by_point
