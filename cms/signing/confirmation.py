"""Signatures of the open letter and the pledge count only once their email address is
confirmed: a signature speaks for a person, and often for an organisation (its name is listed
publicly), so nobody may sign with an address they do not read (docs/security.md, "Account
linking": co-signing on behalf of an organisation).

- Signing stores the signature unconfirmed and emails a link to the address. The page counts
  and lists only confirmed signatures (`SignaturePage.signatures`), and so do the reports.
- The link opens a page that shows what is being confirmed (name, organisation, public or not)
  and a button: following a link confirms nothing by itself (mail scanners open links).
- Signing again with the same address before confirming replaces the unconfirmed signature
  (whoever confirms is whoever reads the mailbox, and the email shows what they confirm); the
  earlier link stops working, because the link is signed over what it confirms. Signing with
  an address that has signed already changes nothing and emails that address to say so. The
  page answers the same in the three cases, so it does not tell whether an address signed.
- Links work for CONFIRMATION_WINDOW_DAYS; unconfirmed signatures older than that are removed
  by `manage.py remove_unconfirmed` (the `remove_unconfirmed` hook below).
"""

import hashlib
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from awards_site import mail
from cms.campaigns.subscribing import subscribe_confirmed
from cms.choices import SubscriptionSource

SALT = "cms.signature-confirmation"
# Short names of the signature models in links.
MODELS = {"letter": "OpenLetterSignature", "pledge": "PledgeSignature"}
SHORT_NAMES = {model_name: short for short, model_name in MODELS.items()}
SOURCES = {
    "OpenLetterSignature": SubscriptionSource.LETTER,
    "PledgeSignature": SubscriptionSource.PLEDGE,
}
# The fields a confirmation covers: a change to any of them makes older links stop working.
CONFIRMED_FIELDS = (
    "name",
    "organisation",
    "country",
    "email",
    "kind",
    "list_publicly",
    "show_publicly",
    "wants_news",
)


def window():
    return timedelta(days=settings.CONFIRMATION_WINDOW_DAYS)


def _digest(signature):
    values = "\x1f".join(str(getattr(signature, field, "")) for field in CONFIRMED_FIELDS)
    return hashlib.sha256(values.encode()).hexdigest()[:16]


def make_token(signature):
    short = SHORT_NAMES[type(signature).__name__]
    return signing.dumps([short, signature.pk, _digest(signature)], salt=SALT, compress=True)


def signature_for_token(token):
    """The unconfirmed or confirmed signature a link names, or None (bad, expired, changed)."""
    try:
        short, pk, digest = signing.loads(token, salt=SALT, max_age=window().total_seconds())
        model = apps.get_model("cms", MODELS[short])
    except (signing.BadSignature, ValueError, TypeError, KeyError, LookupError):
        return None
    signature = model.objects.filter(pk=pk).first()
    if signature is None or _digest(signature) != digest:
        return None
    return signature


def confirm(signature):
    """Count the signature (once; a second confirmation changes nothing). A signer who asked
    for the news is subscribed now: the link proved the address (cms/campaigns/subscribing.py)."""
    if signature.confirmed_at is None:
        signature.confirmed_at = timezone.now()
        signature.save(update_fields=["confirmed_at"])
        if signature.wants_news:
            subscribe_confirmed(
                signature.email,
                signature.language,
                signature.country,
                SOURCES[type(signature).__name__],
                consented_at=signature.created_at,
                wording=_news_consent_wording(signature),
            )
    return signature


def _news_consent_wording(signature):
    """The box the signer ticked, as they read it (in the language they signed in)."""
    with translation.override(signature.language):
        return str(type(signature)._meta.get_field("wants_news").verbose_name)


def record(form, language):
    """Store what the form holds as an unconfirmed signature (a new one, or in place of an
    unconfirmed one with the same address) and email the link; or, when the address has signed
    already, only tell its mailbox. Returns the signature concerned."""
    try:
        return _record(form, language)
    except IntegrityError:  # the same address sent twice at once: the other one is stored now
        return _record(form, language)


def _record(form, language):
    model = form._meta.model
    data = form.instance
    with transaction.atomic():
        existing = (
            model.objects.select_for_update()
            .filter(page_key=data.page_key, email=data.email)
            .first()
        )
        if existing is not None and existing.confirmed_at is not None:
            signature, kind = existing, "already"
        else:
            if existing is not None:
                data.pk = existing.pk
                data.created_at = timezone.now()
            data.language = language
            data.confirmed_at = None
            data.save()
            signature, kind = data, "confirm"
        page_url = form.page.full_url or form.page.url
        signature_pk, model_name = signature.pk, model.__name__
        transaction.on_commit(
            lambda: _enqueue(kind, model_name, signature_pk, language, page_url, form.page.title)
        )
    return signature


def _enqueue(kind, model_name, signature_pk, language, page_url, page_title):
    from cms.tasks import send_signature_email

    send_signature_email.enqueue(kind, model_name, signature_pk, language, page_url, page_title)


def send_email(kind, model_name, signature_pk, language, page_url, page_title):
    """The email of `record`: "confirm" (the link) or "already" (this address signed)."""
    signature = apps.get_model("cms", model_name).objects.get(pk=signature_pk)
    with mail.speaking(language):
        context = {
            "signature": signature,
            "page_title": page_title,
            "page_url": page_url,
            "link": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("signature_confirm", kwargs={"token": make_token(signature)}),
            "valid_days": settings.CONFIRMATION_WINDOW_DAYS,
            "public": bool(
                getattr(signature, "list_publicly", False)
                or getattr(signature, "show_publicly", False)
            ),
        }
        mail.send_templated(f"cms/email/signature_{kind}", [signature.email], **context)


def remove_unconfirmed(now=None, dry_run=False):
    """The `remove_unconfirmed` hook: signatures never confirmed within the window."""
    now = now or timezone.now()
    total = 0
    for model_name in MODELS.values():
        stale = apps.get_model("cms", model_name).objects.filter(
            confirmed_at__isnull=True, created_at__lt=now - window()
        )
        total += stale.count() if dry_run else stale.delete()[0]
    return "signatures", total
