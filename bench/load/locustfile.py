"""Simulated people for the load test (started by bench/load/run.py, which seeds the accounts):

- nominators sign in, walk the whole nomination wizard (every step posted with its CSRF token
  and the wizard's management form, a small PDF uploaded as evidence), send the nomination,
  then read "My nominations" now and then;
- judges sign in with their password and a code from their authenticator app, open the portal,
  confirm they have no conflict with an entry, save a draft of its scoresheet, complete it,
  confirm the submission, and go on to the next entry;
- visitors read public pages in English and French.

Each simulated person comes from an address of their own (X-Forwarded-For, read by the site as
behind one proxy, TRUSTED_PROXY_COUNT=1), as real visitors do, so the per-address log-in limits
apply to each person and not to the load tool as a whole.

Every response must be the one a browser expects: a page (200) for a GET, a redirect to the
next page for a POST. Anything else is a failure, with the page's error summary when it has one.
The nominations and scoresheets whose sending was confirmed are written to LOAD_OUTCOME at the
end, for run.py to compare with the database.
"""

import base64
import hashlib
import hmac
import itertools
import json
import os
import random
import re
import struct
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import gevent
from locust import HttpUser, between, constant_throughput, events, task
from locust.exception import StopUser
from pages import error_summary, form_posting_to, form_with

ACCOUNTS = json.loads(Path(os.environ["LOAD_ACCOUNTS"]).read_text())
PASSWORD = ACCOUNTS["password"]
EVIDENCE = Path(ACCOUNTS["evidence"]).read_bytes()  # a small valid PDF written by seed.py
THINK_MIN, THINK_MAX = (float(s) for s in os.environ.get("LOAD_THINK", "2,6").split(","))
# A fixed rate (run.py --rate): pages per second asked by everyone together, each person pacing
# their pages evenly (locust's constant_throughput), instead of thinking 2 to 6 s.
RATE = float(os.environ.get("LOAD_RATE") or 0)
PEOPLE = sum(int(os.environ[f"LOAD_{kind}"]) for kind in ("NOMINATORS", "JUDGES", "VISITORS"))
TIMEOUT = 60  # seconds; a slower answer is a failure, not a wait
# The certificate to trust over TLS (bench/load/on_stack.py: the stack's own, made for
# 127.0.0.1); locust's client does not read REQUESTS_CA_BUNDLE.
CA_BUNDLE = os.environ.get("LOAD_CA_BUNDLE")

confirmed_nominations = []  # uuids whose sending answered with the "submitted" page
confirmed_scoresheets = []  # assignment ids whose confirmation answered with the dashboard
nominator_emails = iter(ACCOUNTS["nominators"])
judge_accounts = iter(ACCOUNTS["judges"])
client_numbers = itertools.count(1)

STEP_URL = re.compile(r"^/nominate/(?P<uuid>[0-9a-f-]{36})/(?P<step>[a-z]+)/$")
ENTRY_ROW = re.compile(r'href="/judging/entries/(\d+)/".*?class="tag tag--(\w+)"', re.S)
STATIC_FILE = re.compile(r'(?:href|src)="(/static/[^"]+)"')

WIZARD = ["category", "organisation", "contact", "initiative", "results", "evidence"]
WIZARD += ["declaration", "check"]
# Answers by field (the form's prefix, the step's name, aside); radio groups and lists get one
# of the options the page offers.
ANSWERS = {
    "eligibility_confirmed": "on",
    "organisation_name": "Load Test Revenue Service",
    "city": "Nairobi",
    "website": "https://www.example.gov",
    "contact_name": "Amina Load",
    "contact_role": "Head of customer service",
    "contact_email": "amina@example.gov",
    "contact_phone": "+254 700 000 000",
    "initiative_title": "Queue-free appointments by text message",
    "summary": "People now book a time by text message and are served in minutes.",
    "challenge": "People queued for hours and often came back two or three times.",
    "actions_people": "Front-line agents were trained to finish requests at the first contact.",
    "actions_process": "Four steps that added nothing were removed from the journey.",
    "actions_technology": "A simple queue system sends a text message when a turn is near.",
    "results": "Waiting times fell from three hours to twenty minutes.",
    "citizen_impact": "People lose less time and money travelling back and forth.",
    "sustainability": "The procedure is part of the annual plan and budget.",
    "baseline_period": "January-June 2025",
    "latest_period": "January-June 2026",
    "nps_before": "-12",
    "nps_after": "41",
    "customer_effort_score": "2.8",
    "first_contact_resolution": "78",
    "turnaround_before": "21",
    "turnaround_after": "4",
    "satisfaction": "86",
    "accept": "on",
}
VISITOR_PAGES = [
    "/",
    "/cx-awards/",
    "/cx-awards/2026-winners/",
    "/partners/",
    "/news/",
    "/about/",
    "/nominate/",
    "/fr/",
    "/fr/prix-cx/",
    "/fr/partenaires/",
    "/fr/actualites/",
]


def totp_code(secret, at):
    """The authenticator app's 6-digit code (RFC 6238: HMAC-SHA1, 30-second steps)."""
    key = base64.b32decode(secret)
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def failed_connection(response):
    """Why no answer came (status 0: the connection failed or timed out), or ""."""
    return f" {response.error!r}" if response.status_code == 0 and response.error else ""


class Person(HttpUser):
    abstract = True
    wait_time = constant_throughput(RATE / PEOPLE) if RATE else between(THINK_MIN, THINK_MAX)

    def on_start(self):
        number = next(client_numbers)
        address = f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"
        self.client.headers["X-Forwarded-For"] = address
        # As a browser sends it with a form: over HTTPS, Django's CSRF check wants the origin.
        self.client.headers["Origin"] = self.host.rstrip("/")
        if CA_BUNDLE:
            self.client.verify = CA_BUNDLE

    # Requests ------------------------------------------------------------------------------------
    def keep_cookies_on_loopback(self):
        """Browsers send the production settings' Secure cookies (session, CSRF) back to a
        loopback http://127.0.0.1 address; Python's cookie jars send them over https only (and
        requests builds a new jar, with the default policy, for every request)."""
        for cookie in self.client.cookies:
            cookie.secure = False

    def page(self, path, name):
        """GET a page; anything but 200 is a failure. Returns the HTML ("" on failure)."""
        with self.client.get(
            path, name=name, catch_response=True, allow_redirects=False, timeout=TIMEOUT
        ) as response:
            self.keep_cookies_on_loopback()
            if response.status_code != 200:
                response.failure(
                    f"{response.status_code} {response.headers.get('Location', '')}"
                    f"{failed_connection(response)}"
                )
                return ""
            return response.text

    def send(self, path, data, name, expect, files=None):
        """POST a form; it must answer with a redirect whose path matches `expect` (a regex).
        Returns the redirect's path, or None on failure."""
        with self.client.post(
            path,
            data=data,
            files=files,
            name=name,
            catch_response=True,
            allow_redirects=False,
            timeout=TIMEOUT,
        ) as response:
            self.keep_cookies_on_loopback()
            location = urlsplit(response.headers.get("Location", "")).path
            if response.status_code == 302 and re.fullmatch(expect, location):
                return location
            problem = error_summary(response.text) if response.status_code == 200 else ""
            response.failure(
                f"{response.status_code} to {location or '-'} {problem}"
                f"{failed_connection(response)}".strip()
            )
            return None

    def log_in(self, email, next_path, totp_secret=None):
        login_path = "/accounts/login/?" + urlencode({"next": next_path})
        form = form_with(self.page(login_path, "account: log-in page"), "login")
        if form is None:
            raise StopUser
        self.wait()
        expect = r"/accounts/2fa/authenticate/" if totp_secret else re.escape(next_path)
        data = form.data(login=email, password=PASSWORD)
        location = self.send(form.action or login_path, data, "account: log in", expect)
        if location is None:
            raise StopUser
        if totp_secret:
            self._enter_code(totp_secret, next_path)

    def _enter_code(self, secret, next_path):
        form = form_with(self.page("/accounts/2fa/authenticate/", "account: code page"), "code")
        if form is None:
            raise StopUser
        self.wait()
        # The site accepts the current code only (allauth's MFA_TOTP_TOLERANCE is 0): with less
        # than 10 s left on the app's ring, wait for the next code, as a person would.
        if time.time() % 30 > 20:
            gevent.sleep(30 - time.time() % 30 + 0.5)
        data = form.data(code=totp_code(secret, time.time()))
        path = form.action or "/accounts/2fa/authenticate/"
        if self.send(path, data, "account: send code", re.escape(next_path)) is None:
            raise StopUser


class Nominator(Person):
    fixed_count = int(os.environ.get("LOAD_NOMINATORS", "200"))

    def on_start(self):
        super().on_start()
        self.email = next(nominator_emails)
        self.uuid = None
        self.done = False  # sent, or stopped by a failure: from then on only reading
        self.page("/nominate/", "nominate: start page")
        self.wait()
        self.log_in(self.email, "/nominate/")

    @task
    def nominate_then_read(self):
        if not self.done:
            self.done = True
            self.walk_wizard()
        else:
            self.read_own()

    def walk_wizard(self):
        form = form_posting_to(self.page("/nominate/", "nominate: start page"), "/nominate/")
        if form is None:
            return
        self.wait()
        first = self.send("/nominate/", form.data(), "nominate: start", STEP_URL.pattern)
        if first is None:
            return
        self.uuid = STEP_URL.match(first)["uuid"]
        html = self.page(first, f"wizard: {WIZARD[0]}")
        for step, next_step in zip(WIZARD, [*WIZARD[1:], None], strict=True):
            html = self.answer(step, next_step, html)
            if html is None:
                return
        confirmed_nominations.append(self.uuid)
        self.page(f"/my-nominations/{self.uuid}/submitted/", "nominate: submitted page")

    def answer(self, step, next_step, html):
        """Fill in the step shown in `html` and continue, as a browser does. Returns the next
        step's page (the site answers "Continue" with it), or None on failure."""
        path = f"/nominate/{self.uuid}/{step}/"
        management = f"nomination-{self.uuid}-current_step"
        form = form_with(html, management)
        if form is None:
            return None
        self.wait()
        if step == "evidence":
            files = {"evidence-file": ("survey-results.pdf", EVIDENCE, "application/pdf")}
            data = form.data(upload="1")
            if self.send(path, data, "wizard: evidence upload", re.escape(path), files) is None:
                return None
            form = form_with(self.page(path, "wizard: evidence"), management)
            if form is None:
                return None
            self.wait()
        values = {"continue": ""}
        for name in form.names:
            field_step, _, field = name.partition("-")
            if field_step != step:
                continue
            if form.choices.get(name):
                values[name] = random.choice(form.choices[name])
            elif field in ANSWERS:
                values[name] = ANSWERS[field]
        if next_step is None:
            expect = re.escape(f"/my-nominations/{self.uuid}/submitted/")
            sent = self.send(path, form.data(**values), "wizard: send the nomination", expect)
            return None if sent is None else ""
        return self.continue_to(path, form.data(**values), step, next_step)

    def continue_to(self, path, data, step, next_step):
        """POST a step's "Continue": the answer is the next step's page, or (after the
        declaration) a redirect to it. Returns that page, or None on failure."""
        next_path = f"/nominate/{self.uuid}/{next_step}/"
        with self.client.post(
            path,
            data=data,
            name=f"wizard: {step}",
            catch_response=True,
            allow_redirects=False,
            timeout=TIMEOUT,
        ) as response:
            self.keep_cookies_on_loopback()
            location = urlsplit(response.headers.get("Location", "")).path
            if response.status_code == 200 and form_posting_to(response.text, next_path):
                return response.text
            if not (response.status_code == 302 and location == next_path):
                problem = error_summary(response.text) if response.status_code == 200 else ""
                response.failure(
                    f"{response.status_code} to {location or '-'} {problem}"
                    f"{failed_connection(response)}".strip()
                )
                return None
        return self.page(next_path, f"wizard: {next_step}")

    def read_own(self):
        self.page("/my-nominations/", "nominator: my nominations")
        if self.uuid:
            self.wait()
            self.page(f"/my-nominations/{self.uuid}/", "nominator: a nomination")


class Judge(Person):
    fixed_count = int(os.environ.get("LOAD_JUDGES", "30"))

    def on_start(self):
        super().on_start()
        self.account = next(judge_accounts)
        self.log_in(self.account["email"], "/judging/", totp_secret=self.account["totp_secret"])

    @task
    def score_next_entry(self):
        html = self.page("/judging/", "judging: dashboard")
        mine = set(self.account["assignments"])
        rows = [(int(pk), status) for pk, status in ENTRY_ROW.findall(html) if int(pk) in mine]
        to_score = [pk for pk, status in rows if status != "submitted"]
        self.wait()
        if to_score:
            self.score(to_score[0])
        elif rows:  # everything scored: read back an entry now and then
            self.page(f"/judging/entries/{random.choice(rows)[0]}/", "judging: entry")

    def score(self, pk):
        entry = f"/judging/entries/{pk}/"
        html = self.page(entry, "judging: entry")
        check = form_with(html, "no_conflict")
        if check is not None:
            self.wait()
            path = f"{entry}conflict/"
            data = check.data(no_conflict="1")
            if self.send(path, data, "judging: no conflict", re.escape(entry)) is None:
                return
            html = self.page(entry, "judging: entry")
        form = form_with(html, "version")
        if form is None:
            return
        self.wait()
        scores = self.scores(form)
        half = dict(list(scores.items())[: len(scores) // 2])
        data = form.data(save="1", overall_comment="First reading.", **half)
        if self.send(entry, data, "judging: save draft", re.escape(entry)) is None:
            return
        form = form_with(self.page(entry, "judging: entry"), "version")
        if form is None:
            return
        self.wait()
        data = form.data(submit="1", overall_comment="A clear, well-measured entry.", **scores)
        confirm = f"{entry}submit/"
        if self.send(entry, data, "judging: submit scores", re.escape(confirm)) is None:
            return
        form = form_with(self.page(confirm, "judging: confirmation page"), "confirm")
        if form is None:
            return
        self.wait()
        data = form.data(confirm="1")
        if self.send(confirm, data, "judging: confirm submission", r"/judging/") is not None:
            confirmed_scoresheets.append(pk)

    @staticmethod
    def scores(form):
        """A score for every criterion, a comment on each, and a recommendation."""
        values = {}
        for name, options in sorted(form.choices.items()):
            if name.startswith("score_") or name == "recommendation":
                values[name] = random.choice(options)
        for name in sorted(form.names):
            if name.startswith("comment_"):
                values[name] = "Evidence matches the claims."
        return values


class Visitor(Person):
    fixed_count = int(os.environ.get("LOAD_VISITORS", "20"))

    def on_start(self):
        super().on_start()
        html = self.page("/", "visit: /")
        for path in sorted(set(STATIC_FILE.findall(html))):  # the first page's CSS, JS, icons
            self.page(path, "visit: static file")

    @task
    def read_a_page(self):
        path = random.choice(VISITOR_PAGES)
        self.page(path, f"visit: {path}")


@events.test_stop.add_listener
def write_outcome(environment, **_kwargs):
    outcome = os.environ.get("LOAD_OUTCOME")
    if outcome:
        Path(outcome).write_text(
            json.dumps({"nominations": confirmed_nominations, "scoresheets": confirmed_scoresheets})
        )
