"""Wagtail's users screens (Settings ▸ Users) with the rules of the site's own account pages
(docs/security.md, "Side paths for staff").

- Nobody sets or reads another person's password: the password fields are off
  (WAGTAILUSERS_PASSWORD_ENABLED = False). A user added here gets an email with a one-time link
  to choose their password, which also proves the address.
- Nobody changes another person's address: the email field shows but cannot be changed on an
  existing account. People change their own under Account security, which asks for the
  password and sends a code to the new address.
- Adding, changing or removing an account, and the bulk actions on accounts, ask the
  administrator to confirm it is them (password or two-step code) when they last did more than
  ACCOUNT_REAUTHENTICATION_TIMEOUT ago, as the site's own email and two-step pages do.
- Each of these changes writes a line to the security log (`user.added_by_admin`,
  `user.changed_by_admin`, `user.deleted_by_admin`, `user.bulk_action`), with who did it.
- A role (a group, "Administrator") given to an account whose address is not confirmed is held
  back: the account is secured (awards_site/accounts/linking.py) and the person emailed a link to
  choose a password; the role takes effect once they have used it.
"""

import logging

from allauth.account.internal.flows.reauthentication import is_reauthentication_required
from allauth.core.exceptions import ReauthenticationRequired
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_users

from awards_site import mail
from awards_site.accounts import linking as account_linking
from awards_site.security.log import client_ip

logger = logging.getLogger("awards_site.security")

ADDRESS_HELP = gettext_lazy(
    "People change their own address under Account security, which asks for their password "
    "and sends a code to the new address. To use another address, add a new user with it."
)


class SiteUserEditForm(UserEditForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields.get("email")
        if email is not None and self.instance.pk:
            email.disabled = True
            email.help_text = ADDRESS_HELP


class SiteUserCreationForm(UserCreationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields.get("email")
        if email is not None:
            email.help_text = gettext_lazy(
                "We email this address a link to choose a password; the person's roles take "
                "effect once they have used it."
            )

    def save(self, commit=True):
        # No password was typed (WAGTAILUSERS_PASSWORD_ENABLED is off): none works until the
        # person chooses one from the emailed link.
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
            self.save_m2m()
        return user


def roles_of(user):
    """What gives an account powers: its groups and the staff and superuser flags."""
    return {
        "groups": set(user.groups.values_list("name", flat=True)) if user.pk else set(),
        "is_superuser": bool(user.is_superuser),
        "is_staff": bool(user.is_staff),
        "is_active": bool(user.is_active),
    }


def _changes(before, after):
    changes = []
    added = sorted(after["groups"] - before["groups"])
    removed = sorted(before["groups"] - after["groups"])
    if added:
        changes.append(f"groups_added={','.join(added)!r}")
    if removed:
        changes.append(f"groups_removed={','.join(removed)!r}")
    for flag in ("is_superuser", "is_staff", "is_active"):
        if before[flag] != after[flag]:
            changes.append(f"{flag}={after[flag]}")
    return changes


def gained_a_role(before, after):
    return bool(after["groups"] - before["groups"]) or any(
        after[flag] and not before[flag] for flag in ("is_superuser", "is_staff")
    )


def has_a_role(roles):
    return bool(roles["groups"]) or roles["is_superuser"] or roles["is_staff"]


def send_access_email(user_pk):
    """The email to a person given a role here: a link to choose a password (new or secured
    account) or to sign in (an account with a confirmed address)."""
    user = get_user_model().objects.get(pk=user_pk)
    with mail.speaking(user.language):
        link, sets_password = account_linking.invitation_link(user, "/admin/")
        context = {
            "user": user,
            "link": link,
            "sets_password": sets_password,
            "valid_days": account_linking.link_valid_days(),
            "reset_url": account_linking.absolute(reverse("account_reset_password")),
        }
        mail.send_templated("account/email/staff_access", [user.email], **context)


def _enqueue_access_email(user_pk):
    from awards_site.accounts.tasks import send_staff_access_email

    send_staff_access_email.enqueue(user_pk)


class ReauthenticatedPostMixin:
    """A POST asks the administrator to confirm it is them first, unless they did recently;
    allauth resumes the POST afterwards. Checked after Wagtail's permission check (in
    `dispatch`), so someone without the permission is refused, not asked for a password."""

    def post(self, request, *args, **kwargs):
        if is_reauthentication_required(request, app="account"):
            raise ReauthenticationRequired()
        return super().post(request, *args, **kwargs)


class CreateView(ReauthenticatedPostMixin, wagtail_users.CreateView):
    def save_instance(self):
        user = super().save_instance()  # without a usable password (SiteUserCreationForm)
        account_linking.ensure_address(user)
        roles = roles_of(user)
        logger.info(
            "user.added_by_admin user=%s by=%s %s ip=%s",
            user.pk,
            self.request.user.pk,
            " ".join(_changes(roles_of(get_user_model()()), roles)) or "roles=none",
            client_ip(self.request),
        )
        user_pk = user.pk
        transaction.on_commit(lambda: _enqueue_access_email(user_pk))
        return user


class EditView(ReauthenticatedPostMixin, wagtail_users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Read before the form is validated: validation writes the posted flags on the object.
        self.roles_before = roles_of(self.object)

    def save_instance(self):
        before = self.roles_before
        proven_before = account_linking.address_is_proven(self.object)
        user = super().save_instance()
        after = roles_of(user)
        changes = _changes(before, after)
        if changes:
            logger.info(
                "user.changed_by_admin user=%s by=%s %s ip=%s",
                user.pk,
                self.request.user.pk,
                " ".join(changes),
                client_ip(self.request),
            )
        if gained_a_role(before, after) and not proven_before:
            # A group was secured by its signal already (account_linking.on_groups_added): this
            # covers a flag given alone.
            account_linking.secure_unproven_account(
                user, reason="role_in_users_admin", by=self.request.user, request=self.request
            )
            user_pk = user.pk
            transaction.on_commit(lambda: _enqueue_access_email(user_pk))
            messages.warning(
                self.request,
                _(
                    "%(email)s has never confirmed this address, so whoever made the account may "
                    "not be its owner: its password and sessions were removed, and we emailed "
                    "the address a link to choose a password. The new role takes effect once it "
                    "is used."
                )
                % {"email": user.email},
            )
        return user


class DeleteView(ReauthenticatedPostMixin, wagtail_users.DeleteView):
    def delete_action(self):
        user_pk = self.object.pk
        super().delete_action()
        logger.warning(
            "user.deleted_by_admin user=%s by=%s ip=%s",
            user_pk,
            self.request.user.pk,
            client_ip(self.request),
        )


class UserViewSet(wagtail_users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update=False):
        return SiteUserEditForm if for_update else SiteUserCreationForm


# Bulk actions on users (Wagtail's "assign role", "delete", "set active state") --------------------


def before_user_bulk_action(request, action_type, objects, action_class_instance):
    """Wagtail's `before_bulk_action` hook: the same confirmation as the single-user screens."""
    if action_class_instance.model is not get_user_model():
        return None
    if is_reauthentication_required(request, app="account"):
        raise ReauthenticationRequired()
    request._roles_before_bulk = {user.pk: roles_of(user) for user in objects}
    return None


def after_user_bulk_action(request, action_type, objects, action_class_instance):
    """Wagtail's `after_bulk_action` hook: a security-log line per account, and the access email
    to an account that gained a role before confirming its address."""
    if action_class_instance.model is not get_user_model():
        return None
    before = getattr(request, "_roles_before_bulk", {})
    remaining = get_user_model().objects.in_bulk(list(before))
    for user_pk, roles in before.items():
        user = remaining.get(user_pk)
        if user is None:
            logger.warning(
                "user.deleted_by_admin user=%s by=%s bulk=1 ip=%s",
                user_pk,
                request.user.pk,
                client_ip(request),
            )
            continue
        after = roles_of(user)
        logger.info(
            "user.bulk_action action=%s user=%s by=%s %s ip=%s",
            action_type,
            user_pk,
            request.user.pk,
            " ".join(_changes(roles, after)) or "unchanged",
            client_ip(request),
        )
        if gained_a_role(roles, after) and not account_linking.address_is_proven(user):
            transaction.on_commit(lambda user_pk=user_pk: _enqueue_access_email(user_pk))
    return None
