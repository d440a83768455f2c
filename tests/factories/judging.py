"""Factories of the judging record: rubrics, judges and their panels, rounds, assignments,
scoresheets and their scores, conflicts and their clearances, moderation notes, decisions and
certificates (with their signatories and batches); and `judged`, a scored assignment in one
call.

Judges' accounts are `judge-N@test.example` unless given, apart from the demo's judges."""

from datetime import timedelta

import factory
from django.utils import timezone, translation

from judging.certificates.issuing import new_code
from judging.certificates.kinds import KINDS
from judging.models import (
    Assignment,
    CategoryRubric,
    Certificate,
    CertificateBatch,
    CertificateKind,
    Conflict,
    ConflictClearance,
    Criterion,
    CriterionScore,
    JudgeProfile,
    ModerationNote,
    PanelMembership,
    Round,
    RoundDecision,
    RoundKind,
    Rubric,
    ScaleLevel,
    Scoresheet,
    ScoresheetStatus,
    Signatory,
)
from judging.scoring.sheet_figures import mark_submitted
from nominations.choices import NominationStatus
from tests.factories.accounts import UserFactory, add_to_groups
from tests.factories.nominations import AwardCycleFactory, NominationFactory

DESCRIPTORS = ["Poor", "Fair", "Good", "Very good", "Outstanding"]


def _levels(scale):
    levels = []
    for value in range(scale[0], scale[1] + 1):
        descriptor = DESCRIPTORS[value - scale[0]] if scale == (1, 5) else f"Level {value}"
        levels.append(ScaleLevel(sort_order=value, value=value, descriptor_en=descriptor))
    return levels


class RubricFactory(factory.django.DjangoModelFactory):
    """A rubric saved with its criteria (`weights`, 50/30/20 unless given, named "Criterion 1"
    and on) and a descriptor for every level of its `scale` (1-5 unless given), as every path
    saves one (the weights add up to 100: Rubric.save)."""

    class Meta:
        model = Rubric

    class Params:
        weights = (50, 30, 20)
        scale = (1, 5)

    name = "Test rubric"
    scale_min = factory.LazyAttribute(lambda rubric: rubric.scale[0])
    scale_max = factory.LazyAttribute(lambda rubric: rubric.scale[1])
    criteria = factory.LazyAttribute(
        lambda rubric: [
            Criterion(sort_order=order, name_en=f"Criterion {order + 1}", weight=weight)
            for order, weight in enumerate(rubric.weights)
        ]
    )
    levels = factory.LazyAttribute(lambda rubric: _levels(rubric.scale))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Saved with its criteria and levels in one go (modelcluster), as the admin saves one.
        rubric = model_class(*args, **kwargs)
        rubric.save()
        return rubric


class JudgeUserFactory(UserFactory):
    """A judge's account: in the Judges group, named after its address ("ada@..." is Ada
    Judge)."""

    first_name = factory.LazyAttribute(lambda user: user.email.split("@")[0].title())
    last_name = "Judge"

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        """The Judges group, and any other named."""
        add_to_groups(user, ["Judges", *(extracted or ())])


class PanelMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelMembership

    judge = factory.SubFactory("tests.factories.judging.JudgeProfileFactory")
    cycle = factory.SubFactory(AwardCycleFactory)
    category = None


class JudgeProfileFactory(factory.django.DjangoModelFactory):
    """A judge (account `email`, organisation "Independent" unless given), on the panel of
    `cycle` (and of `category` in it) when one is given."""

    class Meta:
        model = JudgeProfile
        skip_postgeneration_save = True

    class Params:
        email = factory.Sequence(lambda n: f"judge-{n}@test.example")
        cycle = None
        category = None

    user = factory.SubFactory(JudgeUserFactory, email=factory.SelfAttribute("..email"))
    organisation = "Independent"
    panel = factory.Maybe(
        "cycle",
        yes_declaration=factory.RelatedFactory(
            PanelMembershipFactory,
            factory_related_name="judge",
            cycle=factory.SelfAttribute("..cycle"),
            category=factory.SelfAttribute("..category"),
        ),
    )


class RoundFactory(factory.django.DjangoModelFactory):
    """A screening round open since yesterday and for ten more days (scores due in nine), of
    eligible entries, two judges per entry."""

    class Meta:
        model = Round

    class Params:
        now = factory.LazyFunction(timezone.now)

    cycle = factory.SubFactory(AwardCycleFactory)
    rubric = factory.SubFactory(RubricFactory)
    name_en = "Screening"
    kind = RoundKind.SCREENING
    opens_at = factory.LazyAttribute(lambda round: round.now - timedelta(days=1))
    closes_at = factory.LazyAttribute(lambda round: round.now + timedelta(days=10))
    scores_due_on = factory.LazyAttribute(lambda round: (round.now + timedelta(days=9)).date())
    entering_statuses = factory.LazyFunction(lambda: [NominationStatus.ELIGIBLE])
    judges_per_entry = 2


class CategoryRubricFactory(factory.django.DjangoModelFactory):
    """A category of the round scored on a rubric of its own."""

    class Meta:
        model = CategoryRubric

    round = factory.SubFactory(RoundFactory)
    category = factory.SubFactory(
        "tests.factories.nominations.CategoryFactory", cycle=factory.SelfAttribute("..round.cycle")
    )
    rubric = factory.SubFactory(RubricFactory)


class AssignmentFactory(factory.django.DjangoModelFactory):
    """The judge's assignment to the entry in the round, due when the round's scores are."""

    class Meta:
        model = Assignment

    round = factory.SubFactory(RoundFactory)
    nomination = factory.SubFactory(
        NominationFactory, category__cycle=factory.SelfAttribute("...round.cycle")
    )
    judge = factory.SubFactory(JudgeProfileFactory)
    due_on = factory.LazyAttribute(lambda assignment: assignment.round.scores_due_on)


class ScoresheetFactory(factory.django.DjangoModelFactory):
    """A scoresheet written straight to the database: `scores` are (criterion, score, comment)
    triples; a submitted sheet (`status=ScoresheetStatus.SUBMITTED`) gets its results figures
    as scoring.submit stores them."""

    class Meta:
        model = Scoresheet

    assignment = factory.SubFactory(AssignmentFactory)
    status = ScoresheetStatus.DRAFT
    scores = ()

    @classmethod
    def _create(cls, model_class, *args, status, scores, **fields):
        sheet = model_class.objects.create(*args, **fields)
        CriterionScore.objects.bulk_create(
            CriterionScore(scoresheet=sheet, criterion=criterion, score=score, comment=comment)
            for criterion, score, comment in scores
        )
        if status == ScoresheetStatus.SUBMITTED:
            submitted_at = fields.get("submitted_at") or timezone.now()
            mark_submitted(model_class.objects.filter(pk=sheet.pk), submitted_at=submitted_at)
            sheet.refresh_from_db()
        return sheet


class CriterionScoreFactory(factory.django.DjangoModelFactory):
    """A score (3 unless given) on a criterion of the sheet's rubric (its first unless given)."""

    class Meta:
        model = CriterionScore

    scoresheet = factory.SubFactory(ScoresheetFactory)
    criterion = factory.LazyAttribute(
        lambda score: score.scoresheet.assignment.round.rubric.criteria.first()
    )
    score = 3


def judged(round, nomination, judge, scores, status=ScoresheetStatus.SUBMITTED, **fields):
    """The judge's assignment to the entry (made unless it exists) with a scoresheet holding
    `scores` (one per criterion of the entry's rubric, in order; None leaves a criterion
    unscored), submitted unless `status` says otherwise. Extra fields: comments (list),
    overall_comment, recommendation ("yes" unless given)."""
    assignment = Assignment.objects.filter(round=round, nomination=nomination, judge=judge).first()
    if assignment is None:
        assignment = AssignmentFactory(round=round, nomination=nomination, judge=judge)
    comments = fields.pop("comments", None) or [""] * len(scores)
    fields.setdefault("recommendation", "yes")
    criteria = list(round.rubric_for(nomination.category_id).criteria.all())
    assert len(criteria) == len(scores), "one score per criterion"
    return ScoresheetFactory(
        assignment=assignment,
        status=status,
        scores=zip(criteria, scores, comments, strict=True),
        **fields,
    )


class ConflictFactory(factory.django.DjangoModelFactory):
    """A conflict the judge declared with one entry of the cycle."""

    class Meta:
        model = Conflict

    judge = factory.SubFactory(JudgeProfileFactory)
    nomination = factory.SubFactory(NominationFactory)
    cycle = factory.SelfAttribute("nomination.cycle")


class RoundDecisionFactory(factory.django.DjangoModelFactory):
    """An outcome decided for an entry of the round (without the record decisions.decide
    keeps: for a decision as the admin takes it, call decisions.decide)."""

    class Meta:
        model = RoundDecision

    round = factory.SubFactory(RoundFactory)
    nomination = factory.SubFactory(
        NominationFactory, category__cycle=factory.SelfAttribute("...round.cycle")
    )
    outcome = "winner"


class ConflictClearanceFactory(factory.django.DjangoModelFactory):
    """An administrator's word that the judge's likely conflict with the entry is not one."""

    class Meta:
        model = ConflictClearance

    judge = factory.SubFactory(JudgeProfileFactory)
    nomination = factory.SubFactory(NominationFactory)


class ModerationNoteFactory(factory.django.DjangoModelFactory):
    """An administrator's note on an entry of the round."""

    class Meta:
        model = ModerationNote

    round = factory.SubFactory(RoundFactory)
    nomination = factory.SubFactory(
        NominationFactory, category__cycle=factory.SelfAttribute("...round.cycle")
    )
    text = "Check the figures with the panel."


def _award(kind):
    # What issuing copies into `award_en`: the kind's award in English.
    with translation.override("en"):
        return str(KINDS[kind].award)


class CertificateFactory(factory.django.DjangoModelFactory):
    """A valid certificate issued to an entry (a winner's unless `kind` says otherwise), with
    the texts issuing copies in English, before any PDF is rendered. For a judge's, see
    JudgeCertificateFactory; for certificates as a round's results call for them, call
    judging.certificates.issuing."""

    class Meta:
        model = Certificate

    code = factory.LazyFunction(new_code)
    kind = CertificateKind.WINNER
    nomination = factory.SubFactory(NominationFactory)
    cycle = factory.SelfAttribute("nomination.cycle")
    recipient_name = factory.LazyAttribute(
        lambda certificate: certificate.nomination.organisation_name
    )
    award_en = factory.LazyAttribute(lambda certificate: _award(certificate.kind))
    cycle_name_en = factory.LazyAttribute(lambda certificate: certificate.cycle.name_en)


class JudgeCertificateFactory(CertificateFactory):
    """A judge's certificate of appreciation for a cycle."""

    kind = CertificateKind.JUDGE
    nomination = None
    judge = factory.SubFactory(JudgeProfileFactory)
    cycle = factory.SubFactory(AwardCycleFactory)
    recipient_name = factory.LazyAttribute(
        lambda certificate: certificate.judge.user.get_full_name()
    )


class CertificateBatchFactory(factory.django.DjangoModelFactory):
    """A batch of the round's certificates, queued (unless `status` says otherwise)."""

    class Meta:
        model = CertificateBatch

    round = factory.SubFactory(RoundFactory)


class SignatoryFactory(factory.django.DjangoModelFactory):
    """Who signs the cycle's certificates, first (`sort_order` 0) unless told, without a scanned
    signature."""

    class Meta:
        model = Signatory

    cycle = factory.SubFactory(AwardCycleFactory)
    name = factory.Sequence(lambda n: f"Signatory {n}")
    title_en = "Chair of the jury"
