"""What the accounts tests share: the demo's people, signing in as a browser does (a password,
then a code from the authenticator app or the email), and what the security log records."""

import re
import time

import time_machine
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.contrib.auth import get_user_model

SECURITY_LOG = "awards_site.security"
PASSWORD = "a sensible passphrase"


def demo_user(email):
    return get_user_model().objects.get(email=email)


def totp_code(secret, offset=0):
    return format_hotp_value(hotp_value(secret, int(time.time() + offset) // 30))


def give_mfa(user):
    """An authenticator app and recovery codes, as after the set-up; returns both secrets."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    codes = RecoveryCodes.activate(user).generate_codes()
    return secret, codes


def sign_in(client, email, password, next_url=None, **extra):
    url = "/accounts/login/" + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"login": email, "password": password}, **extra)


def emailed_code(message):
    """The verification code in an email of allauth's (a line of its own, like KXT-BMR)."""
    return re.search(r"^([A-Z0-9]{3,}-?[A-Z0-9]{3,})$", message.body, re.MULTILINE).group(1)


def signed_in(client):
    return "_auth_user_id" in client.session


def messages_text(response):
    return " ".join(str(message) for message in response.context["messages"])


def security_records(caplog, event=None):
    return [
        record
        for record in caplog.records
        if record.name == SECURITY_LOG and (event is None or record.getMessage().startswith(event))
    ]


def later(seconds):
    return time_machine.travel(time.time() + seconds, tick=False)
