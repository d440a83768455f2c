"""What an SMS gateway posts, read into (sender, text):

- Africa's Talking, incoming messages callback: form-encoded `from`, `to`, `text`, `date`,
  `id`, `linkId`;
- RapidPro / TextIt, an external channel's receive call: form-encoded `from`, `text` (and
  `date`); a flow's webhook (Call Webhook action, default body): JSON with `contact.urn`
  ("tel:+221...") and `input.text`, or a custom body with `from`/`urn` and `text`.

Either format is accepted from either provider; the provider only decides how the reply goes
back (views.py)."""

import json
from dataclasses import dataclass

MAX_TEXT = 1000  # an SMS of ten parts is 1,530 characters; the comment takes 1,000 at most


@dataclass(frozen=True)
class Inbound:
    sender: str
    text: str


class Unreadable(ValueError):
    pass


def _urn_number(urn):
    """ "tel:+221770000001" -> "+221770000001"."""
    urn = str(urn or "")
    return urn.split(":", 1)[1] if urn.startswith("tel:") else urn


def _from_json(body):
    try:
        data = json.loads(body or b"{}")
    except (ValueError, UnicodeDecodeError) as error:
        raise Unreadable("not JSON") from error
    if not isinstance(data, dict):
        raise Unreadable("not an object")
    contact = data.get("contact") if isinstance(data.get("contact"), dict) else {}
    message = data.get("input") if isinstance(data.get("input"), dict) else {}
    sender = contact.get("urn") or data.get("urn") or data.get("from") or ""
    text = message.get("text") if "text" in message else data.get("text", "")
    return _urn_number(sender), text


def read(request):
    """The message of a gateway's request, or Unreadable (no sender)."""
    if request.content_type == "application/json":
        sender, text = _from_json(request.body)
    else:
        sender, text = request.POST.get("from", ""), request.POST.get("text", "")
    if not isinstance(sender, str) or not isinstance(text, str) or not sender.strip():
        raise Unreadable("no sender")
    return Inbound(sender.strip()[:64], text[:MAX_TEXT])
