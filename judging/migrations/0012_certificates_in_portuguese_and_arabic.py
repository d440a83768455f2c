"""Certificates in Portuguese and Arabic too: what a certificate says and its PDF, per language.

Certificates issued before get their award in Portuguese and Arabic (the kind's name, as the
catalogues say it); their category and cycle stay empty in those languages, which read the
English ones (awards_site/i18n.py: localised), as a certificate issued today for a cycle without
Portuguese or Arabic names does. Their PDFs in those languages are rendered on first download."""

import judging.certificates.models
from django.db import migrations, models


AWARDS = {
    "pt": {
        "winner": "Vencedor",
        "finalist": "Finalista",
        "merit": "Certificado de mérito",
        "participation": "Certificado de participação",
        "judge": "Certificado de agradecimento",
    },
    "ar": {
        "winner": "فائز",
        "finalist": "متأهّل نهائي",
        "merit": "شهادة تقدير",
        "participation": "شهادة مشاركة",
        "judge": "شهادة شكر وتقدير",
    },
}


def awards_in_portuguese_and_arabic(apps, schema_editor):
    Certificate = apps.get_model("judging", "Certificate")
    for kind in AWARDS["pt"]:
        Certificate.objects.filter(kind=kind, award_pt="").update(
            award_pt=AWARDS["pt"][kind], award_ar=AWARDS["ar"][kind]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("judging", "0011_choices_from_vocabularies"),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="award_ar",
            field=models.CharField(blank=True, max_length=200, verbose_name="award (Arabic)"),
        ),
        migrations.AddField(
            model_name="certificate",
            name="award_pt",
            field=models.CharField(blank=True, max_length=200, verbose_name="award (Portuguese)"),
        ),
        migrations.AddField(
            model_name="certificate",
            name="category_ar",
            field=models.CharField(blank=True, max_length=200, verbose_name="category (Arabic)"),
        ),
        migrations.AddField(
            model_name="certificate",
            name="category_pt",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="category (Portuguese)"
            ),
        ),
        migrations.AddField(
            model_name="certificate",
            name="cycle_name_ar",
            field=models.CharField(blank=True, max_length=80, verbose_name="cycle (Arabic)"),
        ),
        migrations.AddField(
            model_name="certificate",
            name="cycle_name_pt",
            field=models.CharField(blank=True, max_length=80, verbose_name="cycle (Portuguese)"),
        ),
        migrations.AddField(
            model_name="certificate",
            name="pdf_ar",
            field=models.FileField(
                blank=True,
                max_length=200,
                storage=judging.certificates.models.private_storage,
                upload_to=judging.certificates.models.certificate_pdf_path,
            ),
        ),
        migrations.AddField(
            model_name="certificate",
            name="pdf_pt",
            field=models.FileField(
                blank=True,
                max_length=200,
                storage=judging.certificates.models.private_storage,
                upload_to=judging.certificates.models.certificate_pdf_path,
            ),
        ),
        migrations.AddField(
            model_name="certificate",
            name="pdf_size_ar",
            field=models.PositiveIntegerField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="certificate",
            name="pdf_size_pt",
            field=models.PositiveIntegerField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(awards_in_portuguese_and_arabic, migrations.RunPython.noop),
    ]
