"""django-allauth's forms with the site's accessible rendering and messages (ACCOUNT_FORMS)."""

from allauth.account import forms as allauth_forms
from django.utils.translation import gettext_lazy as _

from .forms import AccessibleFormMixin


class LoginForm(AccessibleFormMixin, allauth_forms.LoginForm):
    required_messages = {
        "login": _("Enter your email address."),
        "password": _("Enter your password."),
    }


class SignupForm(AccessibleFormMixin, allauth_forms.SignupForm):
    required_messages = {
        "email": _("Enter your email address, like name@example.org."),
        "password1": _("Choose a password of at least 10 characters."),
    }


class ResetPasswordForm(AccessibleFormMixin, allauth_forms.ResetPasswordForm):
    required_messages = {"email": _("Enter the email address of your account.")}


class ResetPasswordKeyForm(AccessibleFormMixin, allauth_forms.ResetPasswordKeyForm):
    required_messages = {"password1": _("Choose a new password of at least 10 characters.")}


class ChangePasswordForm(AccessibleFormMixin, allauth_forms.ChangePasswordForm):
    pass
