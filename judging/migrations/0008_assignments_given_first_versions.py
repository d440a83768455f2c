"""Existing assignments were given the entry as it was sent: its version 1 (made by
nominations' migration 0005); their scoresheets scored that version."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def given_first_versions(apps, schema_editor):
    Assignment = apps.get_model("judging", "Assignment")
    Scoresheet = apps.get_model("judging", "Scoresheet")
    NominationVersion = apps.get_model("nominations", "NominationVersion")
    first = NominationVersion.objects.filter(nomination=OuterRef("nomination"), number=1)
    Assignment.objects.filter(nomination_version__isnull=True).update(
        nomination_version=Subquery(first.values("pk")[:1])
    )
    given = Assignment.objects.filter(pk=OuterRef("assignment"))
    Scoresheet.objects.filter(nomination_version__isnull=True).update(
        nomination_version=Subquery(given.values("nomination_version")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("judging", "0007_assignment_versions"),
        ("nominations", "0006_first_versions"),
    ]

    operations = [migrations.RunPython(given_first_versions, migrations.RunPython.noop)]
