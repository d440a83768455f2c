"""The feedback platform's records: public bodies (agencies) and their staff, the service points
citizens answer about, the answers, and the roll-ups every published figure is read from (each
point's days and months, each agency's months: docs/feedback.md)."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awards_site.site_url import path_to
from awards_site.vocabularies.countries import COUNTRY_CHOICES, country_name
from feedback import codes
from feedback.choices import (
    EFFORT_SCALE,
    POINT_KINDS,
    RECOMMEND_SCALE,
    SATISFACTION,
    AnswerStatus,
    Channel,
    CommentState,
    channel_choices,
    comment_status_choices,
    point_kind_choices,
    response_status_choices,
    sms_provider_choices,
)


class Agency(models.Model):
    """A public body whose service points take citizens' feedback."""

    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    poster_languages = models.JSONField(
        _("poster languages"),
        default=list,
        blank=True,
        help_text=_("The languages of its posters and counter cards (codes such as en, fr)."),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="AgencyMembership",
        related_name="feedback_agencies",
        verbose_name=_("staff"),
        blank=True,
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self):
        return f"{self.name} ({country_name(self.country)})"


class AgencyMembership(models.Model):
    """An account of the agency's staff."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agency_memberships"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("agency staff member")
        verbose_name_plural = _("agency staff members")
        constraints = [
            models.UniqueConstraint(fields=["agency", "user"], name="one_membership_per_agency")
        ]

    def __str__(self):
        return f"{self.user} – {self.agency.name}"


def _code_taken(code):
    return ServicePoint.objects.filter(code=code).exists()


class ServicePoint(models.Model):
    """Where citizens meet the agency: an office, a phone line, a website, an online service.
    Its code gives it a permanent public address, /feedback/<code>/."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="points", verbose_name=_("agency")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=point_kind_choices)
    name = models.CharField(_("name"), max_length=200)
    town = models.CharField(_("town"), max_length=100, blank=True)
    region = models.CharField(_("region"), max_length=100, blank=True)
    code = models.CharField(
        _("code"),
        max_length=8,
        unique=True,
        editable=False,
        help_text=_("Given when the point is created; its address never changes."),
    )
    active = models.BooleanField(
        _("takes answers"),
        default=True,
        help_text=_("A closed point keeps its address and results but takes no more answers."),
    )

    class Meta:
        ordering = ["agency__name", "name"]
        verbose_name = _("service point")
        verbose_name_plural = _("service points")

    def __str__(self):
        return f"{self.name} ({self.code})" if self.code else self.name

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = codes.new_code(_code_taken)
        moved_from = self._agency_in_database()
        with transaction.atomic():
            super().save(*args, **kwargs)
            if moved_from is not None and moved_from != self.agency_id:
                from feedback.giving.rollups import move_point_to_agency

                move_point_to_agency(self.pk, moved_from, self.agency_id)

    def get_absolute_url(self):
        return path_to("feedback:form", code=self.code)

    def _agency_in_database(self):
        if self.pk is None:
            return None
        return ServicePoint.objects.filter(pk=self.pk).values_list("agency_id", flat=True).first()

    @property
    def kind_label(self):
        """The kind's name from the vocabulary: `get_kind_display` reads every choice again
        (they are a callable), which a dashboard of 80 points did 80 times."""
        return POINT_KINDS.label(self.kind)


def _between(field, values):
    return Q(**{f"{field}__gte": min(values), f"{field}__lte": max(values)})


class Response(models.Model):
    """One citizen's answer about a service point. One per device, point and day (a later one
    the same day replaces it); the comment is stored scrubbed (feedback/scrubbing.py) and no
    address is kept, only `device_key`, a keyed hash that changes every day."""

    point = models.ForeignKey(ServicePoint, on_delete=models.CASCADE, related_name="responses")
    created_at = models.DateTimeField(default=timezone.now)
    satisfaction = models.PositiveSmallIntegerField(_("satisfaction"))
    effort = models.PositiveSmallIntegerField(_("ease (effort)"))
    resolved = models.BooleanField(_("resolved"))
    recommend = models.PositiveSmallIntegerField(_("likely to recommend"))
    comment = models.TextField(_("comment"), blank=True)
    device_key = models.CharField(max_length=64)
    day = models.DateField()
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=response_status_choices,
        default=AnswerStatus.COUNTED,
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    channel = models.CharField(
        _("channel"), max_length=10, choices=channel_choices, default=Channel.WEB
    )
    # Why the burst detector held it (empty for an answer counted at once).
    held_reason = models.CharField(_("why held"), max_length=200, blank=True)
    # The comment's moderation: shown publicly only once published by agency staff or editors.
    comment_status = models.CharField(
        _("comment status"),
        max_length=20,
        choices=comment_status_choices,
        default=CommentState.NONE,
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        # Editors moderate citizens' comments of every agency (cms/editors.py, docs/feedback.md).
        permissions = [("moderate_any_comment", _("Can moderate the comments of every agency"))]
        constraints = [
            models.UniqueConstraint(
                fields=["point", "device_key", "day"], name="one_response_per_device_a_day"
            ),
            models.CheckConstraint(
                condition=_between("satisfaction", [v for v, _label in SATISFACTION]),
                name="response_satisfaction_1_5",
            ),
            models.CheckConstraint(
                condition=_between("effort", EFFORT_SCALE), name="response_effort_1_7"
            ),
            models.CheckConstraint(
                condition=_between("recommend", RECOMMEND_SCALE), name="response_recommend_0_10"
            ),
        ]
        indexes = [
            models.Index(fields=["point", "day"]),
            models.Index(fields=["point", "comment_status"]),
            models.Index(fields=["status", "point"]),
        ]

    def __str__(self):
        return f"{self.point.code} {self.day}"


class RollupSums(models.Model):
    """What a point's counted answers add up to over a day or a month: every published figure
    is read from these rows, never from the answers (feedback/measures.py says how)."""

    SUMS = ("n", "satisfied", "effort_sum", "effort_squares", "resolved", "promoters", "detractors")

    n = models.PositiveIntegerField(default=0)
    satisfied = models.PositiveIntegerField(default=0)  # satisfaction 4 or 5
    effort_sum = models.PositiveIntegerField(default=0)
    effort_squares = models.PositiveIntegerField(default=0)  # for the CES interval
    resolved = models.PositiveIntegerField(default=0)
    promoters = models.PositiveIntegerField(default=0)  # recommend 9 or 10
    detractors = models.PositiveIntegerField(default=0)  # recommend 0 to 6

    class Meta:
        abstract = True

    @staticmethod
    def within_n(name):
        return models.CheckConstraint(
            condition=Q(satisfied__lte=F("n"))
            & Q(resolved__lte=F("n"))
            & Q(promoters__lte=F("n"))
            & Q(detractors__lte=F("n")),
            name=name,
        )


class DailyRollup(RollupSums):
    """One point's counted answers of one day: any period can be added up from these."""

    point = models.ForeignKey(ServicePoint, on_delete=models.CASCADE, related_name="rollups")
    day = models.DateField()

    class Meta:
        verbose_name = _("daily roll-up")
        verbose_name_plural = _("daily roll-ups")
        constraints = [
            models.UniqueConstraint(fields=["point", "day"], name="one_rollup_per_point_a_day"),
            RollupSums.within_n("rollup_counts_within_n"),
        ]

    def __str__(self):
        return f"{self.point.code} {self.day}: {self.n}"


class MonthlyRollup(RollupSums):
    """One point's counted answers of one month (`month` is its first day), moved with the
    daily roll-up in the same transaction: a period of whole months, such as the published
    last twelve, adds up a thirtieth of the rows (feedback/results.py)."""

    point = models.ForeignKey(
        ServicePoint, on_delete=models.CASCADE, related_name="monthly_rollups"
    )
    month = models.DateField()

    class Meta:
        verbose_name = _("monthly roll-up")
        verbose_name_plural = _("monthly roll-ups")
        constraints = [
            models.UniqueConstraint(fields=["point", "month"], name="one_rollup_per_point_a_month"),
            RollupSums.within_n("monthly_rollup_counts_within_n"),
        ]

    def __str__(self):
        return f"{self.point.code} {self.month:%Y-%m}: {self.n}"


class AgencyMonthlyRollup(RollupSums):
    """One agency's counted answers of one month: what its points' monthly roll-ups add up to,
    moved with them in the same transaction (feedback/giving/rollups.py). The country's median
    of agencies reads a row per agency instead of one per point."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="monthly_rollups")
    month = models.DateField()

    class Meta:
        verbose_name = _("agency's monthly roll-up")
        verbose_name_plural = _("agencies' monthly roll-ups")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "month"], name="one_rollup_per_agency_a_month"
            ),
            RollupSums.within_n("agency_rollup_counts_within_n"),
        ]

    def __str__(self):
        return f"{self.agency} {self.month:%Y-%m}: {self.n}"


class Reply(models.Model):
    """The agency's public answer to a citizen's comment, published beside it once the comment
    is published (as Care Opinion does)."""

    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="reply")
    text = models.TextField(_("reply"), max_length=2000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self):
        return f"{self.response} reply"


class SmsGateway(models.Model):
    """An SMS gateway (Africa's Talking, RapidPro) whose inbound messages are answers. It
    proves who it is with its own secret; only a digest of the secret is stored."""

    name = models.CharField(_("name"), max_length=100)
    provider = models.CharField(_("provider"), max_length=20, choices=sms_provider_choices)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES)
    number = models.CharField(
        _("number or short code"),
        max_length=20,
        help_text=_("What citizens text; printed on the posters of the country's points."),
    )
    secret_digest = models.CharField(max_length=64, editable=False)
    api_username = models.CharField(
        _("API user name"),
        max_length=100,
        blank=True,
        help_text=_(
            "Africa's Talking only: the account's user name, to send the replies "
            "(its API key is the AFRICASTALKING_API_KEY setting, never stored here)."
        ),
    )
    active = models.BooleanField(_("takes messages"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("SMS gateway")
        verbose_name_plural = _("SMS gateways")

    def __str__(self):
        return f"{self.name} ({self.number})"
