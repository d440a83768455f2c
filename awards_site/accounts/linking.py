"""New powers only for an account whose owner has proven control of its address.

The attack this module stops: someone signs up with the address of a future judge, sponsor user
or editor (a mailbox they do not read), never confirms it, and waits. When an administrator
later invites that address or gives the account a role, the account (and the attacker's
password, sessions, authenticator app or second address) would carry the new powers.

The rules (docs/security.md, "Account linking"):

1. **Proven.** An account is proven when its address (`user.email`) is confirmed. Since every
   confirmation is a code typed in the browser that chose the password (allauth's verification
   by code, ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED), or a password chosen through a link sent
   to that address, whoever signs in to a proven account reads its mailbox. Nobody signs in to
   an account that is not proven (ACCOUNT_EMAIL_VERIFICATION = "mandatory": the log-in asks for
   a code sent to the address first), so a role on such an account takes effect only once its
   owner has proven the address.
2. **Linking resets what was set before the proof.** When a flow gives an account that is not
   proven a new power (the judge invitation, a sponsor membership, a group or the staff or
   superuser flag from any path), `secure_unproven_account` takes away every credential it has:
   its password becomes unusable, every session ends, its authenticator app and recovery codes
   go, and every other address on it is removed (a password reset could be sent there). The
   invitation email then carries a one-time link to choose a password; choosing it proves the
   address (awards_site.accounts.rules.verify_email_on_password_reset).
3. **A proven account keeps its password** and gets the role at once: its owner showed they read
   the mailbox the invitation goes to. The invitation links to the log-in page.
4. **Unconfirmed accounts do not linger**: `manage.py remove_unconfirmed_accounts` (daily) removes
   accounts whose address was never confirmed within CONFIRMATION_WINDOW_DAYS and that hold
   nothing (no role, no nomination, no profile); an invited account holds its role and stays
   until an administrator removes it.
"""

import logging
from datetime import timedelta
from urllib.parse import urlencode

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from awards_site.accounts.sessions import end_all_sessions
from awards_site.security.log import client_ip
from awards_site.site_url import absolute_url

logger = logging.getLogger("awards_site.security")


def address_is_proven(user):
    """Is the account's own address (`user.email`) confirmed?"""
    if user is None or not user.pk:
        return False
    return EmailAddress.objects.filter(
        user_id=user.pk, email__iexact=user.email, verified=True
    ).exists()


def ensure_address(user):
    """The account's own address as its primary EmailAddress (unconfirmed if new)."""
    address = EmailAddress.objects.filter(user_id=user.pk, email__iexact=user.email).first()
    if address is None:
        EmailAddress.objects.filter(user_id=user.pk, primary=True).update(primary=False)
        return EmailAddress.objects.create(
            user=user, email=user.email, primary=True, verified=False
        )
    if not address.primary:
        EmailAddress.objects.filter(user_id=user.pk, primary=True).update(primary=False)
        address.primary = True
        address.save(update_fields=["primary"])
    return address


def secure_unproven_account(user, *, reason, by=None, request=None):
    """Before an account whose address is not proven gets a new power: end whatever its maker
    set up before any proof (password, sessions, authenticator, other addresses). Returns True
    when the account was not proven (and so was secured), False for a proven account, which is
    left alone."""
    if address_is_proven(user):
        return False
    with transaction.atomic():
        password = user.has_usable_password()
        if password:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        authenticators = Authenticator.objects.filter(user_id=user.pk).delete()[0]
        others = (
            EmailAddress.objects.filter(user_id=user.pk).exclude(email__iexact=user.email).delete()
        )[0]
        ensure_address(user)
    sessions = end_all_sessions(user, reason="account_secured", request=request, quiet=True)
    if password or authenticators or others or sessions:
        logger.warning(
            "account.secured_before_linking user=%s reason=%s password=%s sessions=%s "
            "authenticators=%s other_addresses=%s by=%s ip=%s",
            user.pk,
            reason,
            password,
            sessions,
            authenticators,
            others,
            getattr(by, "pk", None) or "-",
            client_ip(request),
        )
    return True


# What account_for_invitation found (the admin's message says which).
CREATED = "created"  # a new account, without a password until the link is used
SECURED = "secured"  # an account whose address was never confirmed: its credentials removed
LINKED = "linked"  # an account with a confirmed address: it keeps its password


def account_for_invitation(email, *, first_name="", last_name="", language="", reason, by=None):
    """The account an invitation gives a power to: the existing one (secured first when it is
    not proven) or a new one without a password. Returns (user, CREATED | SECURED | LINKED)."""
    User = get_user_model()
    email = User.objects.normalize_email(email.strip()).lower()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User.objects.create_user(
            email=email,
            password=None,  # unusable until the person chooses one from the emailed link
            first_name=first_name,
            last_name=last_name,
            language=language or settings.LANGUAGE_CODE,
        )
        ensure_address(user)
        return user, CREATED
    outcome = SECURED if secure_unproven_account(user, reason=reason, by=by) else LINKED
    changed = []
    # An existing account keeps its own names when it has them.
    if first_name and not user.first_name:
        user.first_name = first_name
        changed.append("first_name")
    if last_name and not user.last_name:
        user.last_name = last_name
        changed.append("last_name")
    if changed:
        user.save(update_fields=changed)
    return user, outcome


# Links in invitation emails ---------------------------------------------------------------------


def absolute(path):
    return absolute_url(path)


def set_password_url(user):
    """A one-time link to choose a password (allauth's password reset from key): it stops
    working once used, when the password changes, or after settings.PASSWORD_RESET_TIMEOUT."""
    key = default_token_generator.make_token(user)
    return absolute(
        reverse(
            "account_reset_password_from_key",
            kwargs={"uidb36": user_pk_to_url_str(user), "key": key},
        )
    )


def invitation_link(user, next_path):
    """(link, sets_password): where an invitation sends its person. An account without a usable
    password (new, or secured because it was not proven) chooses one through the one-time link;
    a proven account signs in and goes on to `next_path`."""
    if user.has_usable_password():
        return absolute(reverse("account_login")) + "?" + urlencode({"next": next_path}), False
    return set_password_url(user), True


def link_valid_days():
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)


# Signal receivers (connected in apps.py): every path that gives a role ------------------------


def on_groups_added(sender, instance, action, reverse, model, pk_set, **kwargs):
    """m2m_changed of User.groups: a group added to an account that is not proven, from any path
    (the Wagtail users admin, its "assign role" bulk action, an invitation, the shell)."""
    if action != "post_add" or not pk_set:
        return
    User = get_user_model()
    users = User.objects.filter(pk__in=pk_set) if reverse else [instance]
    for user in users:
        secure_unproven_account(user, reason="group_added")


def remember_role_flags(sender, instance, **kwargs):
    """post_init of the user model: the staff and superuser flags as read (None if deferred)."""
    instance._loaded_role_flags = (
        instance.__dict__.get("is_staff"),
        instance.__dict__.get("is_superuser"),
    )


def on_role_flags_saved(sender, instance, created, **kwargs):
    """post_save of the user model: an existing account just made staff or superuser."""
    before = getattr(instance, "_loaded_role_flags", (None, None))
    now = (instance.__dict__.get("is_staff"), instance.__dict__.get("is_superuser"))
    instance._loaded_role_flags = now
    if created:
        return  # a new account: nothing was set up on it before (createsuperuser, an invitation)
    gained = any(after is True and was is False for was, after in zip(before, now, strict=True))
    if gained:
        secure_unproven_account(instance, reason="staff_flag_set")


# Unconfirmed accounts -----------------------------------------------------------------------------

# What an account that never confirmed its address may hold and still be removed: the address
# itself, its sessions and authenticators, Wagtail's profile row.
DISPOSABLE = {
    ("account", "emailaddress"),
    ("usersessions", "usersession"),
    ("mfa", "authenticator"),
    ("wagtailusers", "userprofile"),
}


def unconfirmed_accounts(now=None):
    """Accounts older than CONFIRMATION_WINDOW_DAYS without any confirmed address, that hold
    nothing but what DISPOSABLE lists: no group, no staff flag, no row of any app (a draft
    nomination, a judge profile, a sponsor membership, a log entry) points to them."""
    User = get_user_model()
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.CONFIRMATION_WINDOW_DAYS)
    accounts = User.objects.filter(
        date_joined__lt=cutoff, is_staff=False, is_superuser=False, groups=None
    ).exclude(
        Exists(EmailAddress.objects.filter(user_id=OuterRef("pk"), verified=True)),
    )
    accounts = accounts.filter(user_permissions=None)
    for relation in User._meta.related_objects:
        related = relation.related_model
        if (related._meta.app_label, related._meta.model_name) in DISPOSABLE:
            continue
        if isinstance(relation, models.ManyToManyRel):
            lookup = relation.field.name
        elif relation.field.many_to_one or relation.field.one_to_one:
            lookup = relation.field.attname
        else:  # pragma: no cover - no other kind of relation points to a model
            continue
        accounts = accounts.exclude(
            Exists(related._base_manager.filter(**{lookup: OuterRef("pk")}))
        )
    return accounts


def remove_unconfirmed_accounts(now=None, dry_run=False):
    """Delete the accounts `unconfirmed_accounts` finds; returns how many."""
    accounts = list(unconfirmed_accounts(now).order_by("pk"))
    if dry_run:
        return len(accounts)
    for user in accounts:
        user_pk = user.pk
        end_all_sessions(user, reason="unconfirmed_removed", quiet=True)
        user.delete()
        logger.info("account.unconfirmed_removed user=%s", user_pk)
    return len(accounts)
