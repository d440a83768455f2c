"""Editors moderate citizens' comments of every agency: the Editors group gets
`feedback.moderate_any_comment` (cms/editors.py, the same code as 0007)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from cms.editors import set_up_editors

    set_up_editors(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_phone_fields_accept_phone_numbers"),
        ("feedback", "0004_moderate_any_comment"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
