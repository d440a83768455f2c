"""One id for each request, from the proxy to the node to the tasks it queues, in every log line
(awards_site/operations/logs.py). nginx makes it ($request_id) and passes it as X-Request-ID; a
node reached without the proxy makes its own. The answer carries it back, so a person reporting
a problem can quote it. A task queued during a request runs with that request's id on whichever
worker takes it: the id is kept in the shared cache under the task's id until the task starts."""

import contextvars
import logging
import re
import time
import uuid

from django.conf import settings
from django.core.cache import cache

HEADER = "X-Request-ID"
# nginx's $request_id is 32 hexadecimal characters; an id from elsewhere is used only when it is
# as plain (it ends up in every log line: no spaces, quotes or line breaks).
ACCEPTED = re.compile(r"[A-Za-z0-9._-]{8,64}")
TASK_KEY = "operations:task-request:{}"
TASK_KEY_SECONDS = 7 * 24 * 60 * 60

current = contextvars.ContextVar("request_id", default="-")
request_logger = logging.getLogger("awards_site.requests")
task_logger = logging.getLogger("awards_site.tasks")


def request_id_of(request):
    asked = request.META.get("HTTP_X_REQUEST_ID", "")
    return asked if ACCEPTED.fullmatch(asked) else uuid.uuid4().hex


class RequestIdMiddleware:
    """Right after SecurityMiddleware, so every line a request logs carries its id, refusals
    included; with LOG_REQUESTS, one line per request (method, path without its query, which
    may hold a token, status, duration)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_of(request)
        token = current.set(request_id)
        request.request_id = request_id
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            if settings.LOG_REQUESTS:
                request_logger.info(
                    "request",
                    extra={
                        "method": request.method,
                        "path": request.path,
                        "status": response.status_code,
                        "duration_ms": round((time.monotonic() - started) * 1000, 1),
                    },
                )
            return response
        finally:
            current.reset(token)


class RequestIdFilter(logging.Filter):
    """Puts the current request's (or task's) id on every record, "-" outside both."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = current.get()
        return True


# django-tasks signals (connected in awards_site/apps.py) -------------------------------------
def on_task_enqueued(sender, task_result, **kwargs):
    request_id = current.get()
    if request_id != "-":
        cache.set(TASK_KEY.format(task_result.id), request_id, TASK_KEY_SECONDS)
    # DEBUG: publishing a page queues several tasks; the worker logs each task's start.
    task_logger.debug("task.enqueued id=%s task=%s", task_result.id, task_result.task.module_path)


def on_task_started(sender, task_result, **kwargs):
    key = TASK_KEY.format(task_result.id)
    request_id = cache.get(key) or current.get()
    cache.delete(key)  # read once: a retry is a new task, queued with this id again
    current.set(request_id)
    task_logger.info("task.started id=%s task=%s", task_result.id, task_result.task.module_path)


def on_task_finished(sender, task_result, **kwargs):
    task_logger.info(
        "task.finished id=%s task=%s status=%s",
        task_result.id,
        task_result.task.module_path,
        task_result.status,
    )
    # A worker runs one task after another in one thread: the next starts without this id.
    current.set("-")
