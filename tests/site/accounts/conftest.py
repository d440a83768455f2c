"""Fixtures of the accounts tests."""

import pytest


@pytest.fixture
def mfa_on(settings):
    settings.MFA_REQUIRED_FOR_ROLES = True


@pytest.fixture
def demo_password(settings):
    return settings.DEMO_PASSWORD
