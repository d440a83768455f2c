"""A withdrawn consent takes the entry's case study off the site (issue 17).

nominations sends `case_study_consent_withdrawn` (nominations/mine/signals.py) after the withdrawal
commits; `unpublish_withdrawn` unpublishes the entry's case studies in every language and asks
a task to email the editors. While the consent stays withdrawn the page is not published again
(wagtail_hooks.py, `before_publish_page`) nor shown (models.py)."""

import logging

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from library.cases.models import CaseStudyPage
from library.cases.rules import consent_withdrawn

logger = logging.getLogger(__name__)

REPUBLISH_REFUSED = _(
    "This case study cannot be published: the nominator of the entry it was made from has "
    "withdrawn consent. Keep it as a draft, or delete it."
)


def case_studies_of(nomination):
    """The entry's case studies and all their translations."""
    made = CaseStudyPage.objects.filter(source_nomination=nomination)
    keys = made.values_list("translation_key", flat=True)
    return CaseStudyPage.objects.filter(translation_key__in=list(keys))


def unpublish_withdrawn(nomination):
    """Unpublish the entry's case studies (every translation); the editors are emailed about
    those that were live. Returns the pages unpublished."""
    unpublished = []
    with transaction.atomic():
        for page in case_studies_of(nomination).filter(live=True):
            page.unpublish(log_action="wagtail.unpublish")
            unpublished.append(page)
    if unpublished:
        from library.cases.tasks import tell_editors_consent_withdrawn

        pks = [page.pk for page in unpublished]
        transaction.on_commit(lambda: tell_editors_consent_withdrawn.enqueue(pks))
        logger.info("case studies unpublished, consent withdrawn: %d pages", len(pks))
    return unpublished


def on_consent_withdrawn(sender, nomination, **kwargs):
    unpublish_withdrawn(nomination)


def connect():
    from nominations.mine.signals import case_study_consent_withdrawn

    case_study_consent_withdrawn.connect(on_consent_withdrawn, dispatch_uid="library.cases")


def publishing_refused(page):
    """The message refusing to publish this page, or None when it may be published."""
    if isinstance(page, CaseStudyPage) and consent_withdrawn(page):
        return REPUBLISH_REFUSED
    return None
