"""Certificates: signatories, the batches that render them and the certificates issued, with
the private storage of their files. The rules are in judging/certificates/issuing.py and
batch.py, the document in pdf.py."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from awards_site.i18n import LocalisedText
from judging.certificates.kinds import CertificateKind as CertificateKind
from judging.certificates.kinds import kind_choices
from judging.panel.models import JudgeProfile
from judging.rounds.models import Round
from nominations.models import AwardCycle, Nomination


def private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class Signatory(models.Model):
    """A person who signs a cycle's certificates. At most three are printed, by order. Their
    title is kept in each of the site's languages (`title` reads the active one's); only the
    English is required, and a certificate in a language without its own prints it."""

    PRINTED = 3

    cycle = models.ForeignKey(
        AwardCycle, verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="signatories"
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
    title_pt = models.CharField(
        _("title (Portuguese)"),
        max_length=160,
        blank=True,
        help_text=_(
            "For example “Presidente do júri”. Left empty, Portuguese certificates use the "
            "English title."
        ),
    )
    title_ar = models.CharField(
        _("title (Arabic)"),
        max_length=160,
        blank=True,
        help_text=_(
            "For example “رئيسة لجنة التحكيم”. Left empty, Arabic certificates use the English "
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

    title = LocalisedText()


class CertificateBatchStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


def batch_zip_path(instance, filename):
    return f"certificates/batches/{filename}"


class CertificateBatch(models.Model):
    """One "Issue certificates" act on a round: the certificates it covers are rendered in the
    background (judging/certificates/tasks.py), then put in one ZIP."""

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
    """A certificate as issued: what it says is copied here, in each of the site's languages
    (English, French, Portuguese, Arabic: a field per language), when it is issued, so its
    PDFs and the public verification page never change afterwards. Its holder downloads it in
    any of them (`language`, the recipient's account language when it was
    issued, is the one batches render and zip); each language's PDF is rendered once and kept.
    Revoking keeps the row (the verification page then says "revoked"); re-issuing revokes it
    and makes a new one with a new code that `replaces` it."""

    code = models.CharField(_("code"), max_length=16, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=14, choices=kind_choices)
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
    award_pt = models.CharField(_("award (Portuguese)"), max_length=200, blank=True)
    award_ar = models.CharField(_("award (Arabic)"), max_length=200, blank=True)
    category_en = models.CharField(_("category (English)"), max_length=200, blank=True)
    category_fr = models.CharField(_("category (French)"), max_length=200, blank=True)
    category_pt = models.CharField(_("category (Portuguese)"), max_length=200, blank=True)
    category_ar = models.CharField(_("category (Arabic)"), max_length=200, blank=True)
    initiative = models.CharField(_("initiative"), max_length=200, blank=True)
    cycle_name_en = models.CharField(_("cycle (English)"), max_length=80)
    cycle_name_fr = models.CharField(_("cycle (French)"), max_length=80, blank=True)
    cycle_name_pt = models.CharField(_("cycle (Portuguese)"), max_length=80, blank=True)
    cycle_name_ar = models.CharField(_("cycle (Arabic)"), max_length=80, blank=True)
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
    pdf_pt = models.FileField(
        storage=private_storage, upload_to=certificate_pdf_path, max_length=200, blank=True
    )
    pdf_ar = models.FileField(
        storage=private_storage, upload_to=certificate_pdf_path, max_length=200, blank=True
    )
    pdf_size_en = models.PositiveIntegerField(null=True, blank=True, editable=False)
    pdf_size_fr = models.PositiveIntegerField(null=True, blank=True, editable=False)
    pdf_size_pt = models.PositiveIntegerField(null=True, blank=True, editable=False)
    pdf_size_ar = models.PositiveIntegerField(null=True, blank=True, editable=False)

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

    award = LocalisedText()
    category = LocalisedText()
    cycle_name = LocalisedText()

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
