"""The audit log of erased people: take their name and addresses out of the log entries of their
objects, keeping what was done and when. Used by the apps' ``erase_personal_data`` hooks."""

import re

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry


def scrub_log_entries(objects_by_model, identifying, replacement):
    """Replace the person's name and addresses (`identifying`, case-insensitive) in the labels
    and data of the audit log entries of these objects ({model: [pk, ...]}). What was done and
    when stays; whom it was about is no longer said. Used by the
    apps' ``erase_personal_data`` hooks."""
    needles = sorted({text for text in identifying if text.strip()}, key=len, reverse=True)
    if not needles:
        return 0
    pattern = re.compile("|".join(re.escape(text) for text in needles), re.IGNORECASE)
    changed = 0
    for model, pks in objects_by_model.items():
        if not pks:
            continue
        entries = ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in pks],
        )
        for entry in entries:
            label = pattern.sub(replacement, entry.label)
            data = _scrub(entry.data, pattern, replacement)
            if label != entry.label or data != entry.data:
                entry.label, entry.data = label, data
                entry.save(update_fields=["label", "data"])
                changed += 1
    return changed


def _scrub(value, pattern, replacement):
    if isinstance(value, str):
        return pattern.sub(replacement, value)
    if isinstance(value, dict):
        return {key: _scrub(item, pattern, replacement) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub(item, pattern, replacement) for item in value]
    return value


def identifying_strings(user):
    """The person's name and every address of their account, as they may appear in labels."""
    from allauth.account.models import EmailAddress

    addresses = EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    return [text for text in [user.get_full_name(), user.email, *addresses] if text.strip()]
