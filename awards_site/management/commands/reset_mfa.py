"""Remove a user's two-step verification (authenticator app and recovery codes) and end their
sessions, e.g. for a judge who lost their phone and their recovery codes. Check who is asking
before running it (see docs/security.md). The user sets it up again at their next log-in if
their role requires it."""

import logging

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from awards_site.accounts.sessions import end_all_sessions

logger = logging.getLogger("awards_site.security")


class Command(BaseCommand):
    help = "Remove a user's two-step verification and end their sessions."

    def add_arguments(self, parser):
        parser.add_argument("email", help="the email address the user signs in with")
        parser.add_argument(
            "--reason", default="", help="why (kept in the security log), e.g. a ticket number"
        )

    def handle(self, *args, email, reason, **options):
        User = get_user_model()
        try:
            user = User.objects.get(email__iexact=email.strip())
        except User.DoesNotExist:
            raise CommandError(f"No user signs in with {email!r}.") from None
        with transaction.atomic():
            authenticators = Authenticator.objects.filter(user=user)
            types = sorted(authenticators.values_list("type", flat=True))
            authenticators.delete()
            ended = end_all_sessions(user, reason="mfa_reset")
        logger.warning(
            "mfa.reset_by_operator user=%s removed=%s sessions_ended=%s reason=%r",
            user.pk,
            ",".join(types) or "-",
            ended,
            reason,
        )
        if types:
            self.stdout.write(
                f"Removed two-step verification ({', '.join(types)}) of {user.email} "
                f"and ended {ended} session(s)."
            )
        else:
            self.stdout.write(
                f"{user.email} had no two-step verification; ended {ended} session(s)."
            )
