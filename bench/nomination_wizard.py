"""Median time of each step of the nomination form (GET and POST), of submission and of the
admin list of nominations, with 10,000 nominations in the database; then one whole nomination
as a browser walks it (the documents it loads and posts, from /nominate/ to "Nomination sent"),
its number of requests and their time added up, beside pretalx's figures.

    .venv/bin/python bench/nomination_wizard.py                 # SQLite, in a throwaway folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cxbench \
        .venv/bin/python bench/nomination_wizard.py

The PostgreSQL database must exist and be empty (it is migrated here). Target: every step
under 50 ms median on SQLite on the reference machine (2 cores).
"""

import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "awards_site.settings.dev")
os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="cxbench-"))
os.environ["DEBUG"] = "0"
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))
# pretalx's figures from issue 15: one step of its submission wizard, one whole submission.
PRETALX_STEP_MS, PRETALX_REQUESTS, PRETALX_WHOLE_MS = 99.1, 7, 318
VOLUME = int(os.environ.get("BENCH_NOMINATIONS", "10000"))


def prepare():
    call_command("migrate", verbosity=0)
    from cms.demo.loader import DemoLoader

    DemoLoader(stdout=lambda message: None).run()
    from django.contrib.auth import get_user_model

    from nominations.choices import NominationStatus
    from nominations.models import AwardCycle, Nomination

    cycle = AwardCycle.objects.current()
    owner = get_user_model().objects.get(email="judge1@demo.test")
    categories = list(cycle.categories.all())
    existing = Nomination.objects.count()
    Nomination.objects.bulk_create(
        [
            Nomination(
                cycle=cycle,
                nominator=owner,
                category=categories[n % len(categories)],
                country="KE",
                organisation_name=f"Bench organisation {n}",
                status=NominationStatus.SUBMITTED,
                reference=f"BENCH-{n:06d}",
                summary="Bench " * 50,
            )
            for n in range(max(0, VOLUME - existing))
        ],
        batch_size=1000,
    )
    return Nomination.objects.count()


ROWS = []


def timed(function):
    prepare = getattr(function, "prepare", None)
    if prepare:
        prepare()  # not timed: what the page posted was loaded with
    start = time.perf_counter()
    response = function()
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code in (200, 302), (response.status_code, getattr(response, "url", ""))
    return elapsed


def median_ms(function, rounds=ROUNDS):
    timed(function)  # warm-up
    return statistics.median(timed(function) for _ in range(rounds))


def main():
    total = prepare()
    from django.contrib.auth import get_user_model

    from tests.nominations.wizard.driver import VALID_ANSWERS  # the answers the tests use

    client = Client()
    client.force_login(get_user_model().objects.get(email="nominator@demo.test"))
    response = client.post("/nominate/")
    uuid = response["Location"].split("/")[2]
    from nominations.models import Category

    category = Category.objects.filter(cycle__is_current=True).first()
    answers = {
        "category": {
            "category": str(category.pk),
            "relation": "self",
            "eligibility_confirmed": "on",
        },
        **VALID_ANSWERS,
    }

    def step_post(step):
        # As the page opened just now sends it: with the revision and the step's answers it
        # was loaded with (nominations/wizard/drafts.py), so the usual one-statement save.
        data = {f"nomination-{uuid}-current_step": step, "continue": "1"}
        data.update({f"{step}-{k}": v for k, v in answers.get(step, {}).items()})

        def post():
            return client.post(f"/nominate/{uuid}/{step}/", data)

        post.prepare = lambda: data.update(loaded(uuid, step))
        return post

    from django.core.files.uploadedfile import SimpleUploadedFile

    from nominations.demo import minimal_pdf

    client.post(
        f"/nominate/{uuid}/evidence/",
        {
            f"nomination-{uuid}-current_step": "evidence",
            "upload": "1",
            "evidence-file": SimpleUploadedFile("b.pdf", minimal_pdf("bench")),
        },
    )
    rows = ROWS
    for step in [
        "category",
        "organisation",
        "contact",
        "initiative",
        "results",
        "evidence",
        "declaration",
    ]:
        rows.append((f"{step} GET", median_ms(lambda s=step: client.get(f"/nominate/{uuid}/{s}/"))))
        rows.append((f"{step} POST", median_ms(step_post(step))))
    rows.append(("check GET", median_ms(lambda: client.get(f"/nominate/{uuid}/check/"))))
    rows.append(("submit POST", median_ms(step_post("check"), rounds=1)))
    rows.append(("my nominations GET", median_ms(lambda: client.get("/my-nominations/"))))
    admin = Client()
    admin.force_login(get_user_model().objects.get(email="admin@demo.test"))
    rows.append(("admin list GET", median_ms(lambda: admin.get("/admin/nomination/"))))
    rows.append(
        (
            "admin list filtered GET",
            median_ms(lambda: admin.get("/admin/nomination/?status=submitted&country=KE")),
        )
    )

    print(f"database: {connection.vendor}, nominations: {total}, rounds: {ROUNDS} (median, ms)")
    for name, value in rows:
        flag = "" if value < 50 or "admin" in name else "  (over the 50 ms target)"
        print(f"  {name:<26} {value:8.1f}{flag}")
    worst = max(value for name, value in rows if "admin" not in name)
    verdict = "met" if worst < 50 else "NOT met"
    print(f"slowest nominator request: {worst:.1f} ms; target 50 ms: {verdict}")
    whole_nomination(client, answers)


def loaded(uuid, step):
    from nominations.models import Nomination
    from nominations.wizard.drafts import step_digest
    from nominations.wizard.forms import STEP_FORMS

    nomination = Nomination.objects.get(uuid=uuid)
    return {"revision": str(nomination.revision), "base": step_digest(nomination, STEP_FORMS[step])}


def page_fields(response):
    """The hidden revision and base of a wizard page (what the browser sends back)."""
    html = response.content.decode()
    return {
        name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
        for name in ("revision", "base")
    }


def whole_nomination(client, answers):
    """One nomination as the browser journey walks it (tests/browser/public/
    test_nomination_journey.py): every document loaded or posted, redirects followed one by one,
    each request timed; the median of WHOLE_ROUNDS nominations."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from nominations.demo import minimal_pdf

    rounds = int(os.environ.get("BENCH_WHOLE_ROUNDS", "5"))
    totals, counts = [], set()
    for number in range(rounds):
        requests = []

        def send(method, path, data=None, requests=requests):
            start = time.perf_counter()
            response = getattr(client, method)(path, *([] if data is None else [data]))
            requests.append((time.perf_counter() - start) * 1000)
            assert response.status_code in (200, 302), (method, path, response.status_code)
            while response.status_code == 302:
                path = response["Location"]
                start = time.perf_counter()
                response = client.get(path)
                requests.append((time.perf_counter() - start) * 1000)
            return path, response

        send("get", "/nominate/")
        path, page = send("post", "/nominate/", {})
        uuid = path.split("/")[2]
        mine = {
            **answers,
            "organisation": {
                **answers["organisation"],
                "organisation_name": f"Whole nomination {number} {uuid[:8]}",
            },
        }
        for step in ["category", "organisation", "contact", "initiative", "results"]:
            data = {f"nomination-{uuid}-current_step": step, "continue": "1", **page_fields(page)}
            data.update({f"{step}-{k}": v for k, v in mine.get(step, {}).items()})
            path, page = send("post", f"/nominate/{uuid}/{step}/", data)
        upload = SimpleUploadedFile("whole.pdf", minimal_pdf(f"whole {number}"))
        base = {f"nomination-{uuid}-current_step": "evidence", **page_fields(page)}
        path, page = send(
            "post", f"/nominate/{uuid}/evidence/", {**base, "upload": "1", "evidence-file": upload}
        )
        data = {f"nomination-{uuid}-current_step": "evidence", "continue": "1", **page_fields(page)}
        path, page = send("post", f"/nominate/{uuid}/evidence/", data)
        data = {
            f"nomination-{uuid}-current_step": "declaration",
            "continue": "1",
            "declaration-accept": "on",
            **page_fields(page),
        }
        path, page = send("post", f"/nominate/{uuid}/declaration/", data)
        data = {f"nomination-{uuid}-current_step": "check", "continue": "1", **page_fields(page)}
        path, page = send("post", f"/nominate/{uuid}/check/", data)
        assert path.endswith("/submitted/"), path
        totals.append(sum(requests))
        counts.add(len(requests))
    count = counts.pop() if len(counts) == 1 else counts
    whole = statistics.median(totals)
    print(f"one whole nomination (median of {rounds}), from /nominate/ to the confirmation:")
    print(f"  {'':<12} {'requests':>8} {'whole':>10} {'one step':>10}")
    step = [value for name, value in ROWS if name == "organisation POST"][0]
    print(f"  {'ours':<12} {count:>8} {whole:>7.1f} ms {step:>7.1f} ms")
    print(
        f"  {'pretalx':<12} {PRETALX_REQUESTS:>8} {PRETALX_WHOLE_MS:>7.1f} ms "
        f"{PRETALX_STEP_MS:>7.1f} ms"
    )
    print(
        f"  ours / pretalx: {count / PRETALX_REQUESTS:.2f}x the requests, "
        f"{whole / PRETALX_WHOLE_MS:.2f}x the time, {step / PRETALX_STEP_MS:.2f}x a step"
    )


if __name__ == "__main__":
    main()
