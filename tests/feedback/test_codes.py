"""A service point's short code (feedback/codes.py): generated, unique, without characters people
confuse, and found again however it is typed."""

import pytest

from feedback import codes
from tests.factories.feedback import ServicePointFactory

AMBIGUOUS = set("0O1IL5S2Z8B")


@pytest.mark.django_db
def test_a_new_point_gets_a_code_that_never_changes():
    point = ServicePointFactory()
    assert codes.CODE_PATTERN.match(point.code) and len(point.code) == codes.LENGTH
    assert not AMBIGUOUS & set(point.code)
    code = point.code
    point.name = "Renamed"
    point.save()
    point.refresh_from_db()
    assert point.code == code and point.get_absolute_url() == f"/feedback/{code}/"


def test_a_taken_code_is_drawn_again():
    taken = {"first"}
    drawn = []

    def is_taken(code):
        drawn.append(code)
        return len(drawn) < 3

    assert codes.new_code(is_taken) == drawn[-1] and len(drawn) == 3
    assert taken


@pytest.mark.parametrize(
    ("typed", "code"),
    [("kp9x9k", "KP9X9K"), ("KP9-X9K", "KP9X9K"), (" kp9 x9k ", "KP9X9K"), ("KP9X9", None)],
)
def test_a_code_is_found_however_it_is_typed(typed, code):
    assert codes.normalise(typed) == code


def test_what_cannot_be_a_code_is_refused():
    assert codes.normalise("OOOOOO") is None  # O is not in the alphabet
    assert codes.normalise("../etc") is None
