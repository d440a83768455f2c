"""Subscribing to the program's news, with double opt-in (docs/editors.md, "Subscriptions").

- The form stores the request as a *pending* subscription, with the consent's wording as the
  visitor read it (the page's language) and its time, and emails a link. Only a confirmed
  subscription receives campaigns or is exported; the link opens a page with a button, so a
  mail scanner following it confirms nothing.
- The form answers the same whether the address is new, waiting or subscribed already, so it
  does not tell who subscribed: the mailbox is told instead ("already").
- Asking again before confirming replaces the pending request (language, country, wording),
  and the earlier link stops working: a link is signed over what it confirms.
- Signing the pledge or the open letter with "send me the news" ticked subscribes the address
  once the signature is confirmed: the signature's own link proved the address
  (`subscribe_confirmed`, called by cms/signing/confirmation.py).
- Every campaign email carries a link that unsubscribes with one click (RFC 8058). It does not
  expire: an old email must still let its reader leave.
- Pending requests older than CONFIRMATION_WINDOW_DAYS are removed (`remove_unconfirmed`).
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from awards_site import mail
from awards_site.site_url import absolute_url
from cms.campaigns.models import Subscriber
from cms.choices import SubscriptionSource, SubscriptionStatus

CONFIRM_SALT = "cms.subscription-confirmation"
UNSUBSCRIBE_SALT = "cms.news-unsubscribe"

# Stored with each subscription, in the language it was given in.
CONSENT_WORDING = _(
    "I agree to receive the program’s news by email, in the language and about the country I "
    "chose. I can unsubscribe at any time with the link in every email."
)


def consent_wording(language=None):
    """The wording of the form's consent, in `language` (default: the active one)."""
    with translation.override(language or translation.get_language()):
        return str(CONSENT_WORDING)


def normalised(email):
    return email.strip().lower()


def window():
    return timedelta(days=settings.CONFIRMATION_WINDOW_DAYS)


# Asking -----------------------------------------------------------------------------------------


def request_subscription(email, language, country="", source=SubscriptionSource.FORM):
    """Store a pending request (or leave a confirmed subscription alone) and email the link, or
    tell the mailbox it is subscribed already. Returns the subscriber."""
    try:
        return _request(normalised(email), language, country, source)
    except IntegrityError:  # the same address sent twice at once: the other one is stored now
        return _request(normalised(email), language, country, source)


def _request(email, language, country, source):
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
        if subscriber is not None and subscriber.status == SubscriptionStatus.CONFIRMED:
            kind = "already"
        else:
            subscriber = subscriber or Subscriber(email=email)
            wording = consent_wording()  # as the visitor read it
            _record_consent(subscriber, language, country, source, timezone.now(), wording)
            subscriber.status = SubscriptionStatus.PENDING
            subscriber.confirmed_at = None
            subscriber.save()
            kind = "confirm"
        pk = subscriber.pk
        transaction.on_commit(lambda: _enqueue_email(kind, pk))
    return subscriber


def _record_consent(subscriber, language, country, source, consented_at, wording):
    subscriber.language = language
    subscriber.country = country or ""
    subscriber.source = source
    subscriber.consent_wording = wording
    subscriber.consented_at = consented_at
    subscriber.unsubscribed_at = None


def subscribe_confirmed(email, language, country, source, consented_at, wording):
    """Subscribe an address whose owner proved it another way (a confirmed signature that asked
    for the news, with `wording` as they read it). A confirmed subscription stays as it is."""
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            email=normalised(email),
            defaults={"language": language, "consented_at": consented_at},
        )
        if subscriber.status == SubscriptionStatus.CONFIRMED:
            return subscriber
        _record_consent(subscriber, language, country, source, consented_at, wording)
        subscriber.status = SubscriptionStatus.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.save()
    return subscriber


def _enqueue_email(kind, subscriber_pk):
    from cms.tasks import send_subscription_email

    send_subscription_email.enqueue(kind, subscriber_pk)


def send_email(kind, subscriber_pk):
    """The email of `request_subscription`: "confirm" (the link) or "already"."""
    subscriber = Subscriber.objects.filter(pk=subscriber_pk).first()
    if subscriber is None:  # removed meanwhile (erasure)
        return
    with mail.speaking(subscriber.language):
        context = {
            "link": absolute_url(
                reverse("subscription_confirm", args=[confirmation_token(subscriber)])
            ),
            "valid_days": settings.CONFIRMATION_WINDOW_DAYS,
            "unsubscribe_link": unsubscribe_url(subscriber),
        }
        mail.send_templated(f"cms/email/subscription_{kind}", [subscriber.email], **context)


# Confirming -------------------------------------------------------------------------------------


def _digest(*values):
    return hashlib.sha256("\x1f".join(str(value) for value in values).encode()).hexdigest()[:16]


def _confirmation_digest(subscriber):
    # What the link confirms: a newer request (another language, country or time) voids it.
    return _digest(
        subscriber.email,
        subscriber.language,
        subscriber.country,
        subscriber.consented_at.isoformat(),
    )


def confirmation_token(subscriber):
    return signing.dumps(
        [subscriber.pk, _confirmation_digest(subscriber)], salt=CONFIRM_SALT, compress=True
    )


def subscriber_to_confirm(token):
    """The subscriber a confirmation link names, or None (bad, expired, or asked again since)."""
    try:
        pk, digest = signing.loads(token, salt=CONFIRM_SALT, max_age=window().total_seconds())
    except (signing.BadSignature, ValueError, TypeError):
        return None
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None or _confirmation_digest(subscriber) != digest:
        return None
    return subscriber


def confirm(subscriber):
    """Confirm a pending subscription (a second confirmation changes nothing)."""
    if subscriber.status == SubscriptionStatus.PENDING:
        subscriber.status = SubscriptionStatus.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["status", "confirmed_at"])
    return subscriber


# Leaving ----------------------------------------------------------------------------------------


def unsubscribe_token(subscriber):
    return signing.dumps([subscriber.pk, _digest(subscriber.email)], salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(subscriber):
    """The one-click link of every campaign email (in the subscriber's language)."""
    with translation.override(subscriber.language):
        return absolute_url(reverse("unsubscribe", args=[unsubscribe_token(subscriber)]))


def subscriber_to_unsubscribe(token):
    """The subscriber an unsubscribe link names, or None. It never expires."""
    try:
        pk, digest = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None or _digest(subscriber.email) != digest:
        return None
    return subscriber


def unsubscribe(subscriber):
    """Stop every campaign to this address, at once (a second time changes nothing)."""
    if subscriber.status != SubscriptionStatus.UNSUBSCRIBED:
        subscriber.status = SubscriptionStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
    return subscriber


def remove_unconfirmed(now=None, dry_run=False):
    """The `remove_unconfirmed` hook: requests never confirmed within the window."""
    now = now or timezone.now()
    stale = Subscriber.objects.filter(
        status=SubscriptionStatus.PENDING, consented_at__lt=now - window()
    )
    return "news subscriptions", stale.count() if dry_run else stale.delete()[0]
