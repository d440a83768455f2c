"""Account rules on top of django-allauth."""

from allauth.account.models import EmailAddress


def verify_email_on_password_reset(sender, request, user, **kwargs):
    """Choosing a password from the emailed one-time link proves the address is the user's, as
    confirming it would: judges invited by email then never get a second email to confirm.

    Only when the link can have gone nowhere else: allauth sends a reset link to any address of
    the account that was typed in the form, so an account with a second address (one its maker
    reads) proves nothing about `user.email` by a reset."""
    addresses = EmailAddress.objects.filter(user=user)
    if addresses.exclude(email__iexact=user.email).exists():
        return
    addresses.filter(email__iexact=user.email, verified=False).update(verified=True)
