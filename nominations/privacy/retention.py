"""Retention: once a cycle is past its retention period, its drafts are deleted and the contact
details and evidence files of its other nominations removed (the anonymise_expired_data command).
Nominations' part: it anonymises through nominations_part.py."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from nominations.models import AwardCycle, EvidenceFile, Nomination
from nominations.privacy.deletion import delete_files_on_commit
from nominations.privacy.nominations_part import anonymise_nomination
from nominations.privacy.records import UNSENT


@dataclass
class RetentionCount:
    cycle: AwardCycle
    drafts: int = 0
    nominations: int = 0
    files: int = 0


def expired_cycles(now=None):
    """Cycles whose end plus their retention period is in the past."""
    now = now or timezone.now()
    return [cycle for cycle in AwardCycle.objects.all() if cycle.retention_ends_at < now]


def _retention_querysets(cycle):
    drafts = Nomination.objects.filter(UNSENT, cycle=cycle)
    sent = (
        Nomination.objects.filter(cycle=cycle)
        .exclude(UNSENT)
        # Not anonymised yet, or anonymised on request with the evidence kept: the files go now.
        .filter(Q(personal_data_removed_at__isnull=True) | Q(evidence__isnull=False))
        .distinct()
    )
    return drafts, sent


def anonymise_expired(now=None, dry_run=False):
    """Anonymise the nominations of every cycle past its retention period: delete its drafts
    (and their files), remove the contact details and evidence files of the others. Returns a
    count per cycle; with `dry_run`, counts what would be done and changes nothing. Idempotent:
    a second run finds nothing to do."""
    now = now or timezone.now()
    counts = []
    for cycle in expired_cycles(now):
        drafts, sent = _retention_querysets(cycle)
        sent_pks = sorted(set(sent.values_list("pk", flat=True)))
        count = RetentionCount(
            cycle,
            drafts=drafts.count(),
            nominations=len(sent_pks),
            files=EvidenceFile.objects.filter(nomination__in=drafts).count()
            + EvidenceFile.objects.filter(nomination__in=sent_pks).count(),
        )
        counts.append(count)
        if dry_run or not (count.drafts or count.nominations):
            continue
        with transaction.atomic():
            files = list(
                EvidenceFile.objects.filter(nomination__in=drafts).values_list("file", flat=True)
            )
            drafts.delete()
            for nomination in Nomination.objects.select_for_update().filter(pk__in=sent_pks):
                files += anonymise_nomination(
                    nomination, remove_evidence=True, reason="retention", now=now
                )
            delete_files_on_commit(files)
    return counts
