"""The feedback platform's part of a person's data, added through the hooks of
nominations/privacy/hooks.py (docs/privacy.md, "Citizen feedback").

A person's account is linked to the platform only as agency staff (AgencyMembership): the
archive lists the agencies, and erasing the person removes the memberships.

Citizens' answers belong to no account and name nobody: no address is stored, only a keyed hash
under a secret that changes every day (so yesterday's answers cannot be matched to a device),
and comments are scrubbed of phone numbers, email addresses and ID numbers before they are
stored (feedback/scrubbing.py). There is therefore nothing of them to give or erase for one
person. Their retention (feedback/retention/pruning.py, registered as the `apply_retention`
hook) deletes raw answers after FEEDBACK_RETAIN_ANSWERS_DAYS (the roll-ups, which name nobody,
stay) and blanks the text of rejected comments after FEEDBACK_REJECTED_COMMENT_DAYS."""

from feedback.models import AgencyMembership
from nominations.privacy.archive import PersonalDataSection


def personal_data_sections(user):
    memberships = AgencyMembership.objects.filter(user=user).select_related("agency")
    rows = [
        {
            "agency": membership.agency.name,
            "country": membership.agency.country,
            "added_at": membership.added_at,
        }
        for membership in memberships.order_by("added_at", "pk")
    ]
    return [PersonalDataSection("agency_staff", rows)] if rows else []


def erase_personal_data(user, deletion_request):
    removed, _ = AgencyMembership.objects.filter(user=user).delete()
    return {"feedback_agency_memberships_removed": removed}
