"""The models Django loads for the nominations app: nominations and their evidence files, the
consents and deletion requests of the people who nominate (privacy/); award cycles and their
categories (cycles/models.py) and what sending records (sending/models.py) are imported here."""

import uuid

from django.conf import settings
from django.contrib.admin import display as admin_display
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awards_site.vocabularies.countries import COUNTRY_CHOICES, country_name
from nominations.choices import (
    CHANGEABLE_STATUSES,
    ConsentPurpose,
    DeletionRequestStatus,
    NominationStatus,
    OrganisationKind,
    Relation,
    TimeUnit,
)
from nominations.cycles.models import (  # noqa: F401  (Django loads the app's models from here)
    AwardCycle,
    AwardCycleQuerySet,
    Category,
    CycleState,
)
from nominations.sending.models import (  # noqa: F401  (Django loads the app's models from here)
    NominationVersion,
    ReferenceCounter,
)
from nominations.statuses import STATUSES, status_choices
from nominations.validators import MaxWordsValidator

# Word limits of the narrative, shown beside each question and enforced on save.
WORD_LIMITS = {
    "summary": 150,
    "challenge": 300,
    "actions_people": 200,
    "actions_process": 200,
    "actions_technology": 200,
    "results": 300,
    "citizen_impact": 250,
    "sustainability": 200,
}


def narrative_field(label, name, help_text):
    return models.TextField(
        label, blank=True, help_text=help_text, validators=[MaxWordsValidator(WORD_LIMITS[name])]
    )


class NominationQuerySet(models.QuerySet):
    def for_nominator(self, user):
        return self.filter(nominator=user)

    def submitted(self):
        return self.exclude(status__in=STATUSES.values(sent=False))


class Nomination(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(_("reference"), max_length=20, unique=True, null=True, blank=True)
    cycle = models.ForeignKey(
        AwardCycle, verbose_name=_("cycle"), on_delete=models.PROTECT, related_name="nominations"
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=status_choices,
        default=NominationStatus.DRAFT,
        db_index=True,
    )
    status_reason = models.TextField(_("reason for the decision"), blank=True)
    nominator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("nominated by"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    relation = models.CharField(
        _("your relation to the organisation"), max_length=20, choices=Relation.choices, blank=True
    )
    eligibility_confirmed = models.BooleanField(
        _("the organisation meets the eligibility rules"), default=False
    )

    # The nominee organisation
    organisation_name = models.CharField(_("organisation name"), max_length=200, blank=True)
    organisation_kind = models.CharField(
        _("kind of organisation"), max_length=20, choices=OrganisationKind.choices, blank=True
    )
    country = models.CharField(
        _("country"), max_length=2, choices=COUNTRY_CHOICES, blank=True, db_index=True
    )
    city = models.CharField(_("city or region"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)

    # Contact person at the organisation
    contact_name = models.CharField(_("full name"), max_length=160, blank=True)
    contact_role = models.CharField(_("job title"), max_length=160, blank=True)
    contact_email = models.EmailField(_("email address"), blank=True)
    contact_phone = models.CharField(_("phone number"), max_length=40, blank=True)

    # The initiative
    initiative_title = models.CharField(_("name of the initiative"), max_length=200, blank=True)
    summary = narrative_field(
        _("summary"), "summary", _("What the initiative is, in a few sentences.")
    )
    challenge = narrative_field(
        _("the challenge"),
        "challenge",
        _("What was wrong for citizens before, and why it mattered."),
    )
    actions_people = narrative_field(
        _("what was done: people"), "actions_people", _("Training, roles, culture, leadership.")
    )
    actions_process = narrative_field(
        _("what was done: process"),
        "actions_process",
        _("Steps removed, service standards, complaints handling."),
    )
    actions_technology = narrative_field(
        _("what was done: technology"), "actions_technology", _("Channels, systems, data.")
    )
    results = narrative_field(
        _("results"), "results", _("What changed, with figures where you have them.")
    )
    # Results measured by the citizen feedback platform, frozen when the nominator attached them
    # (figures, intervals, answer counts, period; nominations/evidence.py): the nominator cannot
    # edit them, judges see them labelled "measured by the platform".
    measured_results = models.JSONField(
        _("measured results"), null=True, blank=True, editable=False
    )
    citizen_impact = narrative_field(
        _("impact on citizens"),
        "citizen_impact",
        _("What citizens and businesses gained, in their words if you can."),
    )
    sustainability = narrative_field(
        _("sustainability"), "sustainability", _("How the improvement will last and spread.")
    )

    # CX metrics (all optional)
    baseline_period = models.CharField(
        _("period measured before"),
        max_length=40,
        blank=True,
        help_text=_("For example “January to June 2024”."),
    )
    latest_period = models.CharField(
        _("period measured after"),
        max_length=40,
        blank=True,
        help_text=_("For example “January to June 2025”."),
    )
    nps_before = models.SmallIntegerField(
        _("Net Promoter Score before"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-100), MaxValueValidator(100)],
    )
    nps_after = models.SmallIntegerField(
        _("Net Promoter Score after"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-100), MaxValueValidator(100)],
    )
    customer_effort_score = models.DecimalField(
        _("Customer Effort Score"),
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(7)],
    )
    first_contact_resolution = models.DecimalField(
        _("first-contact resolution (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    turnaround_before = models.DecimalField(
        _("turnaround time before"),
        max_digits=7,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    turnaround_after = models.DecimalField(
        _("turnaround time after"),
        max_digits=7,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    turnaround_unit = models.CharField(
        _("turnaround measured in"), max_length=10, choices=TimeUnit.choices, default=TimeUnit.DAYS
    )
    satisfaction = models.DecimalField(
        _("satisfaction (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    # Declaration and consent, stored with the text version and language they were given in
    declaration_accepted_at = models.DateTimeField(_("declaration accepted"), null=True, blank=True)
    declaration_version = models.CharField(max_length=20, blank=True)
    declaration_language = models.CharField(max_length=8, blank=True)

    # Consent to publish a case study of the initiative in the best-practice library (issue 17):
    # never given by default; withdrawn from "My nominations" (mine/case_study.py), which sends
    # `case_study_consent_withdrawn` (nominations/mine/signals.py) for the library to unpublish.
    consent_case_study = models.BooleanField(
        _("consent to publish a case study"), default=False, editable=False
    )
    consent_case_study_withdrawn_at = models.DateTimeField(
        _("case study consent withdrawn"), null=True, blank=True, editable=False
    )

    language = models.CharField(_("language"), max_length=8, default="en")
    deadline_extended_until = models.DateTimeField(
        _("extended deadline"),
        null=True,
        blank=True,
        help_text=_(
            "Lets this nomination be submitted or changed after "
            "the cycle's deadline, until this time."
        ),
    )
    # The awards team's message when it sent the nomination back for changes (eligibility.py);
    # cleared when the nominator sends the changes.
    changes_requested = models.TextField(_("changes asked for"), blank=True, editable=False)
    # Raised by every save of answers (and of evidence): a step form carries the revision it
    # was loaded from, so a save from a stale copy is noticed (drafts.py).
    revision = models.PositiveIntegerField(default=0, editable=False)
    # The tagged link (utm_campaign, utm_source) that brought the start (awards_site/reach/).
    campaign = models.CharField(_("campaign"), max_length=80, blank=True, editable=False)
    campaign_source = models.CharField(_("source"), max_length=80, blank=True, editable=False)
    # The wizard's storage (see wizard_storage.py): its place and input not saved yet.
    wizard_state = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, db_index=True)
    # Set when the contact details (and perhaps the evidence) were removed (privacy/).
    personal_data_removed_at = models.DateTimeField(
        _("personal data removed"), null=True, blank=True, editable=False
    )

    objects = NominationQuerySet.as_manager()
    # Wagtail's reference index would re-index the row on every save of a wizard step (four
    # queries each) to record its one reference to an indexed model, the category, which the
    # admin's list of nominations filters by anyway. The wizard saves most steps with an
    # UPDATE (wizard/drafts.py), which sends no signal, so the index could not be kept right.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["cycle", "status"])]

    def __str__(self):
        label = self.organisation_name or _("Untitled nomination")
        return f"{self.reference} – {label}" if self.reference else str(label)

    @admin_display(description=_("reference"), ordering="reference")
    def display_reference(self):
        return self.reference or _("(draft)")

    @property
    def country_name(self):
        return country_name(self.country) if self.country else ""

    @property
    def deadline(self):
        """The deadline shown to the nominator: the cycle's, or this nomination's extension."""
        return max(filter(None, [self.cycle.nominations_close_at, self.deadline_extended_until]))

    @property
    def is_sent(self):
        """Sent at least once (it has a reference and a first version), and not a draft."""
        return self.status != NominationStatus.DRAFT and self.submitted_at is not None

    @property
    def changes_until_judging(self):
        """Whether this nomination's changes close when judging starts (not at the deadline)."""
        return (
            self.status != NominationStatus.DRAFT
            and self.cycle.changes_until_judging
            and self.changes_until == self.cycle.judging_starts_at
        )

    @property
    def changes_until(self):
        """The moment shown to the nominator: until then they may change (a draft: send) this
        nomination. The deadline, or judging's start when the cycle says so for sent
        nominations; this nomination's extension when it goes later."""
        cycle = self.cycle
        if self.status != NominationStatus.DRAFT and cycle.changes_until_judging:
            until = cycle.judging_starts_at
        else:
            until = cycle.nominations_close_at
        return max(filter(None, [until, self.deadline_extended_until]))

    def changes_close_at(self):
        """The last moment a change is accepted: `changes_until`, with the grace minutes after
        a deadline (judging's start and an extension are exact)."""
        until = self.changes_until
        if until == self.cycle.nominations_close_at:
            return self.cycle.hard_deadline
        return until

    def accepts_changes(self, now=None):
        """True while the nominator may still submit, edit or withdraw: a draft, a sent or an
        eligible nomination, until `changes_close_at`."""
        now = now or timezone.now()
        if self.status not in CHANGEABLE_STATUSES:
            return False
        if now < self.cycle.nominations_open_at:
            return False
        return now <= self.changes_close_at()

    @property
    def is_draft(self):
        return self.status == NominationStatus.DRAFT


def evidence_storage():
    return storages["private"]


def evidence_path(instance, filename):
    # Generated names: the uploaded name is kept in `original_name`, never used on disk.
    return f"evidence/{instance.nomination.uuid}/{uuid.uuid4().hex}"


class EvidenceFile(models.Model):
    # What the wizard promises ("up to 10 MB each, 5 files at most"), enforced when a file is
    # attached, under the nomination's row lock (evidence.attach).
    MAX_FILES = 5
    MAX_BYTES = 10 * 1024 * 1024
    MAX_TOTAL_BYTES = MAX_FILES * MAX_BYTES

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(storage=evidence_storage, upload_to=evidence_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("type"), max_length=10)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


class Consent(models.Model):
    """A consent a person gave, with the text version and language they read it in, and when
    they withdrew it. Rows are never deleted: they are the record of what was agreed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    purpose = models.CharField(_("purpose"), max_length=40, choices=ConsentPurpose.choices)
    # The nomination a declaration was given for (kept empty once a draft is deleted).
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("nomination"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consents",
    )
    text_version = models.CharField(_("text version"), max_length=20)
    language = models.CharField(_("language"), max_length=8)
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at", "-pk"]

    def __str__(self):
        # No name or address: log entries keep this text after the person is anonymised.
        return f"{self.get_purpose_display()} #{self.pk}"

    @property
    def is_active(self):
        return self.withdrawn_at is None


class DeletionRequest(models.Model):
    """A person asked for their data to be deleted; an administrator completes or refuses it.
    Kept after completion (pointing at the anonymised account) as the record of the erasure."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="deletion_requests",
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now, editable=False)
    reason = models.TextField(_("reason given"), blank=True)
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("only this nomination"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty: everything about the person, and their account."),
    )
    # Set when the request was filed by withdrawing the declaration of a sent nomination.
    consent = models.ForeignKey(
        Consent,
        verbose_name=_("withdrawn consent"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DeletionRequestStatus.choices,
        default=DeletionRequestStatus.REQUESTED,
        db_index=True,
    )
    completed_at = models.DateTimeField(_("handled"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(
        _("note to the person"),
        blank=True,
        help_text=_("Shown to the person on their data page. Required when you refuse."),
    )

    class Meta:
        verbose_name = _("deletion request")
        verbose_name_plural = _("deletion requests")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="requested", nomination__isnull=True),
                name="one_open_account_deletion_request",
            ),
            models.UniqueConstraint(
                fields=["user", "nomination"],
                condition=models.Q(status="requested"),
                name="one_open_deletion_request_per_nomination",
            ),
        ]

    def __str__(self):
        # No name or address: log entries keep this text after the person is anonymised.
        return _("Deletion request #%(number)s") % {"number": self.pk}

    @property
    def is_open(self):
        return self.status == DeletionRequestStatus.REQUESTED
