"""A visitor of the live stack (make stack), with Python's requests: through nginx (TLS, the
nodes in turn), or straight to one node as nginx would pass the request (its headers), so a test
chooses which node serves each step. The cookies are one jar for both ways: a session started
on one node is carried to the other exactly as a browser carries it through the proxy."""

import json
import re
import subprocess
import sys
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
STACK = ROOT / "deploy" / "stack.py"
CERTIFICATE = ROOT / "var" / "stack" / "tls" / "cert.pem"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
DEMO_PASSWORD = "cxawards-demo"


def stack_settings():
    """The stack's environment (deploy/stack.py env): ports, database, buckets, keys."""
    answer = subprocess.run(
        [sys.executable, str(STACK), "env"], capture_output=True, text=True, check=True
    )
    return json.loads(answer.stdout)


class Visitor:
    def __init__(self, site_url, node_urls):
        self.site_url = site_url
        self.node_urls = node_urls
        self.session = requests.Session()
        self.request_ids = []

    def url(self, path, node):
        return (self.node_urls[node] if node else self.site_url) + path

    def headers(self, node):
        """Through nginx: nothing to add. To a node: what nginx's proxy.conf sets."""
        origin = {"Origin": self.site_url, "Referer": self.site_url + "/"}
        if not node:
            return origin
        # The site's cookies are Secure (production settings): requests sends them over TLS
        # only, so they are passed here as nginx passes them to a node, over the loopback.
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.session.cookies)
        return {
            **origin,
            **({"Cookie": cookies} if cookies else {}),
            "Host": self.site_url.split("://", 1)[1],
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "127.0.0.1",
            "X-Request-ID": uuid.uuid4().hex,
        }

    def get(self, path, node=None, **kwargs):
        return self._send("GET", path, node, **kwargs)

    def post(self, path, data=None, node=None, **kwargs):
        return self._send("POST", path, node, data=data, **kwargs)

    def _send(self, method, path, node, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 60)
        # nginx's certificate is the stack's own (deploy/stack.py made it for 127.0.0.1).
        kwargs.setdefault("verify", str(CERTIFICATE))
        headers = {**self.headers(node), **kwargs.pop("headers", {})}
        response = self.session.request(method, self.url(path, node), headers=headers, **kwargs)
        self.request_ids.append(response.headers.get("X-Request-ID"))
        return response

    def token(self, path, node=None):
        page = self.get(path, node)
        assert page.status_code == 200, (path, page.status_code)
        return TOKEN.search(page.text).group(1)

    def submit(self, path, data=None, node=None, **kwargs):
        """A form as a person sends it: the page, then the form with its security token."""
        return self.post(
            path, {"csrfmiddlewaretoken": self.token(path, node), **(data or {})}, node, **kwargs
        )

    def log_in(self, email, password=DEMO_PASSWORD, node=None):
        return self.submit("/accounts/login/", {"login": email, "password": password}, node)

    def signed_in(self, node=None):
        """True when the session is a signed-in person's on that node: the account page
        answers instead of sending to the log-in page."""
        return self.get("/accounts/email/", node).status_code == 200
