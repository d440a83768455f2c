"""What one node knows, the other knows: a session started on node A works on node B, and the
log-in lock-out and the public forms' rate limit count requests on both nodes together (Redis).
Each step is sent straight to the node named (as nginx passes it)."""

import pytest
import redis

pytestmark = pytest.mark.stack


def test_a_session_started_on_one_node_works_on_the_other(visitor):
    signed_in = visitor.log_in("sponsor@demo.test", node="a")
    assert signed_in.status_code == 302
    assert visitor.signed_in(node="b")
    assert "sponsor@demo.test" in visitor.get("/accounts/email/", node="b").text
    # Signing out on B ends it on A too.
    visitor.submit("/accounts/logout/", node="b")
    assert not visitor.signed_in(node="a")


def test_the_log_in_lock_out_counts_failures_on_both_nodes(make_visitor):
    """Five failed log-ins for one account within 5 minutes lock it (ACCOUNT_RATE_LIMITS):
    three on node A and two on node B, so neither node alone saw five. Then even the right
    password is refused, on either node."""
    attacker = make_visitor()
    for node in "ababa":
        answer = attacker.log_in("judge5@demo.test", "wrong-password-123", node=node)
        assert answer.status_code == 200  # the form again, with its error
    owner = make_visitor()
    refused = owner.log_in("judge5@demo.test", node="b")
    assert refused.status_code in (200, 429)
    assert not owner.signed_in(node="b")
    assert not owner.signed_in(node="a")


def test_the_public_forms_rate_limit_counts_on_both_nodes(visitor, stack):
    """PUBLIC_FORM_RATE (10 an hour from one address): ten enquiries sent alternately to A and
    B, and the eleventh, on either node, is refused."""
    page = "/partners/become-a-partner/"
    for node in "ababababab":
        assert visitor.submit(page, node=node).status_code == 200
    assert visitor.submit(page, node="a").status_code == 429
    assert visitor.submit(page, node="b").status_code == 429


def test_sessions_are_read_from_redis_and_outlive_it(visitor, stack):
    """With Redis, a signed-in request reads its session from Redis; each change is written to
    PostgreSQL too, so emptying Redis signs nobody out."""
    shared = redis.Redis.from_url(stack["REDIS_URL"])
    assert visitor.log_in("sponsor@demo.test", node="a").status_code == 302
    session_key = next(c.value for c in visitor.session.cookies if c.name == "sessionid")
    assert shared.keys(f"*sessions.cached_db{session_key}")
    shared.flushdb()
    assert visitor.signed_in(node="b")
    assert shared.keys(f"*sessions.cached_db{session_key}")  # read from PostgreSQL, kept again
