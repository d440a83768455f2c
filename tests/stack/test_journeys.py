"""The roles' journeys through nginx, as a browser takes them (Python's requests, following the
links each page offers; the Playwright journeys of tests/browser/ marked "journey" run through
the stack as well), with the requests shared out between the two nodes in turn. Which node
answered each request is read from nginx's JSON access log, by the request id each answer
carries."""

import re
from collections import Counter

import pytest

from tests.stack.conftest import upstreams

pytestmark = pytest.mark.stack


def first_link(page, pattern):
    match = re.search(rf'href="({pattern})"', page.text)
    assert match, f"no link like {pattern}"
    return match.group(1).replace("&amp;", "&")


def follow(visitor, path, status=200):
    response = visitor.get(path)
    assert response.status_code == status, (path, response.status_code)
    return response


def visitor_journey(visitor):
    home = follow(visitor, "/")
    follow(visitor, first_link(home, r"/[a-z][a-z-]+/"))
    follow(visitor, "/fr/")
    follow(visitor, "/search/?q=service")
    follow(visitor, "/health/")


def nominator_journey(visitor):
    assert visitor.log_in("nominator@demo.test").status_code == 302
    mine = follow(visitor, "/my-nominations/")
    sent = sorted(set(re.findall(r'href="(/my-nominations/[0-9a-f-]{36}/)"', mine.text)))
    files = []
    for nomination in sent:
        detail = follow(visitor, nomination)
        files += re.findall(r'href="(/my-nominations/[0-9a-f-]{36}/evidence/\d+/)"', detail.text)
    assert files
    assert follow(visitor, files[0]).content
    follow(visitor, "/my-data/")


def judge_journey(visitor):
    assert visitor.log_in("judge1@demo.test").status_code == 302
    dashboard = follow(visitor, "/judging/")
    follow(visitor, first_link(dashboard, r"/judging/entries/\d+/"))
    follow(visitor, "/judging/conflicts/")


def editor_journey(visitor):
    assert visitor.log_in("editor@demo.test").status_code == 302
    follow(visitor, "/admin/")
    explorer = follow(visitor, "/admin/pages/")
    follow(visitor, first_link(explorer, r"/admin/pages/\d+/edit/"))
    follow(visitor, "/admin/images/")


def sponsor_journey(visitor):
    assert visitor.log_in("sponsor@demo.test").status_code == 302
    reports = follow(visitor, "/sponsors/")
    workbook = follow(visitor, first_link(reports, r"/sponsors/[^\"]+"))
    assert workbook.content


@pytest.mark.parametrize(
    "journey",
    [visitor_journey, nominator_journey, judge_journey, editor_journey, sponsor_journey],
)
def test_a_roles_journey_passes_through_both_nodes_in_turn(make_visitor, stack, journey):
    visitor = make_visitor()
    journey(visitor)
    nodes = upstreams(visitor.request_ids)
    assert None not in nodes
    served = Counter(nodes)
    # nginx's round robin: one request to each node in turn (the journey alone on the stack).
    expected = {f"127.0.0.1:{port}" for port in stack["node_ports"].values()}
    assert set(served) == expected
    assert max(served.values()) - min(served.values()) <= 1
