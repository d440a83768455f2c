"""Wagtail locales for Portuguese and Arabic (settings.WAGTAIL_CONTENT_LANGUAGES): editors can
translate pages into them. Pages in those locales are drafts awaiting native review until an
editor ticks "Translation reviewed" (docs/translations.md). Going back leaves the locales (pages
may use them)."""

from django.db import migrations

LANGUAGES = ("pt", "ar")


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_phone_fields_accept_phone_numbers"),
        ("wagtailcore", "0090_remove_grouppagepermission_permission_type"),
    ]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
