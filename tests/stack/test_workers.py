"""Two task workers share one queue in PostgreSQL: a task is taken by one worker only, and a
certificate batch goes on when the worker running it is killed (the scheduled
`requeue_stalled_batches` queues it again once it stops moving, and the other worker renders
only what is missing: no certificate issued twice)."""

import pytest

from tests.stack.conftest import kill, revive, wait_until

pytestmark = pytest.mark.stack
TASKS = "django_tasks_database_dbtaskresult"
# A new batch of the round's certificates, queued as "Issue certificates" queues one.
ISSUE = (
    "from judging.models import CertificateBatch;"
    "from judging.certificates.issuing import enqueue_batch;"
    "batch = CertificateBatch.objects.create(round_id={round}); enqueue_batch(batch.pk);"
    "print(batch.pk)"
)


def test_every_task_was_taken_by_one_worker_and_both_workers_took_some(sql):
    """The demo's loading queued hundreds of tasks (search index, references) at once; each
    worker records its id on the task it claims, so a task two workers ran would name both."""
    assert sql(f"SELECT count(*) FROM {TASKS} WHERE jsonb_array_length(worker_ids) > 1") == [(0,)]
    workers = sql(f"SELECT DISTINCT worker_ids->>0 FROM {TASKS} WHERE status = 'SUCCESSFUL'")
    assert {worker for (worker,) in workers} == {"worker-1", "worker-2"}


def batch_state(sql, batch):
    return sql("SELECT status, done, total FROM judging_certificatebatch WHERE id = %s", batch)[0]


def test_a_certificate_batch_survives_its_worker_being_killed(sql, manage):
    (round_pk,) = sql("SELECT round_id FROM judging_certificate GROUP BY round_id LIMIT 1")[0]
    certificates_before = sql("SELECT id, code FROM judging_certificate ORDER BY id")
    # Every PDF to be rendered again, so the batch has work for a while.
    sql("UPDATE judging_certificate SET pdf_en = '', pdf_fr = '', pdf_pt = '', pdf_ar = ''")
    batch = int(manage("shell", "-v0", "-c", ISSUE.format(round=round_pk)).split()[-1])

    def running_with_progress():
        status, done, total = batch_state(sql, batch)
        return status == "running" and 0 < done < total

    assert wait_until(running_with_progress, 120, step=0.1), batch_state(sql, batch)
    (worker,) = sql(
        f"SELECT worker_ids->>0 FROM {TASKS} WHERE status = 'RUNNING'"
        " AND task_path LIKE %s AND args_kwargs->'args'->>0 = %s",
        "%issue_certificate_batch",
        str(batch),
    )[0]
    kill(worker)
    try:
        _status, done_when_killed, total = batch_state(sql, batch)
        assert done_when_killed < total

        # The scheduled job, every few seconds here (every 5 minutes in production), queues it
        # again once it has not moved for BATCH_STALL_MINUTES (1 in the stack).
        def requeued():
            return "1 stalled" in manage("requeue_stalled_batches")

        assert wait_until(requeued, 150, step=5)
        assert wait_until(lambda: batch_state(sql, batch)[0] == "done", 180, step=1)
    finally:
        revive(worker)

    # Finished by the other worker, with every certificate once and each with its PDF.
    other = {"worker-1": "worker-2", "worker-2": "worker-1"}[worker]
    finishers = sql(
        f"SELECT worker_ids->>0 FROM {TASKS} WHERE status = 'SUCCESSFUL'"
        " AND task_path LIKE %s AND args_kwargs->'args'->>0 = %s",
        "%issue_certificate_batch",
        str(batch),
    )
    assert finishers == [(other,)]
    assert sql("SELECT id, code FROM judging_certificate ORDER BY id") == certificates_before
    missing = sql(
        "SELECT count(*) FROM judging_certificate WHERE revoked_at IS NULL AND CASE language"
        " WHEN 'fr' THEN pdf_fr WHEN 'pt' THEN pdf_pt WHEN 'ar' THEN pdf_ar ELSE pdf_en END = ''"
    )
    assert missing == [(0,)]
    status, done, total = batch_state(sql, batch)
    assert done == total > done_when_killed
