"""Two-step verification secrets encrypted at rest.

allauth stores each authenticator app's TOTP key and the recovery codes' seed in the database;
whoever reads a backup of it could otherwise generate a judge's or an administrator's codes.
allauth's MFA adapter has an `encrypt`/`decrypt` pair for exactly this, and we fill it with
Fernet (AES-128-CBC with an HMAC, from `cryptography`, which allauth's MFA already installs).

Keys come from `MFA_ENCRYPTION_KEYS` (comma-separated Fernet keys, newest first: the first one
encrypts, any of them decrypts, so keys can be rotated), or, when it is not set, one key
derived from SECRET_KEY. A secret stored before encryption was turned on (a base32 TOTP key or
a hex seed, never a Fernet token) is still read as it is.
"""

import base64
import hashlib

from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Fernet tokens are urlsafe base64 of a version byte 0x80: they always start with this.
FERNET_PREFIX = "gAAAAA"


def derived_key(secret_key):
    """A Fernet key made from SECRET_KEY, for installations without MFA_ENCRYPTION_KEYS."""
    digest = hashlib.sha256(f"awards_site.accounts.mfa_secrets:{secret_key}".encode()).digest()
    return base64.urlsafe_b64encode(digest)


def fernet():
    keys = list(getattr(settings, "MFA_ENCRYPTION_KEYS", []) or [])
    if not keys:
        keys = [derived_key(settings.SECRET_KEY)]
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "MFA_ENCRYPTION_KEYS must hold Fernet keys (32 url-safe base64-encoded bytes), e.g. "
            'python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key())"'
        ) from error


class EncryptingMFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text):
        return fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text):
        if not encrypted_text.startswith(FERNET_PREFIX):
            return encrypted_text  # stored before encryption was turned on
        try:
            return fernet().decrypt(encrypted_text.encode()).decode()
        except InvalidToken as error:
            raise ImproperlyConfigured(
                "A two-step verification secret cannot be decrypted: MFA_ENCRYPTION_KEYS (or "
                "SECRET_KEY, when no key is set) no longer holds the key it was encrypted with. "
                "Add the old key after the new one in MFA_ENCRYPTION_KEYS."
            ) from error
