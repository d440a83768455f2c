"""Fixtures of the sponsor reports tests (the sponsor area and the administrators' reports)."""

import pytest
from django.utils import translation


@pytest.fixture
def english():
    """Reports are made in the active language: English, whatever a previous test's request
    left active in this thread."""
    with translation.override("en"):
        yield


@pytest.fixture
def sponsor_client(client, sponsor):
    client.force_login(sponsor)
    return client
