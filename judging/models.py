"""Judging: rubrics, rounds, judges and their panels, conflicts, assignments, scoresheets,
moderation notes and the decisions a round's results lead to.

The rules live in named modules beside this one (assignment.py, assignment_run.py, scoring.py,
conflicts.py, results.py, decisions.py); the models hold data and the small questions about it.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from awards_site.countries import COUNTRY_CHOICES
from awards_site.i18n import localised
from judging.rubrics.rules import weights_problem
from nominations.choices import NominationStatus
from nominations.models import AwardCycle, Category, Nomination, NominationVersion


class Rubric(ClusterableModel):
    """What judges score: weighted criteria on one scale, with a descriptor for every level.

    The criteria's weights add up to 100, a rule of the model: a rubric is saved with its
    criteria (modelcluster: the admin's form, a copy, the demo, code), and `save` refuses
    weights that do not add up (`WeightsDoNotAddUp`, a ValidationError), writing nothing.
    """

    name = models.CharField(_("name"), max_length=120)
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=1)
    scale_max = models.PositiveSmallIntegerField(
        _("highest score"), default=5, validators=[MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scale_max__gt=models.F("scale_min")),
                name="rubric_scale_has_a_range",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def scale(self):
        return range(self.scale_min, self.scale_max + 1)

    def weights_problem(self):
        """The message when the criteria this rubric holds (those given to it, not saved yet,
        or else those saved) do not add up to 100, else None."""
        return weights_problem([criterion.weight for criterion in self.criteria.all()])

    def save(self, *args, **kwargs):
        problem = self.weights_problem()
        if problem:
            raise WeightsDoNotAddUp(problem, code="weights")
        super().save(*args, **kwargs)


class WeightsDoNotAddUp(ValidationError):
    """A rubric whose criteria's weights do not add up to 100 was about to be saved."""


class Criterion(Orderable):
    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120, blank=True)
    guidance_en = models.TextField(_("guidance for judges (English)"), blank=True)
    guidance_fr = models.TextField(_("guidance for judges (French)"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight (%)"),
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The weights of a rubric's criteria add up to 100."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localised(self, "name")

    @property
    def guidance(self):
        return localised(self, "guidance")


class ScaleLevel(Orderable):
    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="levels")
    value = models.SmallIntegerField(_("score"))
    descriptor_en = models.CharField(_("what it means (English)"), max_length=200)
    descriptor_fr = models.CharField(_("what it means (French)"), max_length=200, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("scale level")
        verbose_name_plural = _("scale levels")
        constraints = [
            models.UniqueConstraint(fields=["rubric", "value"], name="one_descriptor_per_level")
        ]

    def __str__(self):
        return gettext("%(label)s: %(value)s") % {"label": self.value, "value": self.descriptor}

    @property
    def descriptor(self):
        return localised(self, "descriptor")


class RoundKind(models.TextChoices):
    SCREENING = "screening", _("Screening (shortlist)")
    FINAL = "final", _("Final")


class ScoreVisibility(models.TextChoices):
    NEVER = "never", _("Never")
    AFTER_OWN = "after_own", _("After submitting their own scoresheet")
    AFTER_CLOSE = "after_close", _("After the round closes")


# Statuses a round may take entries from.
ENTERING_STATUS_CHOICES = [
    (status.value, status.label)
    for status in (NominationStatus.ELIGIBLE, NominationStatus.SHORTLISTED)
]


class Round(ClusterableModel):
    cycle = models.ForeignKey(
        AwardCycle, verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="rounds"
    )
    name_en = models.CharField(_("name (English)"), max_length=80)
    name_fr = models.CharField(_("name (French)"), max_length=80, blank=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=RoundKind.choices, default=RoundKind.SCREENING
    )
    rubric = models.ForeignKey(
        Rubric,
        verbose_name=_("rubric"),
        on_delete=models.PROTECT,
        related_name="rounds",
        help_text=_("Used for every category unless a category has its own rubric below."),
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(
        _("closes"), help_text=_("After this moment no scoresheet of the round can change.")
    )
    scores_due_on = models.DateField(
        _("scores due"), help_text=_("The due date given to new assignments.")
    )
    entering_statuses = models.JSONField(
        _("entries taken from nominations that are"),
        default=list,
        help_text=_("Screening usually takes eligible nominations; a final, shortlisted ones."),
    )
    judges_per_entry = models.PositiveSmallIntegerField(
        _("judges per entry"), default=3, validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    hide_nominator = models.BooleanField(
        _("hide who nominated"),
        default=True,
        help_text=_("Judges do not see the nominator or the contact person."),
    )
    score_visibility = models.CharField(
        _("judges see each other's scores"),
        max_length=12,
        choices=ScoreVisibility.choices,
        default=ScoreVisibility.AFTER_CLOSE,
    )
    entrant_feedback = models.BooleanField(
        _("share judges' comments with entrants"),
        default=False,
        help_text=_(
            "After the results are published, nominators read the judges' comments on their "
            "entry, without the judges' names."
        ),
    )
    disagreement_threshold = models.PositiveSmallIntegerField(
        _("disagreement flag (points)"),
        default=25,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "An entry is flagged when its highest and lowest weighted scores (0 to 100) are "
            "this far apart or more."
        ),
    )
    results_published_at = models.DateTimeField(
        _("results published"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("judging round")
        verbose_name_plural = _("judging rounds")
        ordering = ["cycle", "opens_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="round_closes_after_opening",
            )
        ]

    def __str__(self):
        return f"{self.cycle} – {self.name}"

    @property
    def name(self):
        return localised(self, "name")

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def is_closed(self, now=None):
        return (now or timezone.now()) >= self.closes_at

    @property
    def results_published(self):
        return self.results_published_at is not None

    def rubric_for(self, category_id):
        """The category's own rubric when it has one, else the round's."""
        for override in self.category_rubrics.all():
            if override.category_id == category_id:
                return override.rubric
        return self.rubric

    def entries(self):
        """The nominations this round judges."""
        return Nomination.objects.filter(cycle=self.cycle_id, status__in=self.entering_statuses)


class CategoryRubric(Orderable):
    round = ParentalKey(Round, on_delete=models.CASCADE, related_name="category_rubrics")
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.CASCADE)
    rubric = models.ForeignKey(Rubric, verbose_name=_("rubric"), on_delete=models.PROTECT)

    class Meta(Orderable.Meta):
        verbose_name = _("category rubric")
        verbose_name_plural = _("category rubrics")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "category"], name="one_rubric_per_round_category"
            )
        ]

    def __str__(self):
        return gettext("%(label)s: %(value)s") % {"label": self.category, "value": self.rubric}


class JudgeProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="judge_profile"
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES, blank=True)
    expertise = models.ManyToManyField(
        Category, verbose_name=_("expertise"), blank=True, related_name="expert_judges"
    )
    is_active = models.BooleanField(_("active"), default=True)
    invited_at = models.DateTimeField(_("invited"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("judge")
        verbose_name_plural = _("judges")
        ordering = ["user__email"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        from nominations.privacy import is_anonymised

        if is_anonymised(self.user):
            return gettext("Judge (deleted)")
        return self.user.get_full_name() or self.user.email


class PanelMembership(models.Model):
    """A judge sits on a cycle's panel, for one category or (without one) for all of them."""

    judge = models.ForeignKey(
        JudgeProfile,
        verbose_name=_("judge"),
        on_delete=models.CASCADE,
        related_name="panel_memberships",
    )
    cycle = models.ForeignKey(
        AwardCycle,
        verbose_name=_("cycle"),
        on_delete=models.CASCADE,
        related_name="panel_memberships",
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Leave empty for every category of the cycle."),
    )

    class Meta:
        verbose_name = _("panel membership")
        verbose_name_plural = _("panel memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["judge", "cycle", "category"], name="one_membership_per_category"
            ),
            models.UniqueConstraint(
                fields=["judge", "cycle"],
                condition=models.Q(category__isnull=True),
                name="one_whole_cycle_membership",
            ),
        ]

    def __str__(self):
        return f"{self.judge} – {self.category or self.cycle}"


class Conflict(models.Model):
    """A conflict a judge declared: with one entry, or with an organisation or a country for the
    whole cycle."""

    judge = models.ForeignKey(JudgeProfile, on_delete=models.CASCADE, related_name="conflicts")
    cycle = models.ForeignKey(AwardCycle, on_delete=models.CASCADE, related_name="+")
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("entry"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    declared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        ordering = ["-declared_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nomination__isnull=False)
                | ~models.Q(organisation="")
                | ~models.Q(country=""),
                name="conflict_names_what",
            )
        ]

    def __str__(self):
        subject = self.nomination or self.organisation or self.get_country_display()
        return f"{self.judge} – {subject}"


class ConflictClearance(models.Model):
    """An administrator's decision that a likely conflict (same organisation or email domain) is
    not one, for this judge and entry."""

    judge = models.ForeignKey(JudgeProfile, on_delete=models.CASCADE, related_name="clearances")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="+")
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    cleared_at = models.DateTimeField(default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["judge", "nomination"], name="one_clearance_per_pair")
        ]

    def __str__(self):
        return f"{self.judge} – {self.nomination}"


class Assignment(models.Model):
    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="assignments"
    )
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("entry"),
        on_delete=models.PROTECT,
        related_name="judge_assignments",
    )
    judge = models.ForeignKey(
        JudgeProfile,
        verbose_name=_("judge"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    due_on = models.DateField(_("due"))
    # The version of the entry the judge was given (the latest sent when assigned; the judge
    # may move to a newer one while their scoresheet is not submitted: portal_views.py).
    nomination_version = models.ForeignKey(
        NominationVersion,
        verbose_name=_("version given"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # The judge has seen the entry's name, country and category and said they have no conflict.
    conflict_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["due_on", "nomination__reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "nomination", "judge"], name="one_assignment_per_judge_entry"
            )
        ]
        indexes = [models.Index(fields=["judge", "round"])]

    def __str__(self):
        return f"{self.nomination} – {self.judge}"


class ScoresheetStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Recommendation(models.TextChoices):
    YES = "yes", _("Recommend")
    MAYBE = "maybe", _("Recommend with reservations")
    NO = "no", _("Do not recommend")


class Scoresheet(models.Model):
    assignment = models.OneToOneField(
        Assignment, on_delete=models.CASCADE, related_name="scoresheet"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ScoresheetStatus.choices,
        default=ScoresheetStatus.DRAFT,
        db_index=True,
    )
    overall_comment = models.TextField(_("overall comment"), blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=8, choices=Recommendation.choices, blank=True
    )
    # Optimistic concurrency: every save raises it; a save based on an older one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    # The version of the entry these scores are for (the assignment's, at each save).
    nomination_version = models.ForeignKey(
        NominationVersion,
        verbose_name=_("version scored"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    # What the sheet contributes to the results, stored when it is submitted and cleared when it
    # is reopened (judging/scoring/sheet_figures.py), so the results read sheets, not criterion
    # scores.
    weighted_score = models.FloatField(_("weighted score"), null=True, editable=False)
    top_criterion_score = models.SmallIntegerField(null=True, editable=False)
    top_scores = models.PositiveSmallIntegerField(null=True, editable=False)

    class Meta:
        verbose_name = _("scoresheet")
        verbose_name_plural = _("scoresheets")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="submitted") | models.Q(weighted_score__isnull=False),
                name="submitted_sheet_has_its_score",
            )
        ]

    def __str__(self):
        return str(self.assignment)

    @property
    def is_submitted(self):
        return self.status == ScoresheetStatus.SUBMITTED


class CriterionScore(models.Model):
    scoresheet = models.ForeignKey(Scoresheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    score = models.SmallIntegerField(_("score"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scoresheet", "criterion"], name="one_score_per_criterion"
            )
        ]

    def __str__(self):
        return gettext("%(label)s: %(value)s") % {"label": self.criterion, "value": self.score}


class ModerationNote(models.Model):
    """What administrators note while they moderate a round's results."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="moderation_notes")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("moderation note")
        verbose_name_plural = _("moderation notes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]


class Outcome(models.TextChoices):
    SHORTLISTED = NominationStatus.SHORTLISTED.value, NominationStatus.SHORTLISTED.label
    FINALIST = NominationStatus.FINALIST.value, NominationStatus.FINALIST.label
    MERIT = NominationStatus.MERIT.value, NominationStatus.MERIT.label
    WINNER = NominationStatus.WINNER.value, NominationStatus.WINNER.label


class RoundDecision(models.Model):
    """An outcome decided from a round's results. It becomes the nomination's status, and the
    nominator hears of it, when the round's results are published (decisions.py)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="decisions")
    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="round_decisions"
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.UniqueConstraint(fields=["round", "nomination"], name="one_decision_per_entry")
        ]

    def __str__(self):
        return gettext("%(label)s: %(value)s") % {
            "label": self.nomination,
            "value": self.get_outcome_display(),
        }


class PublishedResults(models.Model):
    """A round's results as they were published (results.record_published_results): every
    entry's figures and rank, kept so that what sponsors, exports and reports read afterwards is
    the published record, read in one row rather than computed again."""

    round = models.OneToOneField(
        Round, on_delete=models.CASCADE, primary_key=True, related_name="published_record"
    )
    entries = models.JSONField(encoder=DjangoJSONEncoder)
    # When the results were published (the round's results_published_at), not when this row
    # was written: a demo or an import may write it long after.
    published_at = models.DateTimeField(_("published"))

    class Meta:
        verbose_name = _("published results")
        verbose_name_plural = _("published results")

    def __str__(self):
        return str(self.round)


# Certificates ------------------------------------------------------------------------------------
# The rules are in certificates.py (what a round calls for, issuing, revoking, re-issuing) and
# certificate_pdf.py (the document); these models hold what was issued.


def private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class Signatory(models.Model):
    """A person who signs a cycle's certificates. At most three are printed, by order."""

    PRINTED = 3

    cycle = models.ForeignKey(
        AwardCycle,
        verbose_name=_("cycle"),
        on_delete=models.CASCADE,
        related_name="signatories",
    )
    name = models.CharField(_("name"), max_length=120)
    title_en = models.CharField(
        _("title (English)"), max_length=160, help_text=_("For example “Chair of the jury”.")
    )
    title_fr = models.CharField(
        _("title (French)"),
        max_length=160,
        blank=True,
        help_text=_(
            "For example “Présidente du jury”. Left empty, French certificates use the English "
            "title."
        ),
    )
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "A scan of the handwritten signature, ideally a PNG with a transparent background. "
            "Without one, the certificate shows a line above the name."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"),
        default=0,
        help_text=_("Certificates print the first three signatories of the cycle, in this order."),
    )

    class Meta:
        verbose_name = _("certificate signatory")
        verbose_name_plural = _("certificate signatories")
        ordering = ["cycle", "sort_order", "pk"]

    def __str__(self):
        return f"{self.name} ({self.cycle})"

    @property
    def title(self):
        return localised(self, "title")


class CertificateKind(models.TextChoices):
    WINNER = "winner", _("Winner")
    FINALIST = "finalist", _("Finalist")
    MERIT = "merit", _("Merit")
    PARTICIPATION = "participation", _("Participation")
    JUDGE = "judge", _("Judge appreciation")


class CertificateBatchStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


def batch_zip_path(instance, filename):
    return f"certificates/batches/{filename}"


class CertificateBatch(models.Model):
    """One "Issue certificates" act on a round: the certificates it covers are rendered in the
    background (tasks.issue_certificate_batch), then put in one ZIP."""

    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="certificate_batches"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CertificateBatchStatus.choices,
        default=CertificateBatchStatus.QUEUED,
    )
    total = models.PositiveIntegerField(_("certificates"), default=0)
    done = models.PositiveIntegerField(_("rendered"), default=0)
    zip = models.FileField(
        storage=private_storage, upload_to=batch_zip_path, max_length=200, blank=True
    )
    error = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # When the batch last moved (queued, a PDF recorded, the ZIP under way): a batch queued or
    # running that has not moved for BATCH_STALL_MINUTES lost its worker, and may be run again.
    progress_at = models.DateTimeField(_("last progress"), default=timezone.now)

    class Meta:
        verbose_name = _("certificate batch")
        verbose_name_plural = _("certificate batches")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        moment = date_format(timezone.localtime(self.created_at), "DATETIME_FORMAT")
        return f"{self.round} – {moment}"

    @property
    def finished(self):
        return self.status in (CertificateBatchStatus.DONE, CertificateBatchStatus.FAILED)

    @property
    def percent(self):
        return int(100 * self.done / self.total) if self.total else 100

    @property
    def stalled(self):
        """Queued or running without progress for settings.BATCH_STALL_MINUTES (15): the worker
        running it stopped (killed, restarted), so it would otherwise stay "running" forever."""
        if self.finished:
            return False
        minutes = getattr(settings, "BATCH_STALL_MINUTES", 15)
        return timezone.now() - self.progress_at > timedelta(minutes=minutes)

    def status_label(self):
        return _("Stalled") if self.stalled else self.get_status_display()


# The languages a certificate is issued in (the site's): each has its texts and its PDF fields
# on Certificate.
CERTIFICATE_LANGUAGES = [code for code, _name in settings.LANGUAGES]


def certificate_pdf_path(instance, filename):
    return f"certificates/{instance.cycle_id}/{filename}"


class Certificate(models.Model):
    """A certificate as issued: what it says is copied here, in English and in French, when it
    is issued, so its PDFs and the public verification page never change afterwards. Its holder
    downloads it in either language (`language`, the recipient's account language when it was
    issued, is the one batches render and zip); each language's PDF is rendered once and kept.
    Revoking keeps the row (the verification page then says "revoked"); re-issuing revokes it
    and makes a new one with a new code that `replaces` it."""

    code = models.CharField(_("code"), max_length=16, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=14, choices=CertificateKind.choices)
    cycle = models.ForeignKey(
        AwardCycle, verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="certificates"
    )
    round = models.ForeignKey(
        Round,
        verbose_name=_("round"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
    )
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("nomination"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
    )
    judge = models.ForeignKey(
        JudgeProfile,
        verbose_name=_("judge"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
    )
    # The recipient's language when it was issued: the PDF a batch renders and zips.
    language = models.CharField(_("language"), max_length=8, default="en")
    # What the certificate says, as it was when issued: names as written, the rest in each
    # language (`award`, `category` and `cycle_name` read the active language's).
    recipient_name = models.CharField(_("awarded to"), max_length=200)
    award_en = models.CharField(_("award (English)"), max_length=200)
    award_fr = models.CharField(_("award (French)"), max_length=200, blank=True)
    category_en = models.CharField(_("category (English)"), max_length=200, blank=True)
    category_fr = models.CharField(_("category (French)"), max_length=200, blank=True)
    initiative = models.CharField(_("initiative"), max_length=200, blank=True)
    cycle_name_en = models.CharField(_("cycle (English)"), max_length=80)
    cycle_name_fr = models.CharField(_("cycle (French)"), max_length=80, blank=True)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("replaces"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaced_by",
    )
    batch = models.ForeignKey(
        CertificateBatch,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
    )
    # Each language's PDF, rendered once (certificate_pdf.ensure_pdf) and kept; a re-issued
    # certificate has its own. Their sizes in bytes are shown on the download links (people on
    # slow connections decide).
    pdf_en = models.FileField(
        storage=private_storage, upload_to=certificate_pdf_path, max_length=200, blank=True
    )
    pdf_fr = models.FileField(
        storage=private_storage, upload_to=certificate_pdf_path, max_length=200, blank=True
    )
    pdf_size_en = models.PositiveIntegerField(null=True, blank=True, editable=False)
    pdf_size_fr = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "kind", "nomination"],
                condition=models.Q(revoked_at__isnull=True, nomination__isnull=False),
                name="one_valid_certificate_per_entry_and_kind",
            ),
            models.UniqueConstraint(
                fields=["cycle", "judge"],
                condition=models.Q(revoked_at__isnull=True, judge__isnull=False),
                name="one_valid_certificate_per_judge",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="judge", judge__isnull=False, nomination__isnull=True)
                    | (
                        ~models.Q(kind="judge")
                        & models.Q(judge__isnull=True, nomination__isnull=False)
                    )
                ),
                name="certificate_names_its_recipient",
            ),
        ]
        indexes = [models.Index(fields=["cycle", "kind"])]

    def __str__(self):
        return f"{self.display_code} – {self.recipient_name}"

    @property
    def award(self):
        return localised(self, "award")

    @property
    def category(self):
        return localised(self, "category")

    @property
    def cycle_name(self):
        return localised(self, "cycle_name")

    def pdf(self, language):
        """The stored PDF in that language (an empty file field before it is rendered)."""
        return getattr(self, f"pdf_{language}")

    def download_label_suffix(self, language):
        """ "(PDF, 182 KB)" once rendered in that language, "(PDF)" before: what a download
        link adds."""
        size = getattr(self, f"pdf_size_{language}")
        if self.pdf(language) and size:
            return gettext("(PDF, %(size)s)") % {"size": filesizeformat(size)}
        return gettext("(PDF)")

    def stored_pdfs(self):
        """[(language, file)] of the PDFs rendered so far."""
        return [
            (language, self.pdf(language))
            for language in CERTIFICATE_LANGUAGES
            if self.pdf(language)
        ]

    @property
    def display_code(self):
        """The code in groups of four, as printed: ABCD-EFGH-JKLM-NPQR."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    @property
    def is_valid(self):
        return self.revoked_at is None
