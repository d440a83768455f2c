"""Fixtures of the nominations tests; those the site tests share (a nominator, the wizard)
are in tests/conftest.py."""

import pytest

from tests.factories.accounts import UserFactory


@pytest.fixture
def other_nominator(db):
    return UserFactory(email="other@example.org")
