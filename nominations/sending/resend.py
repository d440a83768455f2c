"""Sending a confirmation again, on request: the code that confirms the account's email address
(needed before a nomination can be sent) and a sent nomination's confirmation with its
reference. Each goes only to the person's own address, at most so often (rate limits counted in
the cache per account and per client address), so the buttons cannot be used to flood a
mailbox or the site's sending reputation."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django_ratelimit.core import is_ratelimited

from nominations.choices import NominationStatus


@dataclass(frozen=True)
class Resent:
    sent: bool
    email: str = ""
    limited: bool = False
    # A code went out minutes ago (allauth allows one per address every few minutes).
    just_sent: bool = False


def _limited(request, group, key, rate):
    return is_ratelimited(
        request, group=group, key=key, rate=rate, method=is_ratelimited.ALL, increment=True
    )


def over_limits(request, group, rate, scope=""):
    """Count one request against the account's limit (`rate`, per `scope`, e.g. a nomination)
    and the client address's (RESEND_RATE_PER_ADDRESS); True once either is over."""
    user_key = f"resend:{request.user.pk}:{scope}"
    by_user = _limited(request, f"{group}-user", lambda group, request: user_key, rate)
    by_address = _limited(request, f"{group}-ip", "ip", settings.RESEND_RATE_PER_ADDRESS)
    return by_user or by_address


def unconfirmed_address(user):
    """The primary address of the account while it is not confirmed yet, else None."""
    return EmailAddress.objects.filter(user=user, primary=True, verified=False).first()


def resend_email_confirmation(request):
    address = unconfirmed_address(request.user)
    if address is None:
        return Resent(sent=False)
    from allauth.account.internal.flows.email_verification import (
        consume_email_verification_rate_limit,
        send_verification_email_to_address,
    )

    # allauth answers 429 once its own limit is reached (a code lives in one session, so it
    # cannot skip silently); asked first, the person gets a message instead of an error page.
    if not consume_email_verification_rate_limit(request, address.email, dry_run=True):
        return Resent(sent=False, email=address.email, limited=True, just_sent=True)
    if over_limits(request, "resend-email-confirmation", settings.RESEND_CONFIRMATION_RATE):
        return Resent(sent=False, email=address.email, limited=True)

    # A code to type on the next page, in this browser (allauth's verification by code).
    send_verification_email_to_address(request, address)
    return Resent(sent=True, email=address.email)


def can_resend_submission(nomination):
    return bool(nomination.reference) and nomination.status not in (
        NominationStatus.DRAFT,
        NominationStatus.WITHDRAWN,
    )


def resend_submission_confirmation(request, nomination):
    """The "nomination received" email again, to the nominator's address only."""
    email = nomination.nominator.email
    if not can_resend_submission(nomination):
        return Resent(sent=False, email=email)
    if over_limits(
        request,
        "resend-submission",
        settings.RESEND_CONFIRMATION_RATE,
        scope=str(nomination.pk),
    ):
        return Resent(sent=False, email=email, limited=True)
    from nominations.tasks import send_submission_confirmation

    send_submission_confirmation.enqueue(nomination.pk)
    return Resent(sent=True, email=email)
