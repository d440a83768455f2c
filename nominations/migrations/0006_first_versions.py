"""Version 1 for every nomination already sent: its answers and evidence list as they are now
(the only state kept before versions existed), dated when it was sent, by its nominator."""

from decimal import Decimal

from django.db import migrations, models

# The answers a version keeps, as nominations/sending/versions.py's SNAPSHOT_FIELDS said when this
# migration was written (frozen here: a migration must not change when the code does).
SNAPSHOT_FIELDS = [
    "category",
    "relation",
    "organisation_name",
    "organisation_kind",
    "country",
    "city",
    "website",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
    "initiative_title",
    "summary",
    "challenge",
    "actions_people",
    "actions_process",
    "actions_technology",
    "results",
    "citizen_impact",
    "sustainability",
    "baseline_period",
    "latest_period",
    "nps_before",
    "nps_after",
    "customer_effort_score",
    "first_contact_resolution",
    "turnaround_before",
    "turnaround_after",
    "satisfaction",
    "turnaround_unit",
]


def _as_json(model_field, value):
    if value is None:
        return None
    if isinstance(model_field, models.DecimalField):
        step = Decimal(1).scaleb(-model_field.decimal_places)
        return str(Decimal(str(value)).quantize(step))
    return value


def first_versions(apps, schema_editor):
    Nomination = apps.get_model("nominations", "Nomination")
    NominationVersion = apps.get_model("nominations", "NominationVersion")
    EvidenceFile = apps.get_model("nominations", "EvidenceFile")
    sent = Nomination.objects.filter(submitted_at__isnull=False).exclude(status="draft")
    sent = sent.exclude(versions__isnull=False)
    fields = {name: Nomination._meta.get_field(name) for name in SNAPSHOT_FIELDS}
    rows = []
    for nomination in sent.iterator(chunk_size=500):
        files = EvidenceFile.objects.filter(nomination=nomination).order_by("uploaded_at", "pk")
        rows.append(
            NominationVersion(
                nomination=nomination,
                number=1,
                created_at=nomination.submitted_at,
                created_by_id=nomination.nominator_id,
                answers={
                    name: _as_json(field, getattr(nomination, field.attname))
                    for name, field in fields.items()
                },
                evidence=[
                    {
                        "id": file.pk,
                        "name": file.original_name,
                        "kind": file.kind,
                        "size": file.size,
                        "sha256": file.sha256,
                    }
                    for file in files
                ],
            )
        )
        if len(rows) >= 500:
            NominationVersion.objects.bulk_create(rows)
            rows = []
    NominationVersion.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [("nominations", "0005_versions_and_changes")]

    operations = [migrations.RunPython(first_versions, migrations.RunPython.noop)]
