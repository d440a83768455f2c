"""Whom a campaign email goes to: the confirmed subscribers of the page's language, narrowed by
its country and audience. Roles are read from what people did with the same address (a sent
nomination, a confirmed signature), never from what they said of themselves."""

from django.db.models import Exists, OuterRef

from cms.campaigns.models import CampaignDelivery, Subscriber
from cms.choices import Audience
from cms.signing.models import OpenLetterSignature, PledgeSignature
from nominations.models import Nomination


def _has_nominated():
    return Exists(Nomination.objects.submitted().filter(nominator__email__iexact=OuterRef("email")))


def _has_signed():
    return Exists(
        PledgeSignature.objects.confirmed().filter(email__iexact=OuterRef("email"))
    ) | Exists(OpenLetterSignature.objects.confirmed().filter(email__iexact=OuterRef("email")))


def segment(page):
    """Every subscriber the campaign `page` is for, sent already or not."""
    subscribers = Subscriber.objects.consenting().filter(language=page.locale.language_code)
    if page.country:
        subscribers = subscribers.filter(country=page.country)
    if page.audience == Audience.NOMINATORS:
        subscribers = subscribers.filter(_has_nominated())
    elif page.audience == Audience.SIGNATORIES:
        subscribers = subscribers.filter(_has_signed())
    elif page.audience == Audience.OTHERS:
        subscribers = subscribers.exclude(_has_nominated()).exclude(_has_signed())
    return subscribers


def waiting(page):
    """The subscribers of the segment this campaign has not been sent (nor claimed) for."""
    return segment(page).exclude(
        Exists(CampaignDelivery.objects.filter(page=page, subscriber=OuterRef("pk")))
    )
