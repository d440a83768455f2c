from django.db import migrations, models


def record_sizes(apps, schema_editor):
    """Certificates rendered before the size was kept: read it from the stored file."""
    Certificate = apps.get_model("judging", "Certificate")
    for certificate in Certificate.objects.exclude(pdf="").only("pk", "pdf").iterator():
        try:
            size = certificate.pdf.size
        except (FileNotFoundError, OSError):
            continue  # rendered again (and sized) when it is next downloaded
        Certificate.objects.filter(pk=certificate.pk).update(pdf_size=size)


class Migration(migrations.Migration):
    dependencies = [
        ("judging", "0004_certificatebatch_progress_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="pdf_size",
            field=models.PositiveIntegerField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(record_sizes, migrations.RunPython.noop),
    ]
