"""A certificate in English and in French: what it says (award, category, cycle) and its PDF,
per language; `language` stays the recipient's language, the one batches render.

The existing texts and PDF were in the certificate's language: they become that language's.
The other language's texts are made from the records as they are now (the award's name, the
category's and the cycle's names in that language); its PDF is rendered on its first download."""

from django.db import migrations, models

import judging.models

AWARDS = {
    "en": {
        "winner": "Winner",
        "finalist": "Finalist",
        "merit": "Certificate of merit",
        "participation": "Certificate of participation",
        "judge": "Certificate of appreciation",
    },
    "fr": {
        "winner": "Lauréat",
        "finalist": "Finaliste",
        "merit": "Certificat de mérite",
        "participation": "Certificat de participation",
        "judge": "Certificat de remerciement",
    },
}


def texts_in_each_language(apps, schema_editor):
    Certificate = apps.get_model("judging", "Certificate")
    certificates = Certificate.objects.select_related("cycle", "nomination__category")
    for certificate in certificates.iterator(chunk_size=500):
        category = certificate.nomination.category if certificate.nomination_id else None
        cycle = certificate.cycle
        current = {
            "en": {
                "award": AWARDS["en"].get(certificate.kind, certificate.award_en),
                "category": category.name_en if category else "",
                "cycle_name": cycle.name_en,
            },
            "fr": {
                "award": AWARDS["fr"].get(certificate.kind, certificate.award_en),
                "category": (category.name_fr or category.name_en) if category else "",
                "cycle_name": cycle.name_fr,
            },
        }
        own = "fr" if certificate.language == "fr" else "en"
        other = "en" if own == "fr" else "fr"
        # The stored texts and PDF are in the certificate's own language (held in the _en
        # fields since the rename).
        issued = {
            "award": certificate.award_en,
            "category": certificate.category_en,
            "cycle_name": certificate.cycle_name_en,
        }
        pdf, size = certificate.pdf_en.name, certificate.pdf_size_en
        values = {}
        for field, text in issued.items():
            values[f"{field}_{own}"] = text
            had_no_category = field == "category" and not text
            values[f"{field}_{other}"] = "" if had_no_category else current[other][field][:200]
        values["cycle_name_en"] = values["cycle_name_en"][:80] or cycle.name_en[:80]
        values["cycle_name_fr"] = values["cycle_name_fr"][:80]
        values["pdf_en"], values["pdf_size_en"] = ("", None) if own == "fr" else (pdf, size)
        values["pdf_fr"], values["pdf_size_fr"] = (pdf, size) if own == "fr" else ("", None)
        Certificate.objects.filter(pk=certificate.pk).update(**values)


class Migration(migrations.Migration):
    dependencies = [
        ("judging", "0008_assignments_given_first_versions"),
        ("nominations", "0007_awardcycle_names_in_each_language"),
    ]

    operations = [
        migrations.RenameField("certificate", "award", "award_en"),
        migrations.RenameField("certificate", "category", "category_en"),
        migrations.RenameField("certificate", "cycle_name", "cycle_name_en"),
        migrations.RenameField("certificate", "pdf", "pdf_en"),
        migrations.RenameField("certificate", "pdf_size", "pdf_size_en"),
        migrations.AddField(
            model_name="certificate",
            name="award_fr",
            field=models.CharField(blank=True, max_length=200, verbose_name="award (French)"),
        ),
        migrations.AddField(
            model_name="certificate",
            name="category_fr",
            field=models.CharField(blank=True, max_length=200, verbose_name="category (French)"),
        ),
        migrations.AddField(
            model_name="certificate",
            name="cycle_name_fr",
            field=models.CharField(blank=True, max_length=80, verbose_name="cycle (French)"),
        ),
        migrations.AddField(
            model_name="certificate",
            name="pdf_fr",
            field=models.FileField(
                blank=True,
                max_length=200,
                storage=judging.models.private_storage,
                upload_to=judging.models.certificate_pdf_path,
            ),
        ),
        migrations.AddField(
            model_name="certificate",
            name="pdf_size_fr",
            field=models.PositiveIntegerField(blank=True, editable=False, null=True),
        ),
        migrations.AlterField(
            model_name="certificate",
            name="award_en",
            field=models.CharField(max_length=200, verbose_name="award (English)"),
        ),
        migrations.AlterField(
            model_name="certificate",
            name="category_en",
            field=models.CharField(blank=True, max_length=200, verbose_name="category (English)"),
        ),
        migrations.AlterField(
            model_name="certificate",
            name="cycle_name_en",
            field=models.CharField(max_length=80, verbose_name="cycle (English)"),
        ),
        migrations.RunPython(texts_in_each_language, migrations.RunPython.noop),
    ]
