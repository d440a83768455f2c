"""The library's rules about case studies (domain rules, tested directly) and who may make one
(django-rules; docs/permissions.md).

An entry may become a case study when its nominator consented (and has not withdrawn it) and
judging shortlisted or placed it: a status a round decides (nominations/statuses.py,
`decidable`), which an entry gets only when its round's results are published. One case study
per entry: a second action opens the first."""

import rules
from django.utils.translation import gettext_lazy as _

from awards_site.rules import is_active, is_editor_or_administrator, is_superuser
from nominations.models import Nomination
from nominations.statuses import STATUSES

# Shortlisted, finalist, certificate of merit, winner.
CASE_STUDY_STATUSES = STATUSES.values(decidable=True)

NO_CONSENT = _("The nominator has not consented to a case study of this entry.")
NOT_SELECTED = _("Only an entry that was shortlisted or placed can become a case study.")


def candidates():
    """The entries that may become a case study, whether or not one was made yet."""
    return Nomination.objects.filter(consent_case_study=True, status__in=CASE_STUDY_STATUSES)


def refusal(nomination):
    """Why this entry may not become a case study (a message), or None when it may."""
    if not nomination.consent_case_study:
        return NO_CONSENT
    if nomination.status not in CASE_STUDY_STATUSES:
        return NOT_SELECTED
    return None


def may_become_case_study(nomination):
    return refusal(nomination) is None


def consent_withdrawn(page):
    """A case study made from an entry whose nominator no longer consents: it may not be
    published or shown. One query when it was made from an entry, none otherwise."""
    if page.source_nomination_id is None:
        return False
    return not Nomination.objects.filter(
        pk=page.source_nomination_id, consent_case_study=True
    ).exists()


# Who may make a case study from an entry: editors and administrators -------------------------
can_make_case_study = is_active & (is_superuser | is_editor_or_administrator)

rules.add_perm("library.make_case_study", can_make_case_study)
