"""PublishedResults records when the results were published: `recorded_at` (when the row was
written, which for the demo was when the data was loaded) becomes `published_at`, taken from
the round's `results_published_at`."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def from_the_round(apps, schema_editor):
    PublishedResults = apps.get_model("judging", "PublishedResults")
    Round = apps.get_model("judging", "Round")
    PublishedResults.objects.filter(round__results_published_at__isnull=False).update(
        published_at=Subquery(
            Round.objects.filter(pk=OuterRef("round_id")).values("results_published_at")[:1]
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("judging", "0009_certificates_in_each_language"),
    ]

    operations = [
        migrations.RenameField(
            model_name="publishedresults", old_name="recorded_at", new_name="published_at"
        ),
        migrations.RunPython(from_the_round, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="publishedresults",
            name="published_at",
            field=models.DateTimeField(verbose_name="published"),
        ),
    ]
