"""Publishing on one node shows at once on the other: node B shares a copy of a public page
with visitors (the page cache in Redis, and what each of its workers keeps in memory until
public content changes); an editor unpublishes the page through node A, and B answers 404 on
the next request; published again through A, B shows it again."""

import pytest

pytestmark = pytest.mark.stack
PAGE = "/program-actions/media/"


def test_an_unpublished_and_republished_page_changes_on_the_other_node_at_once(make_visitor, sql):
    page_id = sql(
        "SELECT id FROM wagtailcore_page WHERE url_path = '/home/program-actions/media/'"
    )[0][0]
    public = make_visitor()
    for _ in range(3):  # cached by now, in Redis and in B's workers
        assert public.get(PAGE, node="b").status_code == 200

    editor = make_visitor()
    assert editor.log_in("editor@demo.test", node="a").status_code == 302
    unpublish = f"/admin/pages/{page_id}/unpublish/"
    assert editor.submit(unpublish, node="a").status_code == 302
    assert public.get(PAGE, node="b").status_code == 404

    publish = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}"
    assert editor.submit(publish, node="a").status_code == 302
    assert public.get(PAGE, node="b").status_code == 200
    assert sql("SELECT live FROM wagtailcore_page WHERE id = %s", page_id) == [(True,)]
