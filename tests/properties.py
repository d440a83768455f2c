"""How hypothesis runs (issue 20, "fuzz tests that decide the same way every time").

`make test` and CI load the "ci" profile: derandomized (each test's examples come from a seed
fixed by the test itself) and no example database, so the same code always gets the same
verdict. `make fuzz` loads the "fuzz" profile (HYPOTHESIS_PROFILE=fuzz): random examples, FUZZ_SCALE
times as many, and a saved example database in .hypothesis/ so a failure found once is tried
first next time. Every failure fuzzing finds becomes an explicit @example in its test.

Tests say how many examples they need with `examples(n)`, not `max_examples=n`, so the fuzz
profile can multiply it; and never set `derandomize` or `database` themselves."""

import os
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

FUZZING = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
SCALE = int(os.environ.get("FUZZ_SCALE", "20"))
EXAMPLES_FOLDER = Path(__file__).resolve().parent.parent / ".hypothesis" / "examples"

settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile(
    "fuzz",
    derandomize=False,
    database=DirectoryBasedExampleDatabase(str(EXAMPLES_FOLDER)),
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("fuzz" if FUZZING else "ci")


def examples(count):
    """How many examples a property test tries: `count` in make test, more when fuzzing."""
    return count * SCALE if FUZZING else count
