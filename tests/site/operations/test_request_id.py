"""One request id from the proxy to the node's log lines and to the tasks the request queues
(awards_site/operations/request_id.py), in JSON log lines (awards_site/operations/logs.py)."""

import io
import json
import logging
import logging.config
from types import SimpleNamespace

from awards_site.operations import request_id
from awards_site.operations.logs import logging_config

PROXY_ID = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"


def test_the_proxys_id_comes_back_on_the_answer(client, db):
    response = client.get("/health/", HTTP_X_REQUEST_ID=PROXY_ID)
    assert response["X-Request-ID"] == PROXY_ID


def test_a_request_without_an_id_gets_one_of_its_own(client, db):
    first = client.get("/health/")["X-Request-ID"]
    second = client.get("/health/")["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_an_id_that_could_forge_log_lines_is_replaced(client, db):
    forged = 'abc123456"\n{"level": "INFO", "message": "login user=1"}'
    response = client.get("/health/", HTTP_X_REQUEST_ID=forged)
    assert response["X-Request-ID"] != forged
    assert "\n" not in response["X-Request-ID"]


def json_lines(node="node-a"):
    """The site's logging in JSON, written to a buffer; returns the buffer."""
    config = logging_config("json", "WARNING", node)
    buffer = io.StringIO()
    config["handlers"]["console"]["stream"] = buffer
    return config, buffer


def test_a_log_line_is_json_with_the_request_id_and_the_node(client, db, settings):
    config, buffer = json_lines()
    settings.LOG_REQUESTS = True
    logging.config.dictConfig(config)
    try:
        client.get("/health/", HTTP_X_REQUEST_ID=PROXY_ID)
    finally:
        logging.config.dictConfig(settings.LOGGING)
    lines = [json.loads(line) for line in buffer.getvalue().splitlines()]
    request_line = next(line for line in lines if line["logger"] == "awards_site.requests")
    assert request_line["request_id"] == PROXY_ID
    assert request_line["node"] == "node-a"
    assert request_line["path"] == "/health/"
    assert request_line["status"] == 200


def test_a_queued_task_runs_with_the_id_of_the_request_that_queued_it(db):
    """The worker's side: the id is found by the task's id, whichever worker starts it."""
    task_result = SimpleNamespace(
        id="task-1", task=SimpleNamespace(module_path="reach.flush"), status="SUCCESSFUL"
    )
    token = request_id.current.set(PROXY_ID)
    try:
        request_id.on_task_enqueued(None, task_result)
    finally:
        request_id.current.reset(token)
    assert request_id.current.get() == "-"
    request_id.on_task_started(None, task_result)
    assert request_id.current.get() == PROXY_ID
    request_id.on_task_finished(None, task_result)
    assert request_id.current.get() == "-"
