"""Contact phone numbers in E.164 (+254712345678), as the wizard now stores them: each stored
number that is a valid phone number, read as a number of the nomination's country when it has no
country code, is rewritten; any other is left exactly as it was typed."""

from django.db import migrations


def to_e164(apps, schema_editor):
    from nominations.phones import normalised_or_as_typed

    Nomination = apps.get_model("nominations", "Nomination")
    changed = []
    for nomination in Nomination.objects.exclude(contact_phone="").only(
        "pk", "contact_phone", "country"
    ):
        normalised = normalised_or_as_typed(nomination.contact_phone, nomination.country)
        if normalised != nomination.contact_phone:
            nomination.contact_phone = normalised
            changed.append(nomination)
    Nomination.objects.bulk_update(changed, ["contact_phone"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("nominations", "0003_privacy")]

    operations = [migrations.RunPython(to_e164, migrations.RunPython.noop, elidable=True)]
