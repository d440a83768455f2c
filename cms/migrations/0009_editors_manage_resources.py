"""Editors manage the guides and tools library: the Editors group gets the permissions of
cms/editors.py again, now with adding, changing and deleting library resources."""

from django.db import migrations


def forwards(apps, schema_editor):
    from cms.editors import set_up_editors

    set_up_editors(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_phone_fields_accept_phone_numbers"),
        ("library", "0002_resources"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
