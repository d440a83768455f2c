"""The site's search with 10,000 pages: the median time of a few searches a visitor makes and
the number of queries each runs (issue 20, "query count and time do not grow with the number
of pages beyond the search itself").

    .venv/bin/python bench/search.py                      # SQLite in a throwaway folder
    BENCH_PAGES=500 .venv/bin/python bench/search.py      # a short run on a shared machine
    createdb -h 127.0.0.1 -U postgres cxawards_bench      # an EMPTY database: the bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cxawards_bench .venv/bin/python bench/search.py

1. The database is migrated (Wagtail's root and welcome page), then BENCH_PAGES (10,000)
   standard pages are made under the welcome page in bulk: the tree paths are computed
   (treebeard's materialised path, 4 characters a level), the page rows inserted with
   bulk_create, the standard page rows with one executemany, then the search index filled in
   chunks of 500 through the backend's add_items (what `update_index` does), not page by page.
   Their texts are drawn (a fixed seed) from a small English and French vocabulary. On
   PostgreSQL the tables are then analysed (as autovacuum does after a bulk load).
2. Each search of SEARCHES runs through cms/search/results.py's `search` (parsing, kinds,
   count, one page of results with snippets), BENCH_RUNS (20) times, interleaved; the median and
   fastest wall time and the queries of one run are printed.
Target: median under 100 ms on SQLite and on PostgreSQL; the query count the same at 500 and
10,000 pages. The database must be empty (the bench refuses otherwise); SQLite's folder is
removed at the end.
"""

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _harness  # noqa: E402

connection = _harness.start_django()

PAGES = int(os.environ.get("BENCH_PAGES", "10000"))
RUNS = int(os.environ.get("BENCH_RUNS", "20"))
SEARCHES = ["service", "huduma centres", '"service centre"', "nomination", "evenement", "zzyzx"]
WORDS = [
    "service",
    "centre",
    "public",
    "citizen",
    "waiting",
    "time",
    "counter",
    "queue",
    "office",
    "licence",
    "permit",
    "digital",
    "huduma",
    "agency",
    "municipality",
    "customer",
    "experience",
    "award",
    "survey",
    "feedback",
    "événement",
    "démarches",
    "administration",
    "usager",
    "guichet",
    "délai",
    "qualité",
    "accueil",
    "réponse",
]


def make_pages():
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import transaction
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from cms.models import StandardPage

    call_command("migrate", verbosity=0)
    home = Page.objects.get(depth=2)
    if home.numchild or Page.objects.count() > 2:
        sys.exit("bench/search.py needs an empty database (createdb a new one).")
    content_type = ContentType.objects.get_for_model(StandardPage)
    alphabet, steplen = Page.alphabet, Page.steplen
    rng = random.Random(20)

    def key(number):
        digits = ""
        while number:
            number, rest = divmod(number, len(alphabet))
            digits = alphabet[rest] + digits
        return digits.rjust(steplen, "0")

    started = time.perf_counter()
    with transaction.atomic():
        rows = []
        for number in range(1, PAGES + 1):
            slug = f"bench-{number}"
            title = " ".join(rng.choices(WORDS, k=4)).capitalize()
            rows.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=home.path + key(number),
                    depth=home.depth + 1,
                    numchild=0,
                    url_path=f"{home.url_path}{slug}/",
                    live=True,
                    content_type=content_type,
                    locale_id=home.locale_id,
                    first_published_at=home.first_published_at,
                )
            )
        Page.objects.bulk_create(rows, batch_size=500)
        Page.objects.filter(pk=home.pk).update(numchild=PAGES)
        ids = Page.objects.filter(depth=home.depth + 1).values_list("pk", flat=True)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {StandardPage._meta.db_table} "  # noqa: S608 (our own table name)
                "(page_ptr_id, intro, body, menu_title) VALUES (%s, %s, %s, %s)",
                [(pk, " ".join(rng.choices(WORDS, k=30)), "[]", "") for pk in ids.iterator()],
            )
    made = time.perf_counter() - started
    index = get_search_backend().get_index_for_model(StandardPage)
    pages = StandardPage.objects.order_by("pk")
    for start in range(0, PAGES, 500):
        index.add_items(StandardPage, list(pages[start : start + 500]))
    if connection.vendor == "postgresql":
        # What autovacuum does soon after a bulk load on a real server: without the tables'
        # statistics the planner takes 10,000 pages for one and loops over them.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"{PAGES} pages made in {made:.1f} s, "
        f"indexed in {time.perf_counter() - started - made:.1f} s"
    )


def main():
    from django.db import reset_queries
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from cms.search.results import search

    make_pages()
    translation.activate("en")
    reset_queries()

    def one(text):
        def run():
            found = search(text)
            list(found.page or [])

        return run

    figures = _harness.timed([one(text) for text in SEARCHES], RUNS)
    vendor = connection.vendor
    print(f"{vendor}, {PAGES} pages, {RUNS} runs each (target: median < 100 ms)")
    for text, (median, fastest, _cpu) in zip(SEARCHES, figures, strict=True):
        with CaptureQueriesContext(connection) as queries:
            outcome = search(text)
        print(
            f"  {text!r:22} median {median * 1000:7.1f} ms  fastest {fastest * 1000:7.1f} ms  "
            f"{len(queries.captured_queries):2d} queries  {outcome.count} results"
        )


_harness.run(main)
