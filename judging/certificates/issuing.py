"""Certificates, the acts: issuing a round's certificates, revoking and re-issuing them, their
codes, and the valid certificates of a nominator or a judge. What a round calls for is in
planning.py; the batch that renders the PDFs and the ZIP in batch.py.

Issuing (`issue`) is one recorded act ("judging.certificates_issue", on the round). It is
idempotent: a certificate that already exists for the same recipient and kind in the cycle is
kept, never duplicated, and a revoked certificate is not issued again by a new batch (revoking is
deliberate; `reissue` makes its replacement). A database constraint keeps one valid certificate
per (cycle, kind, nomination) and per (cycle, judge). What a certificate says (recipient, award,
category, initiative, cycle) is copied in each of the site's languages when it is issued: its holder
chooses the language of the PDF they download (their account's by default). The PDFs in each
recipient's language (`Certificate.language`: the nominator's or the judge's account language)
are rendered in the background, by the batch the act creates (judging/certificates/tasks.py ->
batch.py), which then writes one ZIP of the round's certificates; the other language's PDF is
rendered on its first download. A batch that fails is marked failed with
its error and its task is retried (awards_site/background/retry.py); one that stops moving (its
worker
was killed) shows as stalled after BATCH_STALL_MINUTES, and either may be run again from the
admin. A re-run renders only the PDFs still missing.

Revoking (`revoke`, reason required) keeps the certificate, so its verification page says
"revoked". Re-issuing (`reissue`) revokes it if it is still valid and issues a new one, with a
new code and what the records say now, that `replaces` it. Each act is logged on the
certificate ("judging.certificate_revoke", "judging.certificate_reissue").
"""

import re
import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from awards_site.i18n import localised
from judging.certificates.errors import CertificateError
from judging.certificates.kinds import CYCLE_KINDS, KINDS
from judging.certificates.planning import (
    REVOKED,
    VALID,
    Subject,
    _existing,
    check_round,
    planned,
)

# Where callers of the acts look for the preview too (the admin's issue screen, the tests).
from judging.certificates.planning import preview as preview
from judging.models import (
    CERTIFICATE_LANGUAGES,
    Certificate,
    CertificateBatch,
    CertificateBatchStatus,
)
from nominations.models import AwardCycle

# Codes: 16 characters of an alphabet without look-alikes (no I, O, 0 or 1): 80 random bits.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 16
_CODE = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")


# A second "Issue" with nothing new, this soon after a batch of the round that is still under
# way, returns that batch (a double click); later, a new batch starts (one stuck on a worker that
# died does not block the round).
SECOND_CLICK = timedelta(minutes=2)


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
            texts[f"award_{language}"] = str(KINDS[subject.kind].award)
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
    from judging.certificates.tasks import issue_certificate_batch

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
