"""Queue again the certificate batches whose worker was lost (killed, its machine restarted):
queued or running without progress for BATCH_STALL_MINUTES. Another worker then renders what is
still missing; nothing rendered is rendered again. Run by the scheduled jobs every 5 minutes
(deploy/systemd/cxawards-scheduled.service, docs/operations.md), so a batch goes on without
anyone pressing "Run again"."""

from django.core.management.base import BaseCommand
from django.db import transaction

from judging.certificates.issuing import retry_batch
from judging.models import CertificateBatch, CertificateBatchStatus


class Command(BaseCommand):
    help = "Queue again the certificate batches that stopped making progress."

    def handle(self, *args, **options):
        waiting = CertificateBatch.objects.filter(
            status__in=[CertificateBatchStatus.QUEUED, CertificateBatchStatus.RUNNING]
        )
        requeued = 0
        for batch in waiting:
            if batch.stalled:
                with transaction.atomic():
                    retry_batch(batch, user=None)
                requeued += 1
        if options["verbosity"]:
            self.stdout.write(f"{requeued} stalled certificate batch(es) queued again.")
