"""Certificates: which ones a round's results call for, issuing them, revoking and re-issuing.

What a round calls for (`planned`), once its results are published:
- winner, finalist and merit: the round's decisions with that outcome;
- participation: every eligible nomination of the cycle (eligible, shortlisted, finalist, merit
  or winner: a winner has its winner certificate and its participation certificate);
- judge appreciation: every judge with a submitted scoresheet in a published round of the cycle.
Participation and judge certificates are one per cycle, whichever round issues them.

Issuing (`issue`) is one recorded act ("judging.certificates_issue", on the round). It is
idempotent: a certificate that already exists for the same recipient and kind in the cycle is
kept, never duplicated, and a revoked certificate is not issued again by a new batch (revoking is
deliberate; `reissue` makes its replacement). A database constraint keeps one valid certificate
per (cycle, kind, nomination) and per (cycle, judge). What a certificate says (recipient, award,
category, initiative, cycle) is copied in English and in French when it is issued: its holder
chooses the language of the PDF they download (their account's by default). The PDFs in each
recipient's language (`Certificate.language`: the nominator's or the judge's account language)
are rendered in the background, by the batch the act creates (tasks.issue_certificate_batch ->
`run_batch`), which then writes one ZIP of the round's certificates; the other language's PDF is
rendered on its first download. A batch that fails is marked failed with
its error and its task is retried (awards_site/task_retry.py); one that stops moving (its worker
was killed) shows as stalled after BATCH_STALL_MINUTES, and either may be run again from the
admin. A re-run renders only the PDFs still missing.

Revoking (`revoke`, reason required) keeps the certificate, so its verification page says
"revoked". Re-issuing (`reissue`) revokes it if it is still valid and issues a new one, with a
new code and what the records say now, that `replaces` it. Each act is logged on the
certificate ("judging.certificate_revoke", "judging.certificate_reissue").
"""

import gc
import re
import secrets
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from awards_site.i18n import localised
from judging.models import (
    CERTIFICATE_LANGUAGES,
    Certificate,
    CertificateBatch,
    CertificateBatchStatus,
    CertificateKind,
    JudgeProfile,
    Outcome,
    RoundDecision,
    ScoresheetStatus,
    private_storage,
)
from nominations.choices import NominationStatus
from nominations.models import AwardCycle, Nomination

# Codes: 16 characters of an alphabet without look-alikes (no I, O, 0 or 1): 80 random bits.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 16
_CODE = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")

# Nominations that take part: eligible ones and those that went further.
TAKING_PART = [
    NominationStatus.ELIGIBLE,
    NominationStatus.SHORTLISTED,
    NominationStatus.FINALIST,
    NominationStatus.MERIT,
    NominationStatus.WINNER,
    NominationStatus.NOT_PLACED,
]
OUTCOME_KINDS = {
    Outcome.WINNER.value: CertificateKind.WINNER,
    Outcome.FINALIST.value: CertificateKind.FINALIST,
    Outcome.MERIT.value: CertificateKind.MERIT,
}
# The order of kinds everywhere (preview, lists, the ZIP).
KIND_ORDER = [
    CertificateKind.WINNER,
    CertificateKind.FINALIST,
    CertificateKind.MERIT,
    CertificateKind.PARTICIPATION,
    CertificateKind.JUDGE,
]
# Per cycle, whichever round issues them; the other kinds belong to the round that decided them.
CYCLE_KINDS = [CertificateKind.PARTICIPATION, CertificateKind.JUDGE]

# What the certificate calls itself, in its language (copied as `award` when it is issued).
AWARDS = {
    CertificateKind.WINNER: gettext_lazy("Winner"),
    CertificateKind.FINALIST: gettext_lazy("Finalist"),
    CertificateKind.MERIT: gettext_lazy("Certificate of merit"),
    CertificateKind.PARTICIPATION: gettext_lazy("Certificate of participation"),
    CertificateKind.JUDGE: gettext_lazy("Certificate of appreciation"),
}

# A second "Issue" with nothing new, this soon after a batch of the round that is still under
# way, returns that batch (a double click); later, a new batch starts (one stuck on a worker that
# died does not block the round).
SECOND_CLICK = timedelta(minutes=2)

# How often a running batch writes its progress (certificates, seconds).
PROGRESS_EVERY = 10
PROGRESS_SECONDS = 2.0
ZIP_PROGRESS_EVERY = 200


class CertificateError(Exception):
    """An act refused, with a message for the administrator who tried it."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# Codes ------------------------------------------------------------------------------------------


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_codes(count):
    """`count` fresh codes, none already used (a clash of 80 random bits is all but impossible,
    but cheap to rule out)."""
    codes = set()
    while len(codes) < count:
        wanted = {new_code() for _ in range(count - len(codes))} - codes
        taken = set(Certificate.objects.filter(code__in=wanted).values_list("code", flat=True))
        codes |= wanted - taken
    return list(codes)


def normalise_code(raw):
    """The stored form of a code as someone typed it (any case, with or without hyphens or
    spaces), or None when it cannot be a certificate code."""
    code = re.sub(r"[\s\-]", "", raw or "").upper()
    return code if _CODE.fullmatch(code) else None


def find(raw_code):
    """The certificate with this code, or None (unknown or malformed)."""
    code = normalise_code(raw_code)
    if code is None:
        return None
    return Certificate.objects.select_related("cycle").filter(code=code).first()


# What a round calls for -------------------------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    """A certificate to issue: its kind and its recipient (a nomination or a judge)."""

    kind: str
    nomination: Nomination | None = None
    judge: JudgeProfile | None = None

    @property
    def key(self):
        return key_of(
            self.kind, self.nomination and self.nomination.pk, self.judge and self.judge.pk
        )


def key_of(kind, nomination_id, judge_id):
    return (kind, judge_id) if kind == CertificateKind.JUDGE else (kind, nomination_id)


def check_round(round):
    if not round.results_published:
        raise CertificateError(
            _(
                "The results of this round are not published yet. Publish them first: "
                "certificates follow the published outcomes."
            )
        )


def planned(round):
    """Every certificate the round's published results call for, as Subjects, in KIND_ORDER."""
    taking_part = (
        Nomination.objects.filter(cycle=round.cycle_id, status__in=TAKING_PART)
        .select_related("category", "nominator")
        .order_by("category__sort_order", "reference", "pk")
    )
    decisions = (
        RoundDecision.objects.filter(
            round=round, outcome__in=OUTCOME_KINDS, nomination__status__in=TAKING_PART
        )
        .select_related("nomination__category", "nomination__nominator")
        .order_by("nomination__category__sort_order", "nomination__reference", "pk")
    )
    judges = (
        JudgeProfile.objects.filter(
            assignments__round__cycle=round.cycle_id,
            assignments__round__results_published_at__isnull=False,
            assignments__scoresheet__status=ScoresheetStatus.SUBMITTED,
            user__is_active=True,  # a closed account could not download it
        )
        .select_related("user")
        .distinct()
        .order_by("user__last_name", "user__first_name", "user__email")
    )
    subjects = [
        Subject(OUTCOME_KINDS[decision.outcome], nomination=decision.nomination)
        for decision in decisions
    ]
    subjects.sort(key=lambda subject: KIND_ORDER.index(subject.kind))
    subjects += [Subject(CertificateKind.PARTICIPATION, nomination=n) for n in taking_part]
    subjects += [Subject(CertificateKind.JUDGE, judge=judge) for judge in judges]
    return subjects


VALID, REVOKED = "valid", "revoked"


def _existing(cycle_id):
    """{key: VALID or REVOKED} of the cycle's certificates (VALID wins over REVOKED)."""
    state = {}
    for kind, nomination_id, judge_id, revoked_at in Certificate.objects.filter(
        cycle=cycle_id
    ).values_list("kind", "nomination_id", "judge_id", "revoked_at"):
        key = key_of(kind, nomination_id, judge_id)
        if revoked_at is None:
            state[key] = VALID
        else:
            state.setdefault(key, REVOKED)
    return state


@dataclass
class PreviewRow:
    kind: str
    label: str
    planned: int = 0
    new: int = 0
    kept: int = 0
    revoked: int = 0


def preview(round):
    """Per kind: how many certificates the round calls for, how many an issue would create, how
    many already exist (kept) and how many were revoked (not issued again)."""
    rows = {kind: PreviewRow(kind, CertificateKind(kind).label) for kind in KIND_ORDER}
    state = _existing(round.cycle_id)
    for subject in planned(round):
        row = rows[subject.kind]
        row.planned += 1
        found = state.get(subject.key)
        if found == VALID:
            row.kept += 1
        elif found == REVOKED:
            row.revoked += 1
        else:
            row.new += 1
    return list(rows.values())


# Issuing ----------------------------------------------------------------------------------------


def certificate_language(language):
    """A language certificates are issued in: `language` when it is one, else the site's."""
    return language if language in CERTIFICATE_LANGUAGES else settings.LANGUAGE_CODE


def recipient_language(subject):
    """The language of the recipient's account: the judge's, or the nominator's (not the
    nomination's, which is the language the form was filled in)."""
    user = subject.judge.user if subject.judge is not None else subject.nomination.nominator
    return certificate_language(user.language)


def _build(subject, cycle, code, **fields):
    """A new Certificate for the subject, what it says copied in every language."""
    nomination, judge = subject.nomination, subject.judge
    texts = {}
    for language in CERTIFICATE_LANGUAGES:
        with translation.override(language):
            texts[f"award_{language}"] = str(AWARDS[subject.kind])
            texts[f"cycle_name_{language}"] = localised(cycle, "name", language)[:80]
            texts[f"category_{language}"] = (
                localised(nomination.category, "name", language)[:200]
                if judge is None and nomination.category_id
                else ""
            )
    if judge is not None:
        recipient, initiative = judge.display_name, ""
    else:
        recipient = nomination.organisation_name or str(nomination)
        initiative = nomination.initiative_title
    return Certificate(
        code=code,
        kind=subject.kind,
        cycle=cycle,
        nomination=nomination,
        judge=judge,
        language=recipient_language(subject),
        recipient_name=recipient[:200],
        initiative=initiative[:200],
        **texts,
        **fields,
    )


# Certificates whose PDF in their recipient's language is not rendered yet (what a batch renders).
WITHOUT_OWN_PDF = Q(
    *[Q(language=language, **{f"pdf_{language}": ""}) for language in CERTIFICATE_LANGUAGES],
    _connector=Q.OR,
)


def round_certificates(round):
    """The valid certificates a batch of the round renders and zips: the outcome certificates
    issued from the round and the cycle's participation and judge certificates."""
    return Certificate.objects.filter(cycle=round.cycle_id, revoked_at__isnull=True).filter(
        Q(kind__in=CYCLE_KINDS) | Q(round=round)
    )


@dataclass
class IssueResult:
    batch: CertificateBatch | None
    created: int
    kept: int
    revoked: int
    created_by_kind: dict


def issue(round, user, *, run=True):
    """Issue the certificates the round's results call for (see the module docstring). With
    `run`, a CertificateBatch renders their PDFs and the ZIP in the background, after the
    commit; a second click while a batch of the round is just under way (SECOND_CLICK), with
    nothing new to issue, returns that batch. Without `run` (the demo) each PDF is rendered on
    its first download."""
    check_round(round)
    cycle = round.cycle
    with transaction.atomic():
        # One issue per cycle at a time (PostgreSQL; SQLite serialises writers anyway).
        AwardCycle.objects.select_for_update().filter(pk=cycle.pk).first()
        subjects = planned(round)
        state = _existing(cycle.pk)
        new = [subject for subject in subjects if subject.key not in state]
        kept = sum(1 for subject in subjects if state.get(subject.key) == VALID)
        revoked = sum(1 for subject in subjects if state.get(subject.key) == REVOKED)
        batch = None
        if run and not new:
            batch = (
                CertificateBatch.objects.filter(
                    round=round,
                    status__in=[CertificateBatchStatus.QUEUED, CertificateBatchStatus.RUNNING],
                    created_at__gte=timezone.now() - SECOND_CLICK,
                )
                .order_by("-created_at", "-pk")
                .first()
            )
            if batch is not None:
                return IssueResult(batch, 0, kept, revoked, {})
        if run:
            batch = CertificateBatch.objects.create(round=round, created_by=user)
        now = timezone.now()
        Certificate.objects.bulk_create(
            [
                _build(
                    subject, cycle, code, round=round, issued_by=user, issued_at=now, batch=batch
                )
                for subject, code in zip(new, new_codes(len(new)), strict=True)
            ]
        )
        by_kind = dict(Counter(subject.kind for subject in new))
        if batch is not None:
            batch.total = round_certificates(round).count()
            batch.save(update_fields=["total"])
        log(
            round,
            "judging.certificates_issue",
            user=user,
            data={
                "batch": batch.pk if batch else None,
                "created": by_kind,
                "kept": kept,
                "revoked_not_reissued": revoked,
            },
        )
        if batch is not None:
            batch_pk = batch.pk
            transaction.on_commit(lambda: enqueue_batch(batch_pk))
    return IssueResult(batch, len(new), kept, revoked, by_kind)


def enqueue_batch(batch_pk):
    from judging.tasks import issue_certificate_batch

    issue_certificate_batch.enqueue(batch_pk)


def retry_batch(batch, user):
    """Queue a failed or stalled batch again (what it rendered already is kept)."""
    if batch.status != CertificateBatchStatus.FAILED and not batch.stalled:
        raise CertificateError(
            _("Only a batch that failed or stopped making progress can be run again.")
        )
    CertificateBatch.objects.filter(pk=batch.pk).update(
        status=CertificateBatchStatus.QUEUED, error="", finished_at=None, progress_at=timezone.now()
    )
    log(batch.round, "judging.certificates_retry", user=user, data={"batch": batch.pk})
    batch_pk = batch.pk
    transaction.on_commit(lambda: enqueue_batch(batch_pk))


# Revoking and re-issuing ------------------------------------------------------------------------


def _reason(reason):
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(
            _("Say why the certificate is revoked: the reason is kept in the history.")
        )
    return reason


def _when(moment):
    return date_format(timezone.localtime(moment), "DATE_FORMAT")


def _mark_revoked(locked, user, reason, now):
    locked.revoked_at = now
    locked.revoked_by = user
    locked.revoke_reason = reason
    locked.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    log(
        locked,
        "judging.certificate_revoke",
        user=user,
        data={"code": locked.display_code, "reason": reason},
    )


def revoke(certificate, user, reason):
    """Revoke a valid certificate. Its verification page then says so; nobody downloads it."""
    reason = _reason(reason)
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.revoked_at is not None:
            raise CertificateError(
                _("This certificate was already revoked on %(date)s.")
                % {"date": _when(locked.revoked_at)}
            )
        _mark_revoked(locked, user, reason, timezone.now())
    certificate.revoked_at, certificate.revoked_by = locked.revoked_at, user
    certificate.revoke_reason = reason
    return certificate


def reissue(certificate, user, reason):
    """Revoke the certificate (if still valid) and issue its replacement: a new code, what the
    records say now (a corrected name, say), a PDF of its own. Returns the new certificate."""
    reason = _reason(reason)
    with transaction.atomic():
        locked = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("cycle", "nomination__category", "nomination__nominator", "judge__user")
            .get(pk=certificate.pk)
        )
        replacement = Certificate.objects.filter(replaces=locked).first()
        if replacement is not None:
            raise CertificateError(
                _("This certificate was already re-issued as %(code)s.")
                % {"code": replacement.display_code}
            )
        # Like `issue`, one act per cycle at a time: the check below then holds until commit.
        AwardCycle.objects.select_for_update().filter(pk=locked.cycle_id).first()
        subject = Subject(locked.kind, nomination=locked.nomination, judge=locked.judge)
        other = (
            Certificate.objects.filter(cycle=locked.cycle_id, kind=locked.kind, revoked_at=None)
            .filter(
                Q(nomination=locked.nomination_id)
                if subject.nomination
                else Q(judge=locked.judge_id)
            )
            .exclude(pk=locked.pk)
            .first()
        )
        if other is not None:
            raise CertificateError(
                _("A valid certificate of this kind already exists for this recipient: %(code)s.")
                % {"code": other.display_code}
            )
        now = timezone.now()
        if locked.revoked_at is None:
            _mark_revoked(locked, user, reason, now)
        new = _build(
            subject,
            locked.cycle,
            new_codes(1)[0],
            round=locked.round,
            issued_by=user,
            issued_at=now,
            replaces=locked,
        )
        new.save()
        log(
            new,
            "judging.certificate_reissue",
            user=user,
            data={"code": new.display_code, "replaces": locked.display_code, "reason": reason},
        )
    return new


# For nominators and judges ----------------------------------------------------------------------


def valid_for_nomination(nomination):
    return Certificate.objects.filter(nomination=nomination, revoked_at__isnull=True).order_by(
        "cycle", "kind", "pk"
    )


def valid_for_judge(judge):
    return (
        Certificate.objects.filter(judge=judge, revoked_at__isnull=True)
        .select_related("cycle")
        .order_by("-issued_at", "-pk")
    )


# The batch: rendering and the ZIP ---------------------------------------------------------------


def _zip_name(certificate):
    slug = slugify(certificate.recipient_name)[:60]
    name = f"{slug}-{certificate.display_code}" if slug else certificate.display_code
    return f"{certificate.kind}/{name}.pdf"


def run_batch(batch_pk):
    """Render the batch's certificates that have no PDF yet in their recipient's language,
    writing the progress as it goes, then the ZIP of the round's certificates (each in that
    language). Safe to run again (on a retry, or twice by two workers): what is rendered is
    kept, each certificate's PDF is stored once.

    PDFs are rendered outside any transaction and recorded ten at a time, with the progress, in
    one short transaction (no lock is held while WeasyPrint works). The objects alive before the
    batch are frozen out of the garbage collector's sweeps while it runs: WeasyPrint allocates a
    great deal, and in a process holding Django and Wagtail every full sweep would walk them."""
    from judging.certificates.pdf import SignatoryCache, store_pdf

    batch = CertificateBatch.objects.select_related("round", "round__cycle").get(pk=batch_pk)
    if batch.status == CertificateBatchStatus.DONE:
        return
    batches = CertificateBatch.objects.filter(pk=batch_pk)
    gc.collect()
    gc.freeze()
    try:
        certificates = round_certificates(batch.round).select_related("cycle")
        total = certificates.count()
        done = total - certificates.filter(WITHOUT_OWN_PDF).count()
        batches.update(
            status=CertificateBatchStatus.RUNNING,
            total=total,
            done=done,
            error="",
            progress_at=timezone.now(),
        )
        signatories = SignatoryCache()
        stored = []
        last = time.monotonic()
        try:
            missing = certificates.filter(WITHOUT_OWN_PDF).order_by("pk")
            for certificate in missing.iterator(chunk_size=100):
                language = certificate.language
                name = store_pdf(certificate, language, signatories)
                stored.append((certificate, language, name))
                if len(stored) >= PROGRESS_EVERY or time.monotonic() - last > PROGRESS_SECONDS:
                    done += _record(stored, batches, done)
                    stored, last = [], time.monotonic()
        finally:
            done += _record(stored, batches, done)  # even when one fails: keep what is made
        # The ZIP holds the round's valid certificates as they are now (one revoked meanwhile
        # is left out, one issued meanwhile is rendered and put in).
        name, zipped = _write_zip(
            batch, certificates.order_by("kind", "recipient_name", "pk"), signatories, batches
        )
        old = batch.zip.name
        now = timezone.now()
        batches.update(
            status=CertificateBatchStatus.DONE,
            total=zipped,
            done=zipped,
            zip=name,
            finished_at=now,
            progress_at=now,
        )
        if old and old != name:
            private_storage().delete(old)
    except Exception:
        now = timezone.now()
        batches.update(
            status=CertificateBatchStatus.FAILED,
            error=traceback.format_exc()[-4000:],
            finished_at=now,
            progress_at=now,
        )
        raise  # the task is retried (awards_site/task_retry.py), rendering what is missing
    finally:
        gc.unfreeze()


def _record(stored, batches, done):
    """Point the certificates at their stored PDFs and write the progress, in one transaction.
    Returns how many were recorded."""
    from judging.certificates.pdf import claim_pdfs

    if not stored:
        return 0
    with transaction.atomic():
        claim_pdfs(stored)
        batches.update(done=done + len(stored), progress_at=timezone.now())
    return len(stored)


def _write_zip(batch, certificates, signatories, batches):
    """Store one ZIP of the certificates' PDFs; returns its storage name and how many it holds.
    A large ZIP takes a while: the batch's progress time moves on every ZIP_PROGRESS_EVERY PDFs,
    so it is not taken for stalled."""
    from judging.certificates.pdf import ensure_pdf

    storage = private_storage()
    count = 0
    with tempfile.TemporaryFile() as spool:
        # PDFs are compressed already: storing them is as small and much faster.
        with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_STORED) as archive:
            for certificate in certificates.iterator(chunk_size=200):
                ensure_pdf(certificate, certificate.language, signatories)
                with certificate.pdf(certificate.language).open("rb") as pdf:
                    archive.writestr(_zip_name(certificate), pdf.read())
                count += 1
                if count % ZIP_PROGRESS_EVERY == 0:
                    batches.update(progress_at=timezone.now())
        spool.seek(0)
        token = secrets.token_hex(8)
        name = storage.save(
            f"certificates/batches/certificates-{batch.round.cycle.code}-{batch.pk}-{token}.zip",
            File(spool),
        )
    return name, count


def batch_zip_filename(batch):
    return slugify(f"certificates {batch.round.cycle.code} {batch.round.name_en}") + ".zip"
