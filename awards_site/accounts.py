"""Account rules on top of django-allauth."""

from allauth.account.models import EmailAddress


def verify_email_on_password_reset(sender, request, user, **kwargs):
    """Choosing a password from the emailed one-time link proves the address is the user's, as
    confirming it would: judges invited by email then never get a second email to confirm."""
    EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=False).update(
        verified=True
    )
