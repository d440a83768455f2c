"""The proxy's health endpoint: 200 while the node can serve, 503 when a service it needs is
gone, and never a secret in the answer (awards_site/operations/health.py)."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from awards_site.operations import health


def test_a_healthy_node_answers_200_with_each_check(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok", "tasks": "ok"},
    }
    assert "no-cache" in response["Cache-Control"]


def test_a_lost_cache_takes_the_node_out_without_telling_why(client, db, monkeypatch, caplog):
    secret = "redis://:hunter2-password@10.0.0.5:6379/0"

    def unreachable(*args, **kwargs):
        raise ConnectionError(f"Error connecting to {secret}")

    monkeypatch.setattr(health.cache, "set", unreachable)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "unavailable"
    assert response.json()["status"] == "unavailable"
    assert "hunter2" not in response.content.decode()
    # The cause is in the log, for the people who run the servers.
    assert "hunter2" in caplog.text


def test_a_lost_database_takes_the_node_out(client, db, monkeypatch):
    def broken(*args, **kwargs):
        raise connection.OperationalError("server closed the connection")

    monkeypatch.setattr(health, "check_database", broken)
    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unavailable"


@pytest.mark.django_db
def test_tasks_waiting_too_long_are_reported_while_the_node_stays_in(client, settings):
    from django_tasks_db.models import DBTaskResult

    from awards_site.reach.tasks import flush_reach

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HEALTH_TASK_DELAY_SECONDS = 60
    result = flush_reach.enqueue()
    DBTaskResult.objects.filter(id=result.id).update(
        enqueued_at=timezone.now() - timedelta(minutes=5)
    )
    response = client.get("/health/")
    assert response.status_code == 200
    assert json.loads(response.content)["checks"]["tasks"] == "delayed"
