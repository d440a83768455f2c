"""Judge invitations: an administrator invites a judge by email. The account is created, or an
existing one linked; the judge gets the "Judges" group, a profile and panel memberships; the
invitation is logged and emailed after the transaction commits.

Who may hold the role is the rule of awards_site/accounts/linking.py: an existing account whose
address was never confirmed is secured first (its password, sessions, authenticator app and
other addresses are removed: whoever made it may not be the judge), and the invitation carries a
one-time link to choose a password, which proves the address. An account with a confirmed
address keeps its password and gets a link to sign in. Inviting the same person again is safe:
nothing is duplicated and the email is sent again (with a fresh link).
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from wagtail.log_actions import log

from awards_site import mail
from awards_site.accounts.linking import (
    CREATED,
    absolute,
    account_for_invitation,
    invitation_link,
    link_valid_days,
)
from awards_site.site_url import site_url
from awards_site.vocabularies.roles import group_of
from judging.models import JudgeProfile, PanelMembership

JUDGES_GROUP = group_of("judge")


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
    """Create or link the judge's account and profile; returns (profile, outcome): CREATED,
    SECURED or LINKED (awards_site.accounts.linking)."""
    with transaction.atomic():
        user, outcome = account_for_invitation(
            email,
            first_name=first_name,
            last_name=last_name,
            language=language,
            reason="judge_invitation",
            by=invited_by,
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
                "account_created": outcome == CREATED,
                "account": outcome,
                "cycle": cycle.pk if cycle else None,
                "categories": [category.pk for category in categories],
            },
        )
        transaction.on_commit(lambda: _enqueue(profile.pk))
    return profile, outcome


def _enqueue(profile_pk):
    from judging.panel.tasks import send_judge_invitation

    send_judge_invitation.enqueue(profile_pk)


def portal_path():
    """The judge portal in the active language (/judging/, /fr/judging/)."""
    try:
        return reverse("judging:dashboard")
    except NoReverseMatch:
        language = translation.get_language() or settings.LANGUAGE_CODE
        return "/judging/" if language == settings.LANGUAGE_CODE else f"/{language}/judging/"


def send_invitation_email(profile_pk):
    """The invitation email (run by the send_judge_invitation task)."""
    profile = JudgeProfile.objects.select_related("user").get(pk=profile_pk)
    user = profile.user
    with mail.speaking(user.language):
        link, sets_password = invitation_link(user, portal_path())
        context = {
            "judge": profile,
            "user": user,
            "link": link,
            "sets_password": sets_password,
            "valid_days": link_valid_days(),
            "portal_url": absolute(portal_path()),
            "reset_url": absolute(reverse("account_reset_password")),
            "site_url": site_url(),
        }
        mail.send_templated("judging/email/invitation", [user.email], **context)
