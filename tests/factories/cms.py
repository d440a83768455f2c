"""Factories of the cms's own records: partners and their sponsor members, open-letter and
pledge signatures, winners' stories; and of the Wagtail documents editors upload. Signers'
addresses are `signer-N@test.example`, apart from the demo's."""

import uuid

import factory
from wagtail.documents import get_document_model

from cms.models import OpenLetterSignature, Partner, PledgeSignature, SponsorMember
from cms.winners.models import WinnersPage, WinnerStory
from nominations.choices import NominationStatus
from tests.factories.accounts import UserFactory
from tests.factories.nominations import NominationFactory


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Test partner {n}")
    tier = "supporter"


class SponsorMemberFactory(factory.django.DjangoModelFactory):
    """An account that reads its partner's sponsor reports."""

    class Meta:
        model = SponsorMember

    user = factory.SubFactory(UserFactory)
    partner = factory.SubFactory(PartnerFactory)


class SignatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    page_key = factory.LazyFunction(uuid.uuid4)
    name = factory.Sequence(lambda n: f"Signer {n}")
    email = factory.Sequence(lambda n: f"signer-{n}@test.example")
    country = "GH"


class OpenLetterSignatureFactory(SignatureFactory):
    class Meta:
        model = OpenLetterSignature


class PledgeSignatureFactory(SignatureFactory):
    class Meta:
        model = PledgeSignature

    kind = "individual"


class WinnerStoryFactory(factory.django.DjangoModelFactory):
    """A story on the demo's English winners page (unless `page` is given) about a winner of
    the page's cycle."""

    class Meta:
        model = WinnerStory

    page = factory.LazyFunction(lambda: WinnersPage.objects.get(locale__language_code="en"))
    nomination = factory.SubFactory(
        NominationFactory,
        status=NominationStatus.WINNER,
        category__cycle=factory.SelfAttribute("...page.cycle"),
    )
    story = "<p>How citizens now get the service in one visit.</p>"


class DocumentFactory(factory.django.DjangoModelFactory):
    """A document in the root collection: a tiny PDF named `rules.pdf` (give `file__filename`
    and `file__data` for another)."""

    class Meta:
        model = get_document_model()

    title = "Rules"
    file = factory.django.FileField(filename="rules.pdf", data=b"%PDF-1.4\n%%EOF\n")
