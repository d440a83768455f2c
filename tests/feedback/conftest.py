"""Fixtures of the feedback platform's tests: a service point of its own (apart from the demo's)
and a citizen who opens its form and answers it, as a phone at the counter would."""

import re

import pytest

from tests.factories.feedback import ServicePointFactory

GOOD_ANSWERS = {
    "satisfaction": "5",
    "effort": "6",
    "resolved": "yes",
    "recommend": "9",
    "comment": "Quick and friendly.",
}


@pytest.fixture
def point(db):
    return ServicePointFactory(name="Huduma Centre Test", town="Nairobi")


def token_of(response):
    match = re.search(rb'name="token" value="([^"]+)"', response.content)
    assert match, "the form carries a token"
    return match[1].decode()


class Citizen:
    """A visitor answering a point's form: opens it (GET), then sends it with its token."""

    def __init__(self, client, point):
        self.client = client
        self.point = point
        self.address = f"/feedback/{point.code}/"

    def open(self):
        return self.client.get(self.address)

    def answer(self, token=None, **answers):
        if token is None:
            token = token_of(self.open())
        data = {**GOOD_ANSWERS, **answers, "token": token}
        return self.client.post(self.address, {k: v for k, v in data.items() if v is not None})


@pytest.fixture
def citizen(client, point):
    return Citizen(client, point)
