"""The certificate batch: render the PDFs of a batch's certificates that are missing in their
recipient's language, writing its progress as it goes, then one ZIP of the round's
certificates (run by the issue_certificate_batch task, judging/certificates/tasks.py). A batch
that fails is marked failed with its error and its task is retried
(awards_site/background/retry.py);
a re-run renders only the PDFs still missing."""

import gc
import secrets
import tempfile
import time
import traceback
import zipfile

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from judging.certificates.issuing import WITHOUT_OWN_PDF, round_certificates
from judging.models import (
    CertificateBatch,
    CertificateBatchStatus,
    private_storage,
)

# How often a running batch writes its progress (certificates, seconds).
PROGRESS_EVERY = 10
PROGRESS_SECONDS = 2.0
ZIP_PROGRESS_EVERY = 200


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
        raise  # the task is retried (awards_site/background/retry.py), rendering what is missing
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
