"""Background tasks that are retried when they fail, and reported when they keep failing.

django-tasks 0.12 and django-tasks-db 0.13 run a task once: an exception marks its result
failed (django-tasks-db keeps the traceback, shown in the Django admin's task results) and
nothing runs it again. `retried_task` adds the retry:

- the task gets an `attempt` keyword (1 when first queued); a failure on attempt n < N
  (settings.TASK_MAX_ATTEMPTS, 5) is logged at WARNING on the `awards_site.tasks` logger and the
  task is queued again with attempt n + 1, to run after a growing delay
  (settings.TASK_RETRY_DELAY_SECONDS, 60, times 4 to the power n - 1: 1, 4, 16, 64 minutes);
- the failure of the last attempt is logged at ERROR and recorded as a FailedTask, listed in
  the Wagtail admin (Reports > Failed background tasks), then raised, so the backend marks that
  result failed with its traceback.

A backend that cannot delay a task (the immediate backend of development and the tests) runs the
retry at once, inside the failed attempt: the attempt number bounds the depth. The immediate
backend never lets a task's exception reach the code that queued it, so a failing email never
fails the request that sent it.

An attempt that failed and was retried ends without an exception (its result is "successful",
its return value names the retry): only a task that gave up is a failed result.
"""

import functools
import logging
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger("awards_site.tasks")

NOT_KEPT = "(not kept: personal data)"


def max_attempts():
    return max(1, getattr(settings, "TASK_MAX_ATTEMPTS", 5))


def retry_delay(attempt):
    """How long to wait before the attempt after `attempt` (1, 4, 16, 64 minutes by default)."""
    return timedelta(seconds=getattr(settings, "TASK_RETRY_DELAY_SECONDS", 60) * 4 ** (attempt - 1))


def retried_task(*, private_arguments=False, **task_options):
    """Like django-tasks' `@task(...)`, with retries and a report of the final failure.
    `private_arguments`: the arguments hold personal data, so the report leaves them out."""

    def decorate(function):
        the_task = None

        @functools.wraps(function)
        def run(*args, attempt=1, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception as error:
                arguments = _arguments(args, kwargs, private_arguments)
                if attempt >= max_attempts():
                    _give_up(the_task, arguments, attempt, error)
                    raise
                return _retry(the_task, args, kwargs, arguments, attempt, error)

        the_task = task(**task_options)(run)
        return the_task

    return decorate


def _arguments(args, kwargs, private):
    if private:
        return {"args": NOT_KEPT, "kwargs": NOT_KEPT}
    return {"args": list(args), "kwargs": kwargs}


def _describe(error):
    return f"{type(error).__name__}: {error}"[:1000]


def _retry(the_task, args, kwargs, arguments, attempt, error):
    next_attempt = attempt + 1
    delayed = the_task.get_backend().supports_defer
    run_after = timezone.now() + retry_delay(attempt) if delayed else None
    logger.warning(
        "Task %s failed on attempt %s of %s (%s); attempt %s %s. Arguments: %s",
        the_task.name,
        attempt,
        max_attempts(),
        _describe(error),
        next_attempt,
        f"queued for {run_after:%Y-%m-%d %H:%M:%S %Z}" if run_after else "runs now",
        arguments,
        exc_info=error,
    )
    queued = the_task.using(run_after=run_after) if run_after else the_task
    queued.enqueue(*args, attempt=next_attempt, **kwargs)
    return {
        "retried": True,
        "error": _describe(error),
        "next_attempt": next_attempt,
        "run_after": run_after.isoformat() if run_after else None,
    }


def _give_up(the_task, arguments, attempt, error):
    logger.error(
        "Task %s failed on its last attempt (%s of %s): %s. Arguments: %s. "
        "It is listed in the admin under Reports > Failed background tasks.",
        the_task.name,
        attempt,
        max_attempts(),
        _describe(error),
        arguments,
        exc_info=error,
    )
    from awards_site.models import FailedTask

    try:
        FailedTask.record(the_task, arguments, attempt, error)
    except DatabaseError:
        # The failure may be the database itself: the ERROR above is then the only record.
        logger.exception("Task %s: its failure could not be recorded", the_task.name)
