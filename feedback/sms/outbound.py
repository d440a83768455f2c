"""Replies to citizens who answered by SMS through Africa's Talking: its incoming-message
callback ignores what the webhook answers, so the reply is sent with its SMS API (POST
/version1/messaging: `username`, `to`, `message`, `from` form-encoded, the `apiKey` header).

The reply is sent while the callback is answered, not queued: a queued task would keep the
citizen's number in the task table, and the platform stores no number (docs/feedback.md,
"Privacy"). A failure is logged without the number and never loses the answer, which is already
stored. RapidPro needs none of this: its flow sends the reply the webhook returns."""

import json
import logging
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

from feedback.choices import SmsProvider

log = logging.getLogger(__name__)
SENT = 101  # Africa's Talking's statusCode of a recipient whose message was sent


def can_send(gateway):
    return (
        gateway.provider == SmsProvider.AFRICASTALKING
        and bool(gateway.api_username)
        and bool(settings.AFRICASTALKING_API_KEY)
    )


def api_url(gateway):
    if gateway.api_username == "sandbox":
        return settings.AFRICASTALKING_SANDBOX_URL
    return settings.AFRICASTALKING_API_URL


def send_reply(gateway, to, text):
    """Send `text` to `to` through the gateway's Africa's Talking account; whether it was sent."""
    if not can_send(gateway) or not to or not text:
        return False
    fields = {"username": gateway.api_username, "to": to, "message": text}
    if gateway.number:
        fields["from"] = gateway.number
    request = urllib.request.Request(
        api_url(gateway),
        data=urllib.parse.urlencode(fields).encode(),
        headers={
            "apiKey": settings.AFRICASTALKING_API_KEY,
            "Accept": "application/json",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.SMS_SEND_TIMEOUT) as response:
            answer = json.loads(response.read() or b"{}")
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        log.warning("SMS reply not sent through gateway %s: %s", gateway.pk, error)
        return False
    recipients = answer.get("SMSMessageData", {}).get("Recipients", [])
    sent = any(recipient.get("statusCode") == SENT for recipient in recipients)
    if not sent:
        log.warning("SMS reply refused by gateway %s: %s", gateway.pk, _without_numbers(answer))
    return sent


def _without_numbers(answer):
    data = answer.get("SMSMessageData", {})
    statuses = [recipient.get("status") for recipient in data.get("Recipients", [])]
    return {"message": data.get("Message"), "statuses": statuses}
