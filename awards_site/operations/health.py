"""The health endpoint (/health/) for the proxy and monitoring: 200 when this node can serve
(database, cache, storage answer), 503 otherwise, so a load balancer takes the node out. The
task queue is reported too (how many tasks wait, and whether the oldest waits longer than
HEALTH_TASK_DELAY_SECONDS: then the workers are missing or overwhelmed), without failing the
node, which serves pages without workers. The answer names each check and its state only:
never an address, a host name, an error text or a setting; the causes go to the log."""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import storages
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

logger = logging.getLogger("awards_site.health")


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def check_cache():
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "1", 30)
    found = cache.get(key)
    cache.delete(key)
    if found != "1":
        raise RuntimeError("the cache did not keep a value")
    return "ok"


def check_storage():
    # A name that never exists: S3 answers a HEAD with 404 (False) when the bucket and the
    # credentials are right, and an error otherwise.
    storages["private"].exists("health/never-written")
    return "ok"


def check_tasks():
    """'ok', or 'delayed' when a task ready to run has waited too long; only the database
    backend has a queue to look at ('immediate' runs tasks in the request)."""
    if not settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db."):
        return "ok"
    from django_tasks_db.models import DBTaskResult

    waiting_since = timezone.now() - timedelta(seconds=settings.HEALTH_TASK_DELAY_SECONDS)
    late = DBTaskResult.objects.ready().filter(enqueued_at__lt=waiting_since).exists()
    return "delayed" if late else "ok"


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
    "tasks": check_tasks,
}
# Without these the node cannot serve; late tasks alone leave it in the pool.
REQUIRED = {"database", "cache", "storage"}


@never_cache
def health(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception:
            logger.exception("health.failed check=%s", name)
            results[name] = "unavailable"
    healthy = all(results[name] == "ok" for name in REQUIRED)
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": results},
        status=200 if healthy else 503,
    )
