"""Human references such as CX27-KE-0042: cycle, country, a sequence per cycle and country.
Each is given once and never reused, even when a nomination is withdrawn or deleted."""

from django.db import models, transaction

from nominations.models import ReferenceCounter


def assign_reference(nomination):
    """The next reference for the nomination's cycle and country (call inside a transaction)."""
    with transaction.atomic():
        counter, _created = ReferenceCounter.objects.select_for_update().get_or_create(
            cycle=nomination.cycle, country=nomination.country
        )
        counter.last_number = models.F("last_number") + 1
        counter.save(update_fields=["last_number"])
        counter.refresh_from_db(fields=["last_number"])
    return f"{nomination.cycle.code}-{nomination.country}-{counter.last_number:04d}"
