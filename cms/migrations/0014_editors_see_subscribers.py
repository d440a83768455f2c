"""Editors see the news subscribers (and delete one when a person asks): the Editors group gets
the permissions of cms/editors.py again."""

from django.db import migrations


def forwards(apps, schema_editor):
    from cms.editors import set_up_editors

    set_up_editors(apps)


class Migration(migrations.Migration):
    dependencies = [("cms", "0013_campaigns_and_subscriptions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
