"""Two-step verification is required in production and off for `make run`; the session limits
and the proxy count come from the environment (docs/operations.md, docs/security.md)."""

from tests.site.test_settings import read_settings

NAMES = [
    "MFA_REQUIRED_FOR_ROLES",
    "MFA_REQUIRED_GROUPS",
    "MFA_SUPPORTED_TYPES",
    "SESSION_COOKIE_AGE",
    "SESSION_IDLE_TIMEOUT",
    "SESSION_IDLE_TIMEOUT_STAFF",
    "ACCOUNT_REAUTHENTICATION_REQUIRED",
    "ALLAUTH_TRUSTED_PROXY_COUNT",
    "WAGTAIL_PASSWORD_RESET_ENABLED",
]
PRODUCTION = {
    "SECRET_KEY": "x" * 30 + "-production-secret-for-the-check-only-0123456789",
    "ALLOWED_HOSTS": "awards.example.org",
}


def test_production_requires_two_step_verification_for_staff_roles(tmp_path):
    values = read_settings(
        "awards_site.settings.production", NAMES, VAR_DIR=str(tmp_path), **PRODUCTION
    )
    assert values["MFA_REQUIRED_FOR_ROLES"] == "True"
    assert values["MFA_REQUIRED_GROUPS"] == "['Administrators', 'Editors', 'Judges']"
    assert values["MFA_SUPPORTED_TYPES"] == "['totp', 'recovery_codes']"
    assert values["ACCOUNT_REAUTHENTICATION_REQUIRED"] == "True"
    assert values["WAGTAIL_PASSWORD_RESET_ENABLED"] == "False"
    assert (values["SESSION_COOKIE_AGE"], values["SESSION_IDLE_TIMEOUT"]) == ("43200", "7200")
    assert values["SESSION_IDLE_TIMEOUT_STAFF"] == "1800"
    assert values["ALLAUTH_TRUSTED_PROXY_COUNT"] == "0"


def test_development_leaves_it_off_unless_asked(tmp_path):
    values = read_settings("awards_site.settings.dev", NAMES, VAR_DIR=str(tmp_path))
    assert values["MFA_REQUIRED_FOR_ROLES"] == "False"
    values = read_settings(
        "awards_site.settings.dev", NAMES, VAR_DIR=str(tmp_path), MFA_REQUIRED_FOR_ROLES="1"
    )
    assert values["MFA_REQUIRED_FOR_ROLES"] == "True"


def test_limits_come_from_the_environment(tmp_path):
    values = read_settings(
        "awards_site.settings.production",
        NAMES,
        VAR_DIR=str(tmp_path),
        SESSION_MAX_AGE_MINUTES="480",
        SESSION_IDLE_MINUTES="60",
        SESSION_IDLE_MINUTES_STAFF="15",
        TRUSTED_PROXY_COUNT="1",
        MFA_REQUIRED_GROUPS="Administrators,Editors,Judges,Sponsors",
        **PRODUCTION,
    )
    assert values["SESSION_COOKIE_AGE"] == "28800"
    assert values["SESSION_IDLE_TIMEOUT"] == "3600"
    assert values["SESSION_IDLE_TIMEOUT_STAFF"] == "900"
    assert values["ALLAUTH_TRUSTED_PROXY_COUNT"] == "1"
    assert "Sponsors" in values["MFA_REQUIRED_GROUPS"]
