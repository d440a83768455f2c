"""The nominator's consent to a case study of their initiative in the best-practice library
(issue 17): given (never by default) on the wizard's declaration step, withdrawn from "My
nominations" or by unticking it in the wizard. A withdrawal sends `case_study_consent_withdrawn`
(nominations/mine/signals.py) once the transaction commits; the library listens and unpublishes the
case study. Nominations never imports the library."""

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nominations.mine.signals import case_study_consent_withdrawn
from nominations.models import Nomination

FIELDS = ("consent_case_study", "consent_case_study_withdrawn_at")


def form_field():
    """The wizard's box (declaration step): never ticked in advance, saying what it means."""
    return forms.BooleanField(
        label=_("You may publish a case study of this initiative"),
        required=False,
        help_text=_(
            "If the entry is shortlisted or wins, the program’s editors may write a case study "
            "of the initiative for the best-practice library: the problem, what changed and "
            "the results, without the names, email addresses or phone numbers of people. "
            "You can withdraw this consent at any time from “My nominations”; the case study "
            "is then taken off the site."
        ),
    )


def both(first, then):
    """One callable running `first`, then `then` when there is one."""

    def run():
        first()
        if then is not None:
            then()

    return run


def _announce(nomination):
    case_study_consent_withdrawn.send(sender=Nomination, nomination=nomination)


def set_in_wizard(nomination, given, now=None):
    """Set the consent on the (unsaved) nomination from the wizard's answer. Returns what must
    run after the write when this is a withdrawal (a callable), else None."""
    if given:
        nomination.consent_case_study = True
        nomination.consent_case_study_withdrawn_at = None
        return None
    if not nomination.consent_case_study:
        return None
    nomination.consent_case_study = False
    nomination.consent_case_study_withdrawn_at = now or timezone.now()
    return lambda: transaction.on_commit(lambda: _announce(nomination))


def withdraw(nomination, now=None):
    """Withdraw the consent ("My nominations"). True when there was one to withdraw."""
    with transaction.atomic():
        updated = Nomination.objects.filter(pk=nomination.pk, consent_case_study=True).update(
            consent_case_study=False,
            consent_case_study_withdrawn_at=now or timezone.now(),
        )
        if not updated:
            return False
        nomination.refresh_from_db(fields=["consent_case_study", "consent_case_study_withdrawn_at"])
        transaction.on_commit(lambda: _announce(nomination))
    return True
