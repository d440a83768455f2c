"""The inbound SMS webhook, /feedback/sms/<gateway id>/: POST only, no CSRF token (a gateway
is no browser), authenticated by the gateway's secret (gateways.py). The reply goes back in the
response: JSON {"reply": ...} for RapidPro, whose flow sends it; for Africa's Talking, plain text
and the reply sent through its SMS API (outbound.py; docs/feedback.md, "SMS answers")."""

from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from feedback.choices import SmsProvider
from feedback.sms import answering, gateways, outbound, payloads

# A gateway's request is a few hundred bytes; anything far larger is not an SMS.
MAX_BODY = 16 * 1024


def _length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


@csrf_exempt
@require_POST
def inbound(request, gateway_id):
    gateway = gateways.authenticated_gateway(request, gateway_id)
    if gateway is None:
        return HttpResponseForbidden("Unknown gateway or wrong secret.", content_type="text/plain")
    if _length(request) > MAX_BODY:
        return HttpResponse("Too large for an SMS.", status=413, content_type="text/plain")
    try:
        message = payloads.read(request)
    except payloads.Unreadable as error:
        return HttpResponse(f"Unreadable message: {error}.", status=400, content_type="text/plain")
    reply = answering.answer(request, gateway, message)
    if gateway.provider == SmsProvider.RAPIDPRO:
        return JsonResponse({"reply": reply})
    outbound.send_reply(gateway, message.sender, reply)
    return HttpResponse(reply, content_type="text/plain; charset=utf-8")
