"""Judge invitations: an administrator invites a judge by email. The account is created, or an
existing one linked (it keeps its password); the judge gets the "Judges" group, a profile and
panel memberships; the invitation is logged and emailed after the transaction commits.

A new account gets a link to choose a password: allauth's password-reset key, which only works
once and expires after settings.PASSWORD_RESET_TIMEOUT. An account that already has a password
gets a link to sign in instead. Inviting the same person again is safe: nothing is duplicated and
the email is sent again (with a fresh link).
"""

from urllib.parse import urlencode

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from wagtail.log_actions import log

from awards_site.site_url import absolute_url, site_url

from .models import JudgeProfile, PanelMembership

JUDGES_GROUP = "Judges"


def invite(
    email,
    *,
    first_name="",
    last_name="",
    language="",
    organisation="",
    country="",
    expertise=(),
    cycle=None,
    categories=(),
    invited_by=None,
):
    """Create or link the judge's account and profile; returns (profile, account_created)."""
    User = get_user_model()
    email = email.strip().lower()
    with transaction.atomic():
        user = User.objects.filter(email__iexact=email).first()
        created = user is None
        if created:
            user = User.objects.create_user(
                email=email,
                password=None,  # unusable until the judge chooses one from the link
                first_name=first_name,
                last_name=last_name,
                language=language or settings.LANGUAGE_CODE,
            )
        else:
            # An existing account keeps its password and its own names when it has them.
            changed = []
            if first_name and not user.first_name:
                user.first_name = first_name
                changed.append("first_name")
            if last_name and not user.last_name:
                user.last_name = last_name
                changed.append("last_name")
            if changed:
                user.save(update_fields=changed)
        if not EmailAddress.objects.filter(user=user, email__iexact=user.email).exists():
            EmailAddress.objects.create(
                user=user,
                email=user.email,
                primary=not EmailAddress.objects.filter(user=user, primary=True).exists(),
                verified=False,
            )
        user.groups.add(Group.objects.get_or_create(name=JUDGES_GROUP)[0])

        profile, _ = JudgeProfile.objects.get_or_create(user=user)
        if organisation:
            profile.organisation = organisation
        if country:
            profile.country = country
        profile.is_active = True
        profile.invited_at = timezone.now()
        if invited_by is not None and invited_by.is_authenticated:
            profile.invited_by = invited_by
        profile.save()
        if expertise:
            profile.expertise.add(*expertise)
        if cycle is not None:
            for category in categories or [None]:
                PanelMembership.objects.get_or_create(judge=profile, cycle=cycle, category=category)

        log(
            profile,
            "judging.invite",
            user=invited_by,
            data={
                "email": user.email,
                "account_created": created,
                "cycle": cycle.pk if cycle else None,
                "categories": [category.pk for category in categories],
            },
        )
        transaction.on_commit(lambda: _enqueue(profile.pk))
    return profile, created


def _enqueue(profile_pk):
    from .tasks import send_judge_invitation

    send_judge_invitation.enqueue(profile_pk)


def portal_path():
    """The judge portal in the active language (/judging/, /fr/judging/)."""
    try:
        return reverse("judging:dashboard")
    except NoReverseMatch:
        language = translation.get_language() or settings.LANGUAGE_CODE
        return "/judging/" if language == settings.LANGUAGE_CODE else f"/{language}/judging/"


def set_password_url(user):
    """A one-time link to choose a password (allauth's password reset from key)."""
    key = default_token_generator.make_token(user)
    return absolute_url(
        reverse(
            "account_reset_password_from_key",
            kwargs={"uidb36": user_pk_to_url_str(user), "key": key},
        )
    )


def invitation_link(user):
    """Where the invitation sends the judge: choose a password, or sign in when they have one."""
    if user.has_usable_password():
        login = absolute_url(reverse("account_login"))
        return f"{login}?{urlencode({'next': portal_path()})}", False
    return set_password_url(user), True


def send_invitation_email(profile_pk):
    """The invitation email (run by the send_judge_invitation task)."""
    profile = JudgeProfile.objects.select_related("user").get(pk=profile_pk)
    user = profile.user
    with translation.override(user.language or settings.LANGUAGE_CODE):
        link, sets_password = invitation_link(user)
        context = {
            "judge": profile,
            "user": user,
            "link": link,
            "sets_password": sets_password,
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
            "portal_url": absolute_url(portal_path()),
            "reset_url": absolute_url(reverse("account_reset_password")),
            "site_url": site_url(),
        }
        subject = render_to_string("judging/email/invitation_subject.txt", context).strip()
        body = render_to_string("judging/email/invitation_body.txt", context)
    send_mail(subject, body, None, [user.email])
