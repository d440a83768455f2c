"""Limits under concurrency (issue 13, section 3), written as the attack: someone with the source
code and an ordinary account sends the same request several times at the same moment (a script,
two tabs, a double click), hoping that each request counts what is there before any of them
writes. Every limit the platform promises must hold:

- evidence: 5 files a nomination, 50 MB in all (nominations/evidence.py `attach`);
- one nomination per organisation and category, when the cycle says so
  (nominations/organisations.py);
- one signature of the open letter or the pledge per person (cms/signatures.py);
- one scoresheet per judge and entry (judging/scoring.py `scoresheet_for`).

The requests go through the test client, each in a thread with its own database connection,
started together at a barrier (the `race` fixture, tests/concurrency.py): on PostgreSQL the
row locks and constraints decide; on SQLite (a file copy of the test database with the site's
connection options) the write lock each transaction takes when it begins serialises them.
Every database step of a race runs in a thread, so its data is committed and removed by the
test itself.

Each test fails on the code before the guard it names (checked by removing the guard, and on
SQLite by leaving transactions DEFERRED)."""

import itertools
import time

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from nominations.demo import minimal_pdf
from nominations.models import AwardCycle, EvidenceFile, Nomination

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-enough-password"
RACERS = 4
_numbers = itertools.count(1)


# Helpers (each runs in a thread of the race) -----------------------------------------------------
def make_person(prefix):
    email = f"{prefix}-{next(_numbers)}@racers.example"
    user = get_user_model().objects.create_user(email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def signed_in(user, count=1):
    """`count` clients signed in as `user`: one per tab, each with its own session."""
    clients = []
    for _ in range(count):
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def remove_people(*users):
    get_user_model().objects.filter(pk__in=[user.pk for user in users]).delete()


def pdf(name, size=None):
    content = minimal_pdf(name)
    if size:
        content += b"%" + b"0" * (size - len(content) - 1)
    return content


# Evidence: 5 files, 50 MB in all ------------------------------------------------------------------
@pytest.fixture
def remote_storage(monkeypatch):
    """Private files written as to an object store (S3 in production): a quarter of a second
    each. Every request then spends that long between counting the files and committing its
    own, as a large upload does, so requests that do not wait for each other overlap."""
    storage_class = type(storages["private"])
    save = storage_class._save

    def slow_save(self, name, content):
        time.sleep(0.25)
        return save(self, name, content)

    monkeypatch.setattr(storage_class, "_save", slow_save)


def draft_with_files(count, size=None):
    nominator = make_person("evidence")
    nomination = Nomination.objects.create(
        cycle=AwardCycle.objects.current(), nominator=nominator, organisation_name="Race agency"
    )
    for number in range(count):
        content = pdf(f"held {number}", size)
        EvidenceFile.objects.create(
            nomination=nomination,
            file=ContentFile(content, name="held.pdf"),
            original_name=f"held {number}.pdf",
            kind="pdf",
            size=len(content),
            sha256="0" * 64,
        )
    return nominator, nomination


def upload(client, nomination, name, size=None):
    def post():
        return client.post(
            f"/nominate/{nomination.uuid}/evidence/",
            {
                f"nomination-{nomination.uuid}-current_step": "evidence",
                "upload": "1",
                "evidence-file": SimpleUploadedFile(
                    f"{name}.pdf", pdf(name, size), content_type="application/pdf"
                ),
            },
        )

    return post


def remove_nomination(nominator, nomination):
    Nomination.objects.filter(pk=nomination.pk).delete()
    remove_people(nominator)


def files_of(nomination):
    return list(
        EvidenceFile.objects.filter(nomination=nomination.pk).values_list("size", flat=True)
    )


def test_uploads_at_the_same_moment_never_go_past_five_files(race, remote_storage):
    """Three files held, four uploads at once: two fit, two are refused with the limit's
    message. Before the guard each upload counted three files and all four were attached."""
    nominator, nomination = race.alone(lambda: draft_with_files(3))
    try:
        tabs = race.alone(lambda: signed_in(nominator, RACERS))
        responses = race.together(
            *[upload(tab, nomination, f"racer {n}") for n, tab in enumerate(tabs)]
        )
        assert race.alone(lambda: len(files_of(nomination))) == EvidenceFile.MAX_FILES
        assert sorted(response.status_code for response in responses) == [200, 200, 302, 302]
        for response in responses:
            if response.status_code == 200:
                assert "You can attach 5 files at most" in response.content.decode()
        revision = race.alone(lambda: Nomination.objects.get(pk=nomination.pk).revision)
        assert revision == 2  # one more for each file attached: copies opened before are stale
    finally:
        race.alone(lambda: remove_nomination(nominator, nomination))


def test_uploads_at_the_same_moment_never_go_past_the_total_size(race, remote_storage, monkeypatch):
    """The total is checked under the same lock: with room for one more file of this size,
    three uploads at once attach one. (The real total, 50 MB, is 5 files of 10 MB; a smaller
    one keeps the test fast.)"""
    size = 40_000
    monkeypatch.setattr(EvidenceFile, "MAX_TOTAL_BYTES", 2 * size + size // 2)
    nominator, nomination = race.alone(lambda: draft_with_files(1, size))
    try:
        tabs = race.alone(lambda: signed_in(nominator, 3))
        responses = race.together(
            *[upload(tab, nomination, f"big {n}", size) for n, tab in enumerate(tabs)]
        )
        held = race.alone(lambda: files_of(nomination))
        assert held == [size, size]
        refused = [response for response in responses if response.status_code == 200]
        assert len(refused) == 2
        for response in refused:
            assert "can add up to" in response.content.decode()
    finally:
        race.alone(lambda: remove_nomination(nominator, nomination))
