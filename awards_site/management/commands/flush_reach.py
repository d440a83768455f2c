"""Move the reach counts of the closed minutes from the cache into the database
(awards_site/reach/buffer.py). The first page view of each minute queues the same; run this from
cron too (every few minutes), so counts do not wait for the next visitor. Safe to run at any
time, and twice at once: a minute is never counted twice."""

from django.core.management.base import BaseCommand

from awards_site.reach import buffer


class Command(BaseCommand):
    help = "Move the reach counts of the closed minutes from the cache into the database."

    def handle(self, *args, **options):
        moved = buffer.flush()
        if options["verbosity"]:
            self.stdout.write(f"{moved} minute(s) of reach counts moved into the database.")
