"""Prints what each public page of the demo site weighs on first view, gzip-compressed as
served (HTML + CSS + JS + icons; content images aside), against the 100 KB budget.

    .venv/bin/python bench/page_weight.py      (after `make run` has loaded the demo once)
"""

import gzip
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "awards_site.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.staticfiles import finders  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page  # noqa: E402

from tests.cms.test_page_weight import ResourceCollector  # noqa: E402

BUDGET = 100 * 1024


def main():
    client = Client(HTTP_HOST="localhost")
    rows = []
    for page in Page.objects.filter(depth__gt=1).live().order_by("path"):
        response = client.get(page.url)
        html = gzip.compress(response.content)
        collector = ResourceCollector()
        collector.feed(response.content.decode())
        assets = 0
        for url in set(collector.assets):
            with open(finders.find(url.removeprefix("/static/")), "rb") as handle:
                assets += len(gzip.compress(handle.read()))
        rows.append((page.url, len(html), assets, len(html) + assets))
    width = max(len(r[0]) for r in rows)
    print(f"{'page':<{width}}  {'html':>7}  {'assets':>7}  {'total':>7}  of budget")
    for url, html, assets, total in rows:
        print(f"{url:<{width}}  {html:>7}  {assets:>7}  {total:>7}  {total / BUDGET:6.1%}")
    heaviest = max(r[3] for r in rows)
    print(f"heaviest: {heaviest} bytes = {heaviest / BUDGET:.1%} of 100 KB")


if __name__ == "__main__":
    main()
