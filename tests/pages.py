"""Reading pages in tests as a person reads them."""

import html
import re


def page_text(response):
    """The page's visible text: scripts and tags removed, entities decoded, spaces collapsed."""
    body = re.sub(r"<script.*?</script>", " ", response.content.decode(), flags=re.S)
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", body).split()))
