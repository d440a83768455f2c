"""Remove the personal data of award cycles past their retention period; meant for cron, e.g.
every night at 02:30:

    30 2 * * *  cd /srv/awards && .venv/bin/python manage.py anonymise_expired_data

For each cycle whose end (deadline, judging, results) plus its "keep personal data for" days is
past, it deletes the unsent drafts and their files, and removes the contact details, the
wizard's unsaved input and the evidence files of the other nominations (privacy/retention.py). The
answers about the initiatives stay as the record. Running it again does nothing more.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail import hooks

from nominations.privacy.hooks import APPLY_RETENTION
from nominations.privacy.retention import anonymise_expired


class Command(BaseCommand):
    help = "Anonymise the nominations of award cycles past their retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would be deleted or anonymised, and change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        counts = anonymise_expired(dry_run=dry_run)
        verb = "would be" if dry_run else "were"
        for count in counts:
            self.stdout.write(
                f"{count.cycle} ({count.cycle.code}, retention ended "
                f"{count.cycle.retention_ends_at:%Y-%m-%d}): {count.drafts} draft(s) {verb} "
                f"deleted, {count.nominations} nomination(s) {verb} anonymised, "
                f"{count.files} evidence file(s) {verb} deleted."
            )
        if not counts:
            self.stdout.write("No award cycle is past its retention period.")
        # Other apps' retention (the apply_retention hook: feedback's answers).
        now = timezone.now()
        for apply in hooks.get_hooks(APPLY_RETENTION):
            for what, count in apply(now=now, dry_run=dry_run):
                self.stdout.write(f"{count} {what} {verb} removed.")
