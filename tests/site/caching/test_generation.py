"""The public content's generation (awards_site/caching/generation.py): every web worker of the
machine sees a change, whichever worker made it."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from awards_site.caching import generation

pytestmark = pytest.mark.django_db


def test_a_change_made_by_another_process_is_seen_here():
    before = generation.current()
    # Another gunicorn worker: its own process, its own local-memory cache (or the same Redis,
    # when the suite runs with one: TEST_REDIS_URL, whose database number depends on the
    # parallel worker running this test: PYTEST_XDIST_WORKER).
    names = ("TEST_REDIS_URL", "VAR_DIR", "PYTEST_XDIST_WORKER")
    shared_cache = {k: v for k, v in os.environ.items() if k in names}
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from awards_site.caching import generation; generation._move_on()",
        ],
        check=True,
        cwd=settings.BASE_DIR,
        env={
            "DJANGO_SETTINGS_MODULE": "awards_site.settings.test",
            "PATH": "/usr/bin:/bin",
            **shared_cache,
        },
    )
    assert generation.current() != before


def test_a_model_shown_publicly_moves_the_generation_on_when_saved_or_deleted():
    from cms.models import Partner

    before = generation.current()
    partner = Partner.objects.create(name="Moves the generation", tier="supporter")
    saved = generation.current()
    partner.delete()
    assert before != saved != generation.current()


def test_a_draft_saved_by_a_nominator_does_not(nominator):
    from nominations.models import AwardCycle
    from tests.factories.nominations import NominationFactory

    category = AwardCycle.objects.current().categories.first()
    before = generation.current()
    NominationFactory(nominator=nominator, category=category, status="draft")
    assert generation.current() == before


def test_a_nomination_placed_or_taken_out_of_a_placing_moves_it_on():
    from nominations.models import Nomination

    winner = Nomination.objects.filter(status="winner").first()
    before = generation.current()
    winner.status = "finalist"
    winner.save(update_fields=["status"])
    placed_again = generation.current()
    winner = Nomination.objects.get(pk=winner.pk)
    winner.status = "not_placed"
    winner.save(update_fields=["status"])
    assert before != placed_again != generation.current()


def test_changes_made_at_the_same_moment_by_two_requests_of_one_worker_both_succeed():
    import threading

    start, errors = threading.Barrier(8), []

    def change():
        start.wait()
        try:
            for _ in range(50):
                generation._move_on()
        except OSError as error:
            errors.append(error)

    threads = [threading.Thread(target=change) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
