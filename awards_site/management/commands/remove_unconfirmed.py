"""Remove what was never confirmed by its owner, once the confirmation window has passed (run it
daily, docs/operations.md):

- accounts whose address was never confirmed, older than CONFIRMATION_WINDOW_DAYS, that hold
  nothing (no role, no nomination, no judge profile, no sponsor membership:
  awards_site.accounts.linking.unconfirmed_accounts);
- what other apps register with the `remove_unconfirmed` Wagtail hook (a function taking `now`
  and `dry_run`, returning (what, how many)): the open letter's and the pledge's signatures that
  were never confirmed (cms/signing/confirmation.py).

Nobody can sign in to such an account (the log-in asks for a code sent to its address first),
so removing it ends nothing its owner uses; its owner can sign up again.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail import hooks

from awards_site.accounts.linking import remove_unconfirmed_accounts


class Command(BaseCommand):
    help = "Remove accounts (and signatures) whose address was never confirmed."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="count what would be removed, remove nothing"
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        results = [("accounts", remove_unconfirmed_accounts(now=now, dry_run=dry_run))]
        for remover in hooks.get_hooks("remove_unconfirmed"):
            results.append(remover(now=now, dry_run=dry_run))
        verb = "Would remove" if dry_run else "Removed"
        for what, count in results:
            self.stdout.write(f"{verb} {count} unconfirmed {what}.")
