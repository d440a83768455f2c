"""Remind judges of their pending work in open rounds; meant for cron, e.g. every weekday at 8:00:

    0 8 * * 1-5  cd /srv/awards && .venv/bin/python manage.py send_judging_reminders

A judge is reminded about a round at most once a day (judging/panel/reminders.py), so running it
more
often, or after an administrator's one-click reminder, emails nobody twice.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from judging.models import Round
from judging.panel.reminders import send_reminders


class Command(BaseCommand):
    help = "Email each judge with pending work in open judging rounds (once a day at most)."

    def add_arguments(self, parser):
        parser.add_argument("--round", type=int, help="Only this round (its id).")

    def handle(self, *args, **options):
        now = timezone.now()
        if options["round"]:
            rounds = list(Round.objects.filter(pk=options["round"]).select_related("cycle"))
            if not rounds:
                raise CommandError(f"No judging round has the id {options['round']}.")
            if not rounds[0].is_open(now):
                raise CommandError(f"Round {rounds[0]} is not open: nobody can score now.")
        else:
            rounds = list(
                Round.objects.filter(opens_at__lte=now, closes_at__gt=now).select_related("cycle")
            )
        for round in rounds:
            result = send_reminders(round)
            self.stdout.write(
                f"{round}: {len(result.sent)} judge(s) reminded, "
                f"{len(result.skipped)} already reminded today."
            )
        if not rounds:
            self.stdout.write("No open judging round.")
