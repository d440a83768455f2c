"""Two-step verification secrets are encrypted in the database
(awards_site/accounts/mfa_secrets.py)."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from cryptography.fernet import Fernet
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured

from tests.site.accounts.signing_in import sign_in, signed_in, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def judge():
    return get_user_model().objects.get(email="judge3@demo.test")


def stored(user, kind):
    return Authenticator.objects.get(user=user, type=kind).data


def test_the_totp_key_and_recovery_seed_are_not_stored_in_the_clear(judge):
    secret = generate_totp_secret()
    TOTP.activate(judge, secret)
    RecoveryCodes.activate(judge)
    totp_data = stored(judge, "totp")
    assert secret not in str(totp_data)
    assert totp_data["secret"].startswith("gAAAAA")  # a Fernet token
    assert TOTP(Authenticator.objects.get(user=judge, type="totp")).validate_code(totp_code(secret))
    seed = stored(judge, "recovery_codes")["seed"]
    assert seed.startswith("gAAAAA")
    codes = RecoveryCodes(Authenticator.objects.get(user=judge, type="recovery_codes"))
    assert len(codes.get_unused_codes()) == 10


def test_the_log_in_code_works_with_the_encrypted_key(client, judge, settings):
    settings.ACCOUNT_RATE_LIMITS = False
    secret = generate_totp_secret()
    TOTP.activate(judge, secret)
    sign_in(client, judge.email, settings.DEMO_PASSWORD)
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status_code == 302 and signed_in(client)


def test_keys_rotate_the_old_key_still_decrypts(judge, settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.MFA_ENCRYPTION_KEYS = [old]
    secret = generate_totp_secret()
    TOTP.activate(judge, secret)
    settings.MFA_ENCRYPTION_KEYS = [new, old]
    totp = TOTP(Authenticator.objects.get(user=judge, type="totp"))
    assert totp.validate_code(totp_code(secret))


def test_a_lost_key_says_how_to_fix_it(judge, settings):
    settings.MFA_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    TOTP.activate(judge, generate_totp_secret())
    settings.MFA_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    totp = TOTP(Authenticator.objects.get(user=judge, type="totp"))
    with pytest.raises(ImproperlyConfigured, match="MFA_ENCRYPTION_KEYS"):
        totp.validate_code("123456")


def test_a_secret_stored_before_encryption_is_still_read(judge):
    secret = generate_totp_secret()
    Authenticator.objects.create(user=judge, type="totp", data={"secret": secret})
    totp = TOTP(Authenticator.objects.get(user=judge, type="totp"))
    assert totp.validate_code(totp_code(secret))
