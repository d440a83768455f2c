"""Replies to Africa's Talking answers go back through its SMS API (feedback/sms/outbound.py):
the request it gets, the sandbox, and failures that never lose the answer nor log the number.
The API is replaced by a stand-in that records what it was sent (no network in tests)."""

import io
import json
import logging
import urllib.error
from urllib.parse import parse_qs

import pytest
from django.test import Client

from feedback.models import Response
from tests.factories.feedback import ServicePointFactory
from tests.feedback.sms.test_webhook import SENDER, africas_talking, make_gateway

pytestmark = pytest.mark.django_db

SENT = {"SMSMessageData": {"Message": "Sent to 1/1", "Recipients": [{"statusCode": 101}]}}


class FakeApi:
    """urllib.request.urlopen, answering like Africa's Talking and keeping each request."""

    def __init__(self, answer=SENT, error=None):
        self.answer, self.error, self.requests = answer, error, []

    def __call__(self, request, timeout=None):
        self.requests.append(request)
        if self.error:
            raise self.error
        return io.BytesIO(json.dumps(self.answer).encode())


@pytest.fixture
def api(monkeypatch, settings):
    settings.AFRICASTALKING_API_KEY = "at-key"
    fake = FakeApi()
    monkeypatch.setattr("feedback.sms.outbound.urllib.request.urlopen", fake)
    return fake


@pytest.fixture
def point(db):
    return ServicePointFactory(agency__country="KE")


def test_the_reply_is_sent_to_the_citizen_through_the_api(api, point):
    gateway, secret = make_gateway(api_username="cxawards")

    answer = africas_talking(Client(), gateway, secret, f"{point.code} 4 6 Y 9")

    assert answer.status_code == 200
    [request] = api.requests
    assert request.full_url == "https://api.africastalking.com/version1/messaging"
    assert request.get_header("Apikey") == "at-key"
    sent = parse_qs(request.data.decode())
    assert sent["username"] == ["cxawards"]
    assert sent["to"] == [SENDER]
    assert sent["from"] == ["21234"]
    assert sent["message"] == [answer.content.decode()]
    assert "Thank you" in sent["message"][0]


def test_the_sandbox_account_goes_to_the_sandbox(api, point):
    gateway, secret = make_gateway(api_username="sandbox")
    africas_talking(Client(), gateway, secret, f"{point.code} 4 6 Y 9")
    assert api.requests[0].full_url.startswith("https://api.sandbox.africastalking.com/")


def test_a_correction_is_sent_too(api, point):
    gateway, secret = make_gateway(api_username="cxawards")
    answer = africas_talking(Client(), gateway, secret, f"{point.code} 9 6 Y 9")
    assert "1 to 5" in parse_qs(api.requests[0].data.decode())["message"][0]
    assert answer.content.decode() == parse_qs(api.requests[0].data.decode())["message"][0]


def test_without_an_api_key_nothing_is_sent_and_the_answer_is_taken(api, point, settings):
    settings.AFRICASTALKING_API_KEY = ""
    gateway, secret = make_gateway(api_username="cxawards")
    africas_talking(Client(), gateway, secret, f"{point.code} 4 6 Y 9")
    assert api.requests == []
    assert Response.objects.filter(point=point).count() == 1


def test_rapidpro_replies_are_left_to_its_flow(api, point):
    gateway, secret = make_gateway(provider="rapidpro", api_username="cxawards")
    Client().post(
        f"/feedback/sms/{gateway.pk}/",
        {"from": SENDER, "text": f"{point.code} 4 6 Y 9"},
        headers={"X-Feedback-Secret": secret},
    )
    assert api.requests == []


@pytest.mark.parametrize(
    "failure",
    [
        urllib.error.URLError("connection refused"),
        TimeoutError("timed out"),
    ],
)
def test_a_failed_send_keeps_the_answer_and_logs_no_number(api, point, caplog, failure):
    api.error = failure
    gateway, secret = make_gateway(api_username="cxawards")
    with caplog.at_level(logging.WARNING, logger="feedback.sms.outbound"):
        answer = africas_talking(Client(), gateway, secret, f"{point.code} 4 6 Y 9")
    assert answer.status_code == 200
    assert Response.objects.filter(point=point).count() == 1
    assert "not sent" in caplog.text
    assert SENDER not in caplog.text


def test_a_refused_send_is_logged_without_the_number(api, point, caplog):
    api.answer = {
        "SMSMessageData": {
            "Message": "Sent to 0/1",
            "Recipients": [{"statusCode": 405, "status": "InsufficientBalance", "number": SENDER}],
        }
    }
    gateway, secret = make_gateway(api_username="cxawards")
    with caplog.at_level(logging.WARNING, logger="feedback.sms.outbound"):
        africas_talking(Client(), gateway, secret, f"{point.code} 4 6 Y 9")
    assert "InsufficientBalance" in caplog.text
    assert SENDER not in caplog.text
