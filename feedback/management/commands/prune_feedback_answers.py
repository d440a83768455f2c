"""Delete citizens' raw answers older than FEEDBACK_RETAIN_ANSWERS_DAYS and blank the text of
comments rejected more than FEEDBACK_REJECTED_COMMENT_DAYS ago (feedback/retention/pruning.py);
the daily roll-ups stay, so published figures do not change. Meant for cron, e.g. every night
at 02:40:

    40 2 * * *  cd /srv/awards && .venv/bin/python manage.py prune_feedback_answers

`--queue` hands the work to the task workers (the `prune_feedback_answers` task) instead of doing
it here; `--dry-run` only counts.
"""

from django.core.management.base import BaseCommand

from feedback.retention import pruning as retention
from feedback.retention import tasks


class Command(BaseCommand):
    help = "Delete feedback answers past retention and blank old rejected comments."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count, change nothing")
        parser.add_argument("--queue", action="store_true", help="run as a background task")

    def handle(self, *args, dry_run=False, queue=False, **options):
        if queue and not dry_run:
            result = tasks.prune_feedback_answers.enqueue()
            self.stdout.write(f"Queued the task ({result.id}).")
            return
        pruned = retention.prune(dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {pruned.answers} answer(s) past retention; "
            f"{'would blank' if dry_run else 'blanked'} {pruned.rejected_comments} "
            "rejected comment(s)."
        )
