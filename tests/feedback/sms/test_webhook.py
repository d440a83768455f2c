"""The inbound SMS webhook (feedback/sms/): realistic payloads of Africa's Talking and RapidPro,
the replies, and the attacks it stops (each fails without its guard)."""

import json

import pytest
from django.test import Client

from feedback.choices import Channel
from feedback.models import DailyRollup, Response, ServicePoint, SmsGateway
from feedback.sms import gateways
from tests.factories.feedback import AgencyFactory, ServicePointFactory

pytestmark = pytest.mark.django_db

SENDER = "+254711000001"


def make_gateway(provider="africastalking", country="KE", **fields):
    values = {"name": "Test gateway", "number": "21234", **fields}
    gateway = SmsGateway(provider=provider, country=country, **values)
    secret = gateways.new_secret(gateway)
    gateway.save()
    return gateway, secret


@pytest.fixture
def at(db):
    return make_gateway()


@pytest.fixture
def rapidpro(db):
    return make_gateway(provider="rapidpro")


def africas_talking(client, gateway, secret, text, sender=SENDER):
    """Africa's Talking's incoming-message callback: form-encoded, the secret in the address."""
    return client.post(
        f"/feedback/sms/{gateway.pk}/?secret={secret}",
        {
            "from": sender,
            "to": "21234",
            "text": text,
            "date": "2026-12-06 10:15:02",
            "id": "ATXid_3a4b5c6d7e8f",
            "linkId": "SampleLinkId123",
        },
    )


def rapidpro_webhook(client, gateway, secret, text, sender=SENDER):
    """A RapidPro flow's Call Webhook action with its default body, the secret in a header."""
    body = {
        "contact": {
            "uuid": "5d76d86b-3bb9-4d5a-b822-c9d86f5d8e4f",
            "name": "",
            "urn": f"tel:{sender}",
        },
        "flow": {"uuid": "cd7d5fe0-6d0b-4a1b-8d39-9f7d5e3a8f11", "name": "Feedback"},
        "path": [],
        "results": {},
        "run": {
            "uuid": "0d2a5f0c-96c4-4b57-9a8a-6c1ad2f5f3f2",
            "created_on": "2026-12-06T10:15:02Z",
        },
        "input": {"type": "msg", "text": text, "attachments": []},
        "channel": {"uuid": "b2f1b3b8-0d1e-4d3c-9c5a-1e2d3c4b5a69", "name": "Feedback SMS"},
    }
    return client.post(
        f"/feedback/sms/{gateway.pk}/",
        json.dumps(body),
        content_type="application/json",
        headers={"X-Feedback-Secret": secret},
    )


def test_an_africas_talking_answer_is_taken_and_thanked(client, at, point):
    gateway, secret = at
    response = africas_talking(client, gateway, secret, f"{point.code} 4 6 Y 9 queue was short")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode() == (
        "Thank you. Your answers about Huduma Centre Test were received."
    )
    stored = point.responses.get()
    assert (stored.satisfaction, stored.effort, stored.resolved, stored.recommend) == (
        4,
        6,
        True,
        9,
    )
    assert stored.comment == "queue was short" and stored.channel == Channel.SMS
    assert SENDER not in stored.device_key and "711000001" not in str(stored.__dict__)
    assert point.rollups.get().n == 1


def test_a_rapidpro_webhook_answer_gets_a_json_reply(client, rapidpro, point):
    gateway, secret = rapidpro
    response = rapidpro_webhook(client, gateway, secret, f"{point.code.lower()} 5 7 oui 10")
    assert response.status_code == 200
    assert response.json() == {
        "reply": "Merci. Vos réponses sur Huduma Centre Test ont bien été reçues."
    }
    assert point.responses.get().resolved is True


def test_a_rapidpro_external_channel_post_is_read(client, rapidpro, point):
    gateway, secret = rapidpro
    response = client.post(
        f"/feedback/sms/{gateway.pk}/",
        {"from": "+254711000002", "text": f"{point.code} 2 3 N 4", "date": "2026-12-06T10:15:02Z"},
        headers={"X-Feedback-Secret": secret},
    )
    assert "were received" in response.json()["reply"]
    assert point.responses.get().recommend == 4


def test_a_wrong_value_gets_a_correction_and_nothing_is_stored(client, at, point):
    gateway, secret = at
    response = africas_talking(client, gateway, secret, f"{point.code} 4 9 Y 9")
    assert response.content.decode() == (
        f"The 2nd number (ease) must be 1 to 7. Send: {point.code} 4 6 Y 9 comment"
    )
    assert not point.responses.exists()


def test_the_reply_is_in_the_countrys_language_when_the_words_do_not_say(client, point):
    senegal = AgencyFactory(country="SN")
    dakar = ServicePointFactory(agency=senegal, name="Guichet Dakar")
    gateway, secret = make_gateway(country="SN")
    response = africas_talking(client, gateway, secret, f"{dakar.code} 4 6 Y 9")
    assert response.content.decode() == "Merci. Vos réponses sur Guichet Dakar ont bien été reçues."
    # English words get an English reply.
    other = africas_talking(
        client, gateway, secret, f"{dakar.code} 4 6 yes 9 thanks", "+221770000002"
    )
    assert other.content.decode().startswith("Thank you.")


def test_a_second_answer_the_same_day_replaces_the_first(client, at, point):
    gateway, secret = at
    africas_talking(client, gateway, secret, f"{point.code} 1 1 N 0")
    response = africas_talking(client, gateway, secret, f"{point.code} 5 7 Y 10 better")
    assert "replace the ones you sent earlier today" in response.content.decode()
    stored = point.responses.get()
    assert (stored.satisfaction, stored.comment) == (5, "better")
    rollup = point.rollups.get()
    assert (rollup.n, rollup.promoters, rollup.detractors) == (1, 1, 0)
    # Another number is another sender; the same number spelt otherwise is the same one.
    africas_talking(client, gateway, secret, f"{point.code} 3 3 N 5", "254 711 000 001")
    assert point.responses.count() == 1
    africas_talking(client, gateway, secret, f"{point.code} 3 3 N 5", "+254711000009")
    assert point.responses.count() == 2


def test_an_unknown_or_closed_point_is_said_and_nothing_stored(client, at, point):
    gateway, secret = at
    unknown = africas_talking(client, gateway, secret, "AAAAAA 4 6 Y 9")
    assert unknown.content.decode().startswith("No service has the code AAAAAA.")
    point.active = False
    point.save()
    closed = africas_talking(client, gateway, secret, f"{point.code} 4 6 Y 9")
    assert closed.content.decode() == (
        "Huduma Centre Test no longer takes answers. Nothing was stored."
    )
    assert not Response.objects.filter(point=point).exists()


def test_a_gateway_answers_only_for_its_countrys_points(client, point):
    """A Senegalese gateway (or whoever holds its secret) cannot add answers to Kenya's points."""
    gateway, secret = make_gateway(country="SN")
    response = africas_talking(client, gateway, secret, f"{point.code} 4 6 Y 9")
    assert f"{point.code}" in response.content.decode() and not point.responses.exists()


# Attacks -----------------------------------------------------------------------------------------
def test_a_missing_or_wrong_secret_is_refused(client, at, point):
    gateway, secret = at
    text = f"{point.code} 4 6 Y 9"
    for address, headers in [
        (f"/feedback/sms/{gateway.pk}/", {}),
        (f"/feedback/sms/{gateway.pk}/?secret=wrong", {}),
        (f"/feedback/sms/{gateway.pk}/", {"X-Feedback-Secret": secret[:-1]}),
        (f"/feedback/sms/{gateway.pk + 1000}/?secret={secret}", {}),
    ]:
        response = client.post(address, {"from": SENDER, "text": text}, headers=headers)
        assert response.status_code == 403, address
    assert not point.responses.exists()


def test_another_gateways_secret_is_refused(client, at, point):
    gateway, _secret = at
    _other, other_secret = make_gateway(country="KE", name="Other")
    response = africas_talking(client, gateway, other_secret, f"{point.code} 4 6 Y 9")
    assert response.status_code == 403 and not point.responses.exists()


def test_an_inactive_gateway_is_refused(client, point):
    gateway, secret = make_gateway(active=False)
    response = africas_talking(client, gateway, secret, f"{point.code} 4 6 Y 9")
    assert response.status_code == 403 and not point.responses.exists()


def test_a_get_is_not_allowed(client, at):
    gateway, secret = at
    assert client.get(f"/feedback/sms/{gateway.pk}/?secret={secret}").status_code == 405


def test_over_the_limits_the_earlier_answer_is_kept(client, at, settings):
    settings.FEEDBACK_RATE_PER_POINT = "2/h"
    gateway, secret = at
    point = ServicePointFactory()
    replies = [
        africas_talking(client, gateway, secret, f"{point.code} {n} 6 Y 9").content.decode()
        for n in (1, 2, 3)
    ]
    assert "so we kept the earlier ones" in replies[2]
    assert point.responses.get().satisfaction == 2  # the third answer was not taken
    # Per sender across points.
    settings.FEEDBACK_RATE_PER_NETWORK = "1/h"
    other = ServicePointFactory()
    reply = africas_talking(client, gateway, secret, f"{other.code} 4 6 Y 9", "+254700000077")
    assert "were received" in reply.content.decode()
    another = ServicePointFactory()
    reply = africas_talking(client, gateway, secret, f"{another.code} 4 6 Y 9", "+254700000077")
    assert "kept the earlier ones" in reply.content.decode() and not another.responses.exists()


def test_a_huge_body_is_refused_and_a_long_text_capped(client, at, point):
    gateway, secret = at
    huge = africas_talking(client, gateway, secret, f"{point.code} 4 6 Y 9 " + "x" * 40_000)
    assert huge.status_code == 413 and not point.responses.exists()
    long = africas_talking(client, gateway, secret, f"{point.code} 4 6 Y 9 " + "word " * 1000)
    assert long.status_code == 200
    assert 0 < len(point.responses.get().comment) <= 1000


def test_a_message_without_a_sender_is_refused(client, at, point):
    gateway, secret = at
    response = client.post(
        f"/feedback/sms/{gateway.pk}/?secret={secret}", {"text": f"{point.code} 4 6 Y 9"}
    )
    assert response.status_code == 400 and not point.responses.exists()


def remove(point, gateway):
    Response.objects.filter(point=point).delete()
    DailyRollup.objects.filter(point=point).delete()
    ServicePoint.objects.filter(pk=point.pk).delete()
    point.agency.delete()
    gateway.delete()


def test_parallel_identical_sms_are_stored_once(race):
    def build():
        point = ServicePointFactory(agency=AgencyFactory(slug="sms-race-agency"))
        return point, *make_gateway()

    point, gateway, secret = race.alone(build)
    try:

        def send():
            return africas_talking(Client(), gateway, secret, f"{point.code} 4 6 Y 9").status_code

        assert race.together(send, send, send) == [200, 200, 200]
        assert race.alone(lambda: Response.objects.filter(point=point).count()) == 1
        assert race.alone(lambda: DailyRollup.objects.get(point=point).n) == 1
    finally:
        race.alone(lambda: remove(point, gateway))
