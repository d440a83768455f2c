"""What the reach tests share: a browser's User-Agent (the test client sends none, and a request
without one is not counted), and a flush of everything counted so far, the current minute
included."""

import pytest

from awards_site.reach import buffer

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


def flush_all():
    """Flush as two minutes from now would: every slot so far is closed."""
    return buffer.flush(now_slot=buffer.current_slot() + 2)


@pytest.fixture
def browser(client):
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client
