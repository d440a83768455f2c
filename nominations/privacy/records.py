"""The vocabulary every part of the data-protection rights shares: which nominations were never
sent, what an anonymised account looks like, and the refusal an action raises (docs/privacy.md)."""

from django.db.models import Q

from nominations.choices import NominationStatus

# Nominations never sent: drafts, and drafts withdrawn before sending (a reference is given only
# when a nomination is sent, and never taken back). They are no record of the awards: deleting
# a person's data or a cycle's deletes them.
UNSENT = Q(reference__isnull=True) | Q(status=NominationStatus.DRAFT)


def is_unsent(nomination):
    return not nomination.reference or nomination.status == NominationStatus.DRAFT


# What an anonymised account's address looks like (".invalid" can never receive mail, RFC 2606).
ANONYMOUS_EMAIL = "deleted-{pk}@invalid"


def is_anonymised(user):
    """True for an account closed by a completed deletion request (see anonymise_account)."""
    return user.email == ANONYMOUS_EMAIL.format(pk=user.pk)


class PrivacyRefused(Exception):
    """Raised with a message saying why the action cannot be done, and what to do instead."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
