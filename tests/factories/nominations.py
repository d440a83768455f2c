"""Factories of award cycles, categories, nominations and their evidence.

A factory-made cycle's code is `FAC<N>` and its nominations are referenced `TST-KE-<number>`,
apart from the demo's cycles (CX26, CX27) that every test database holds (tests/conftest.py)."""

import hashlib
from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from nominations.choices import NominationStatus
from nominations.demo import minimal_pdf
from nominations.models import AwardCycle, Category, EvidenceFile, Nomination
from nominations.privacy.consents import record_declaration
from nominations.sending.references import assign_reference
from nominations.wizard.declaration import DECLARATION_VERSION
from tests.factories.accounts import UserFactory


class AwardCycleFactory(factory.django.DjangoModelFactory):
    """A cycle whose nominations closed ten days ago, after sixty days open."""

    class Meta:
        model = AwardCycle

    name_en = factory.Sequence(lambda n: f"Test cycle {n}")
    name_fr = factory.Sequence(lambda n: f"Prix test {n}")
    code = factory.Sequence(lambda n: f"FAC{n}")
    nominations_open_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=60))
    nominations_close_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    cycle = factory.SubFactory(AwardCycleFactory)
    name_en = factory.Sequence(lambda n: f"Category {n}")
    name_fr = factory.Sequence(lambda n: f"Catégorie {n}")


class NominationFactory(factory.django.DjangoModelFactory):
    """An entry: a nomination sent and found eligible (unless `status` says otherwise), by a
    nominator of its own. Its `number` (a sequence unless given) names its agency, its
    nominator `nominator<number>@agency<number>.example` and its reference `TST-KE-<number>`.
    The cycle is the category's unless given."""

    class Meta:
        model = Nomination

    class Params:
        number = factory.Sequence(lambda n: 6000 + n)

    category = factory.SubFactory(CategoryFactory)
    cycle = factory.SelfAttribute("category.cycle")
    nominator = factory.SubFactory(
        UserFactory,
        email=factory.LazyAttribute(
            lambda user: (
                f"nominator{user.factory_parent.number}@agency{user.factory_parent.number}.example"
            )
        ),
    )
    status = NominationStatus.ELIGIBLE
    reference = factory.LazyAttribute(lambda entry: f"TST-KE-{entry.number:04d}")
    submitted_at = factory.LazyFunction(timezone.now)
    organisation_name = factory.LazyAttribute(lambda entry: f"Agency {entry.number}")
    country = "KE"
    website = factory.LazyAttribute(lambda entry: f"https://agency{entry.number}.example")
    initiative_title = factory.LazyAttribute(lambda entry: f"Initiative {entry.number}")
    summary = "A summary."
    contact_name = factory.LazyAttribute(lambda entry: f"Contact {entry.number}")
    contact_email = factory.LazyAttribute(
        lambda entry: f"contact{entry.number}@agency{entry.number}.example"
    )


class DraftNominationFactory(factory.django.DjangoModelFactory):
    """A draft as "Start" leaves it: in the demo's current cycle (unless `cycle` is given), by a
    nominator of its own, nothing answered yet (give any answer as a field)."""

    class Meta:
        model = Nomination

    cycle = factory.LazyFunction(AwardCycle.objects.current)
    nominator = factory.SubFactory(UserFactory)


class EvidenceFileFactory(factory.django.DjangoModelFactory):
    """A one-page PDF saying `text` ("Evidence"), attached to the nomination."""

    class Meta:
        model = EvidenceFile

    class Params:
        text = "Evidence"
        content = factory.LazyAttribute(lambda evidence: minimal_pdf(evidence.text))

    nomination = factory.SubFactory(NominationFactory)
    file = factory.LazyAttribute(lambda evidence: ContentFile(evidence.content, "evidence.pdf"))
    original_name = "report.pdf"
    kind = "pdf"
    size = factory.LazyAttribute(lambda evidence: len(evidence.content))
    sha256 = factory.LazyAttribute(lambda evidence: hashlib.sha256(evidence.content).hexdigest())


class DeclaredNominationFactory(factory.django.DjangoModelFactory):
    """A nomination as its nominator leaves the wizard: every personal field filled (`tag`
    names its organisation, contact and initiative: "A" unless given), the declaration accepted
    (and its consent recorded) and `files` pieces of evidence (1 unless given), in the first
    category of `cycle` (the demo's current cycle unless given). Sent (`status`, submitted
    unless given) ones get a reference like the real submission; a draft stays a draft."""

    class Meta:
        model = Nomination

    cycle = factory.LazyFunction(AwardCycle.objects.current)
    nominator = factory.SubFactory(UserFactory)
    category = factory.LazyAttribute(lambda nomination: nomination.cycle.categories.first())
    status = NominationStatus.SUBMITTED
    tag = "A"
    files = 1
    relation = "self"
    eligibility_confirmed = True
    organisation_name = factory.LazyAttribute(lambda nomination: f"Organisation {nomination.tag}")
    organisation_kind = "agency"
    country = "KE"
    city = "Nairobi"
    website = "https://www.example.gov"
    contact_name = factory.LazyAttribute(lambda nomination: f"Contact {nomination.tag} Person")
    contact_role = "Director of customer service"
    contact_email = factory.LazyAttribute(
        lambda nomination: f"contact-{nomination.tag.lower()}@example.gov"
    )
    contact_phone = "+254 700 000 000"
    initiative_title = factory.LazyAttribute(lambda nomination: f"Initiative {nomination.tag}")
    summary = "Citizens get many services in one place."
    results = "Waiting fell from five days to one."
    nps_before = -12
    nps_after = 41
    declaration_version = DECLARATION_VERSION
    declaration_language = "en"
    wizard_state = factory.LazyFunction(
        lambda: {"step_data": {"contact": {"contact-contact_name": ["Typed Name"]}}}
    )

    @classmethod
    def _create(cls, model_class, *args, status, tag, files, **fields):
        nomination = model_class.objects.create(*args, **fields)
        nomination.declaration_accepted_at = nomination.created_at
        if status != NominationStatus.DRAFT:
            nomination.status = status
            nomination.submitted_at = nomination.created_at
            nomination.reference = assign_reference(nomination)
        nomination.save()
        record_declaration(nomination)
        for number in range(files):
            EvidenceFileFactory(nomination=nomination, text=f"{tag} evidence {number}")
        return nomination
