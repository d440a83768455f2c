from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail import hooks

from awards_site.site_url import absolute_url
from cms.demo.loader import DEMO_USERS, DemoLoader


class Command(BaseCommand):
    help = "Load the demo site (pages in English and French, partners, users). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never in production).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "load_demo creates users with a known password, "
                "so it refuses to run with DEBUG off. "
                "Use --force on a throwaway database only."
            )
        DemoLoader(stdout=self.stdout.write).run()
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password: {settings.DEMO_PASSWORD}):")
        for email, _first, _last, role in DEMO_USERS:
            self.stdout.write(f"  {role:<10} {email}")
        # Other apps' demo logins (the feedback platform's agency staff).
        for logins in hooks.get_hooks("demo_logins"):
            for role, email in logins():
                self.stdout.write(f"  {role:<10} {email}")
        self.stdout.write(f"Public site: {absolute_url('/')}   Admin: {absolute_url('/admin/')}")
