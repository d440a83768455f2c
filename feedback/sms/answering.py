"""Taking an SMS answer: the same path as the web form (feedback/giving/recording.take, with
channel "sms"), the same limits (counted per sender instead of per network), and a reply for
every message: thanks, updated, kept, or a correction naming the part to fix.

The sender's device key is the keyed hash of their number under the secret of the day
(guards.sender_key): the number is never stored. A point must belong to the gateway's country:
a gateway answers for its own country's points only."""

from django.utils import timezone, translation
from django.utils.translation import gettext

from feedback.choices import Channel
from feedback.giving import guards, recording
from feedback.models import ServicePoint
from feedback.sms import grammar

# The replies' language when the message's words do not tell it: the gateway country's.
FRENCH_SPEAKING = {
    "BJ", "BF", "BI", "CM", "CF", "TD", "KM", "CG", "CD", "CI", "DJ", "GA", "GN", "MG", "ML",
    "MR", "MA", "NE", "RW", "SN", "SC", "TG", "TN", "DZ",
}  # fmt: skip
NAME_IN_REPLY = 40  # an SMS is 160 characters


def default_language(country):
    return "fr" if country in FRENCH_SPEAKING else "en"


def reply_language(gateway, text):
    return grammar.language_hint(text) or default_language(gateway.country)


def _name(point):
    name = point.name
    return name if len(name) <= NAME_IN_REPLY else name[: NAME_IN_REPLY - 1] + "…"


def answer(request, gateway, inbound):
    """Take the message (if it is a valid answer) and return the reply's text."""
    with translation.override(reply_language(gateway, inbound.text)):
        return _answer(request, gateway, inbound)


def _answer(request, gateway, inbound):
    try:
        parsed = grammar.parse(inbound.text)
    except grammar.SmsError as error:
        return error.message()
    point = (
        ServicePoint.objects.select_related("agency")
        .filter(code=parsed.code, agency__country=gateway.country)
        .first()
    )
    if point is None:
        return gettext(
            "No service has the code %(code)s. Check the code on the poster and send: %(example)s"
        ) % {"code": parsed.code, "example": grammar.example()}
    if not point.active:
        return gettext("%(point)s no longer takes answers. Nothing was stored.") % {
            "point": _name(point)
        }
    now = timezone.now()
    sender = guards.sender_key(inbound.sender, timezone.localdate(now))
    if guards.over_sender_limits(request, point, sender):
        return gettext(
            "Many answers came from your number just now, so we kept the earlier ones. "
            "You can answer again later."
        )
    outcome = recording.take(
        point,
        parsed.answer,
        sender,
        language=translation.get_language(),
        now=now,
        channel=Channel.SMS,
    )
    if outcome == recording.REPLACED:
        return gettext(
            "Thank you. Your answers about %(point)s replace the ones you sent earlier today."
        ) % {"point": _name(point)}
    return gettext("Thank you. Your answers about %(point)s were received.") % {
        "point": _name(point)
    }
