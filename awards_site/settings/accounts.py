"""Settings of accounts: django-allauth (sign-in with an email address), two-step verification
(allauth.mfa), rate limits and password rules. Part of the settings every mode shares (base.py)."""

import os

from awards_site.settings.environment import env_bool, env_list

# Accounts (django-allauth): sign in with an email address, no username. Nobody signs in before
# proving the address is theirs: at sign-up (and at a log-in with an address not yet proven) the
# site emails a code that must be typed in the same browser, so whoever chose the password is
# whoever reads the mailbox (awards_site/accounts/linking.py, docs/security.md). Sign-up, log-in
# and password reset answer alike whether or not an address has an account; the mailbox gets
# the news instead ("someone tried to sign up with your address", "no account uses it").
AUTHENTICATION_BACKENDS = [
    # The named permissions of each app's rules.py (docs/permissions.md), then Django's own.
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
# What was never confirmed by its owner is removed after this many days (`manage.py
# remove_unconfirmed`, run daily; docs/operations.md): an account that holds nothing, a
# signature of the open letter or the pledge (whose emailed link works this long).
CONFIRMATION_WINDOW_DAYS = int(os.environ.get("CONFIRMATION_WINDOW_DAYS", "3"))
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[CX Awards] "
# Rate limits (counted in the cache, per client address and per account; see docs/security.md).
# A failed log-in counts against both; once over, the form refuses every try until the window
# has passed, so guessing is slowed to 5 tries per 5 minutes per account. Two-step codes count
# as failed log-ins too (per account). Failures and refusals are logged ("awards_site.security").
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reauthenticate": "10/m/user",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
# Behind a proxy, the client's address is the n-th from the right in X-Forwarded-For; without
# this every visitor shares the proxy's address (and its rate limits).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ACCOUNT_ADAPTER = "awards_site.accounts.adapters.AccountAdapter"
# Changing an email address or the two-step verification asks for the password (or a code)
# again if the last confirmation is older than 5 minutes; changing the password asks for the
# current one in its own form.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_FORMS = {
    "login": "awards_site.accounts.forms.LoginForm",
    "signup": "awards_site.accounts.forms.SignupForm",
    "reset_password": "awards_site.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "awards_site.accounts.forms.ResetPasswordKeyForm",
    "change_password": "awards_site.accounts.forms.ChangePasswordForm",
    "add_email": "awards_site.accounts.forms.AddEmailForm",
    "reauthenticate": "awards_site.accounts.forms.ReauthenticateForm",
    "confirm_email_verification_code": "awards_site.accounts.forms.ConfirmEmailCodeForm",
}

# Two-step verification (allauth.mfa): an authenticator app (TOTP) with recovery codes. Required
# for administrators, editors, judges, superusers and anyone with Wagtail admin access when
# MFA_REQUIRED_FOR_ROLES is on (production default; see awards_site/accounts/mfa.py); optional for
# others.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Africa Public Sector CX Awards"
# Accept the code of the 30 seconds before and after too: phone clocks drift, and a code typed
# as it changes may reach a busy server late (measured in the load test, bench/README.md). A
# code is still accepted only once.
MFA_TOTP_TOLERANCE = 1
MFA_REQUIRED_FOR_ROLES = env_bool("MFA_REQUIRED_FOR_ROLES", True)
MFA_REQUIRED_GROUPS = env_list("MFA_REQUIRED_GROUPS", "Administrators,Editors,Judges")
# TOTP keys and recovery-code seeds are stored encrypted (awards_site/accounts/mfa_secrets.py): with
# the Fernet keys in MFA_ENCRYPTION_KEYS (newest first), else a key derived from SECRET_KEY.
MFA_ADAPTER = "awards_site.accounts.mfa_secrets.EncryptingMFAAdapter"
MFA_ENCRYPTION_KEYS = env_list("MFA_ENCRYPTION_KEYS", "")
MFA_FORMS = {
    "authenticate": "awards_site.accounts.forms.MFAAuthenticateForm",
    "reauthenticate": "awards_site.accounts.forms.MFAReauthenticateForm",
    "activate_totp": "awards_site.accounts.forms.ActivateTOTPForm",
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "nominations:my_nominations"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
