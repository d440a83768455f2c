"""django-allauth's forms with the site's accessible rendering and messages (ACCOUNT_FORMS)."""

from allauth.account import forms as allauth_forms
from allauth.core import context
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
from django import forms
from django.utils.translation import gettext_lazy as _

from awards_site.accounts.mfa import remember_activation
from awards_site.forms import AccessibleFormMixin

# One wording across the account pages, in sentence case ("Remember me", not allauth's
# "Remember Me"), and no placeholders repeating the labels.
EMAIL_LABEL = _("Email address")
PASSWORD_LABEL = _("Password")
NEW_PASSWORD_LABEL = _("New password")
NEW_PASSWORD_AGAIN_LABEL = _("New password (again)")


class AccountFormMixin(AccessibleFormMixin):
    labels = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in self.labels:
                field.label = self.labels[name]
            field.widget.attrs.pop("placeholder", None)
        self.apply_required_messages()  # again: they quote the labels


class LoginForm(AccountFormMixin, allauth_forms.LoginForm):
    labels = {"login": EMAIL_LABEL, "password": PASSWORD_LABEL, "remember": _("Remember me")}
    required_messages = {
        "login": _("Enter your email address."),
        "password": _("Enter your password."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # allauth puts a "Forgot your password?" link in the password's hint; the page has
        # the one link, below the form (account/login.html).
        self.fields["password"].help_text = ""


class SignupForm(AccountFormMixin, allauth_forms.SignupForm):
    labels = {"email": EMAIL_LABEL, "password1": PASSWORD_LABEL}
    required_messages = {
        "email": _("Enter your email address, like name@example.org."),
        "password1": _("Choose a password of at least 10 characters."),
    }


class ResetPasswordForm(AccountFormMixin, allauth_forms.ResetPasswordForm):
    labels = {"email": EMAIL_LABEL}
    required_messages = {"email": _("Enter the email address of your account.")}


class ResetPasswordKeyForm(AccountFormMixin, allauth_forms.ResetPasswordKeyForm):
    labels = {"password1": NEW_PASSWORD_LABEL, "password2": NEW_PASSWORD_AGAIN_LABEL}
    required_messages = {"password1": _("Choose a new password of at least 10 characters.")}


class ChangePasswordForm(AccountFormMixin, allauth_forms.ChangePasswordForm):
    labels = {
        "oldpassword": _("Current password"),
        "password1": NEW_PASSWORD_LABEL,
        "password2": NEW_PASSWORD_AGAIN_LABEL,
    }


class AddEmailForm(AccountFormMixin, allauth_forms.AddEmailForm):
    labels = {"email": EMAIL_LABEL}


class ReauthenticateForm(AccountFormMixin, allauth_forms.ReauthenticateForm):
    labels = {"password": PASSWORD_LABEL}
    required_messages = {"password": _("Enter your password.")}


class ConfirmEmailCodeForm(AccessibleFormMixin, allauth_forms.ConfirmEmailVerificationCodeForm):
    """The code emailed at sign-up (or at a log-in with an address not yet confirmed): typed in
    the same browser, it proves that whoever chose the password reads the mailbox."""

    required_messages = {"code": _("Enter the code from the email we sent you.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        code = self.fields["code"]
        code.label = _("Code")
        code.help_text = _("The code in the email, for example ABC-DEF.")
        code.widget.attrs.pop("placeholder", None)
        code.widget.attrs.update({"autocomplete": "one-time-code", "spellcheck": "false"})

    def clean_code(self):
        try:
            return super().clean_code()
        except forms.ValidationError as error:
            if error.code == "incorrect_code":
                raise forms.ValidationError(
                    _(
                        "This is not the code we sent, or it has expired. Check the latest "
                        "email from us and type its code, or ask for a new code below."
                    ),
                    code="incorrect_code",
                ) from None
            raise


CODE_HELP = _(
    "The 6-digit code your authenticator app shows now, or one of your 8-digit recovery codes."
)


class MFACodeMixin(AccessibleFormMixin):
    required_messages = {"code": _("Enter the code from your authenticator app.")}
    code_help_text = CODE_HELP

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        code = self.fields["code"]
        code.label = _("Code")
        code.help_text = self.code_help_text
        code.widget.attrs.pop("placeholder", None)
        code.widget.attrs.update(
            {"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        )


class MFAAuthenticateForm(MFACodeMixin, mfa_forms.AuthenticateForm):
    pass


class MFAReauthenticateForm(MFACodeMixin, mfa_forms.ReauthenticateForm):
    pass


class ActivateTOTPForm(MFACodeMixin, totp_forms.ActivateTOTPForm):
    code_help_text = _("The 6-digit code your authenticator app shows for this site.")

    def clean_code(self):
        code = super().clean_code()
        # The right code proves the phone for this session, as a code at log-in would.
        remember_activation(context.request)
        return code
