"""One request id across the proxy, the node and the task: an editor publishing a page through
nginx queues tasks (the search index, Wagtail's references); nginx's access log, the node's log
and the log of the worker that ran them all carry the id the answer gave back (X-Request-ID),
as JSON lines."""

import json

import pytest

from tests.stack.conftest import LOGS, wait_until

pytestmark = pytest.mark.stack
PAGE = "/home/program-actions/cx-curriculum/"
PUBLISH = "/admin/bulk/wagtailcore/page/publish/"


def lines_with(request_id, log):
    found = []
    for line in (LOGS / log).read_text().splitlines():
        if request_id in line:
            found.append(json.loads(line))  # every line is JSON
    return found


def test_a_requests_id_is_in_the_proxys_the_nodes_and_the_workers_logs(visitor, stack, sql):
    (page_id,) = sql("SELECT id FROM wagtailcore_page WHERE url_path = %s", PAGE)[0]
    assert visitor.log_in("editor@demo.test").status_code == 302
    answer = visitor.submit(f"/admin/bulk/wagtailcore/page/publish/?id={page_id}")
    assert answer.status_code == 302
    request_id = answer.headers["X-Request-ID"]

    # nginx writes a request's line as the request ends, a moment after its last byte.
    (proxy,) = wait_until(lambda: lines_with(request_id, "nginx-access.json"), 5, step=0.1)
    assert proxy["method"] == "POST" and proxy["uri"] == PUBLISH
    node_a = f"127.0.0.1:{stack['node_ports']['a']}"
    node = "node-a.log" if proxy["upstream_addr"] == node_a else "node-b.log"
    (request_line,) = [
        line for line in lines_with(request_id, node) if line["logger"] == "awards_site.requests"
    ]
    assert request_line["path"] == PUBLISH and request_line["status"] == 302

    def task_lines():
        return lines_with(request_id, "worker-1.log") + lines_with(request_id, "worker-2.log")

    started = wait_until(task_lines, 30)
    assert any(line["message"].startswith("task.started") for line in started)
    assert all(line["request_id"] == request_id for line in started)
