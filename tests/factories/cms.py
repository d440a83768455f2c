"""Factories of the cms's own records: partners and their sponsor members, open-letter and
pledge signatures. Signers' addresses are `signer-N@test.example`, apart from the demo's."""

import uuid

import factory

from cms.models import OpenLetterSignature, Partner, PledgeSignature, SponsorMember
from tests.factories.accounts import UserFactory


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
