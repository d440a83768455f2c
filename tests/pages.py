"""Reading pages in tests as a person reads them."""

import html
import re


def page_text(response):
    """The page's visible text: scripts and tags removed, entities decoded, spaces collapsed."""
    body = re.sub(r"<script.*?</script>", " ", response.content.decode(), flags=re.S)
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", body).split()))


POST_FORM = re.compile(r'<form method="post" action="([^"]+)"')


def form_action(path, client=None):
    """Where the first POST form of the page at `path` sends its answers, read from the page as
    a browser reads it (the open letter's and the pledge's forms post to cms/signing/views.py)."""
    from django.test import Client

    response = (client or Client()).get(path)
    assert response.status_code == 200, path
    return html.unescape(POST_FORM.search(response.content.decode()).group(1))
