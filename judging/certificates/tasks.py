"""Background work of certificates, through the django-tasks API: rendering a batch
(judging/certificates/batch.py), queued after commit by issuing.py. The task takes the batch's
id; a failure is retried, then reported (awards_site/background/retry.py)."""

from awards_site.background.retry import retried_task
from judging.certificates import batch


@retried_task()
def issue_certificate_batch(batch_pk):
    """Render the PDFs of a certificate batch that are not rendered yet, writing its progress as
    it goes, then its ZIP. A failure marks the batch failed with the error; the retry (automatic,
    or "Try again" in the admin) renders only what is missing."""
    batch.run_batch(batch_pk)
