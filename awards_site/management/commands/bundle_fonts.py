"""Rebuild the fonts PDFs are rendered with (static/fonts/) from the installed Debian font
packages and Noto Emoji; see awards_site/pdf/fonts.py. `make bundle-fonts` runs it."""

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from awards_site.pdf import fonts as pdf_fonts


class Command(BaseCommand):
    help = "Rebuild static/fonts/ (the PDF fonts) from Debian's Noto and DejaVu packages."

    def add_arguments(self, parser):
        parser.add_argument(
            "--emoji",
            required=True,
            help="Noto Emoji (monochrome), e.g. files/noto-emoji-emoji-400-normal.woff2 "
            "of npm's @fontsource/noto-emoji",
        )

    def handle(self, *args, emoji, **options):
        try:
            written = pdf_fonts.build(emoji)
        except FileNotFoundError as error:
            raise CommandError(str(error)) from error
        for name, size in written:
            self.stdout.write(f"{name:40} {filesizeformat(size)}")
        total = sum(size for _name, size in written)
        self.stdout.write(f"{len(written)} fonts, {filesizeformat(total)} in static/fonts/")
