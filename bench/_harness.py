"""What the database benchmarks (results.py, sponsor_reports.py) share: Django started on a
throwaway SQLite folder unless DATABASE_URL or VAR_DIR says otherwise, the folder removed at
the end, and interleaved timing.

    import _harness
    connection = _harness.start_django()   # before importing any model
    ...
    _harness.run(main)
"""

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_throwaway = None


def start_django():
    """Set Django up for a benchmark; returns the database connection."""
    global _throwaway
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "awards_site.settings.dev")
    if "VAR_DIR" not in os.environ:  # SQLite in a folder of its own, removed by run()
        _throwaway = os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix="cxbench-")
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
    import django

    django.setup()
    from django.db import connection

    return connection


def run(main):
    """Run the benchmark, then remove the throwaway folder, whatever happened."""
    try:
        main()
    finally:
        if _throwaway:
            shutil.rmtree(_throwaway, ignore_errors=True)


def timed(functions, runs):
    """Each function's median wall time, fastest wall time and median CPU time of this
    process, run in turn (interleaved) so that each feels the same load on a shared machine.
    SQLite runs in this process, so CPU time counts the queries too; it is the steadier
    figure when other work shares the machine."""
    for function in functions:
        function()  # warm-up
    wall = [[] for _ in functions]
    cpu = [[] for _ in functions]
    for _ in range(runs):
        for function, spent, used in zip(functions, wall, cpu, strict=True):
            start, start_cpu = time.perf_counter(), time.process_time()
            function()
            spent.append(time.perf_counter() - start)
            used.append(time.process_time() - start_cpu)
    return [
        (statistics.median(spent), min(spent), statistics.median(used))
        for spent, used in zip(wall, cpu, strict=True)
    ]
