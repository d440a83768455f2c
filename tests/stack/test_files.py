"""Files live in the buckets, not on a node's disk: evidence uploaded through node A downloads
through node B, and a private file is never readable at a bucket address, nor by another
person."""

import hashlib

import pytest
import requests

from nominations.demo import minimal_pdf

pytestmark = pytest.mark.stack
BUCKET = "cxawards-private"


def draft_of(sql, email):
    """A draft of the demo nominator's with room for another file (5 at most)."""
    return sql(
        "SELECT n.uuid FROM nominations_nomination n JOIN awards_site_user u"
        " ON u.id = n.nominator_id WHERE u.email = %s AND n.status = 'draft'"
        " AND (SELECT count(*) FROM nominations_evidencefile e WHERE e.nomination_id = n.id) < 5"
        " ORDER BY n.id LIMIT 1",
        email,
    )[0][0]


def test_evidence_uploaded_on_one_node_downloads_on_the_other(
    visitor, make_visitor, sql, stack, s3
):
    visitor.log_in("nominator@demo.test", node="a")
    uuid = draft_of(sql, "nominator@demo.test")
    content = minimal_pdf("Evidence uploaded through node A")
    step = f"/nominate/{uuid}/evidence/"
    uploaded = visitor.post(
        step,
        {
            "csrfmiddlewaretoken": visitor.token(step, node="a"),
            f"nomination-{uuid}-current_step": "evidence",
            "upload": "1",
        },
        node="a",
        files={"evidence-file": ("service-charter.pdf", content, "application/pdf")},
    )
    assert uploaded.status_code in (200, 302), uploaded.text[:500]
    evidence_id, key, sha256 = sql(
        "SELECT e.id, e.file, e.sha256 FROM nominations_evidencefile e"
        " JOIN nominations_nomination n ON n.id = e.nomination_id"
        " WHERE n.uuid = %s AND e.original_name = 'service-charter.pdf'"
        " ORDER BY e.id DESC LIMIT 1",
        uuid,
    )[0]
    assert sha256 == hashlib.sha256(content).hexdigest()

    download = visitor.get(f"/my-nominations/{uuid}/evidence/{evidence_id}/", node="b")
    assert download.status_code == 200  # streamed by the node, not a redirect to the bucket
    assert download.content == content
    assert "service-charter.pdf" in download.headers["Content-Disposition"]

    # Nobody else: another signed-in person, and anyone at the bucket's address.
    stranger = make_visitor()
    stranger.log_in("sponsor@demo.test", node="b")
    refused = stranger.get(f"/my-nominations/{uuid}/evidence/{evidence_id}/", node="a")
    assert refused.status_code == 404 and refused.content != content
    # The file is in the private bucket (the site's credentials read it), not on a node's disk,
    # and the bucket's address gives it to nobody.
    assert s3.get_object(Bucket=BUCKET, Key=key)["Body"].read() == content
    bucket_address = f"{stack['AWS_S3_ENDPOINT_URL']}/{BUCKET}"
    assert requests.get(f"{bucket_address}/{key}", timeout=10).status_code == 403
    assert bucket_address not in download.text

    # The draft keeps room for the next run against the same stack (5 files at most).
    sql("DELETE FROM nominations_evidencefile WHERE id = %s", evidence_id)
    s3.delete_object(Bucket=BUCKET, Key=key)
