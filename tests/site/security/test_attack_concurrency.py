"""Limits under concurrency (issue 13, section 3), written as the attack: someone with the source
code and an ordinary account sends the same request several times at the same moment (a script,
two tabs, a double click), hoping that each request counts what is there before any of them
writes. Every limit the platform promises must hold:

- evidence: 5 files a nomination, 50 MB in all (nominations/wizard/evidence.py `attach`);
- one nomination per organisation and category, when the cycle says so
  (nominations/sending/organisations.py);
- one signature of the open letter or the pledge per person (cms/signing/confirmation.py);
- one scoresheet per judge and entry (judging/scoring/rules.py `scoresheet_for`).

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
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from cms.models import OpenLetterSignature, PledgeSignature
from judging.models import Round, Rubric, Scoresheet
from nominations.demo import minimal_pdf
from nominations.models import AwardCycle, EvidenceFile, Nomination
from tests.factories.accounts import UserFactory
from tests.factories.judging import (
    AssignmentFactory,
    JudgeProfileFactory,
    RoundFactory,
    RubricFactory,
)
from tests.factories.nominations import (
    AwardCycleFactory,
    CategoryFactory,
    DraftNominationFactory,
    EvidenceFileFactory,
    NominationFactory,
)
from tests.nominations.wizard.driver import moved_on
from tests.pages import form_action

pytestmark = pytest.mark.django_db

RACERS = 4
_numbers = itertools.count(1)


# Helpers (each runs in a thread of the race) -----------------------------------------------------
def make_person(prefix):
    return UserFactory(email=f"{prefix}-{next(_numbers)}@racers.example")


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


# Evidence: 5 files, 50 MB in all ---------------------------------------------------------------
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
    nomination = DraftNominationFactory(nominator=nominator, organisation_name="Race agency")
    for number in range(count):
        EvidenceFileFactory(
            nomination=nomination,
            content=pdf(f"held {number}", size),
            original_name=f"held {number}.pdf",
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


# One nomination per organisation and category ---------------------------------------------------
ANSWERS = {
    "relation": "third_party",
    "eligibility_confirmed": True,
    "organisation_kind": "ministry",
    "country": "KE",
    "city": "Nairobi",
    "website": "https://www.example.gov",
    "contact_name": "Wanjiru Kamau",
    "contact_role": "Director of customer service",
    "contact_email": "wanjiru@example.gov",
    "initiative_title": "One-stop service centres",
    "summary": "Citizens get many services in one place.",
    "challenge": "People travelled far and queued for days.",
    "actions_people": "Staff were trained in customer care.",
    "actions_process": "Steps were removed and standards published.",
    "actions_technology": "A queue system and text messages.",
    "results": "Waiting fell from five days to one.",
    "citizen_impact": "People save time and money.",
}
# One organisation, written three ways.
SAME_ORGANISATION = [
    "Ministère de la Fonction Publique",
    "MINISTERE DE LA FONCTION PUBLIQUE",
    "Ministere de la fonction  publique.",
]


def cycle_with_the_rule():
    now = timezone.now()
    cycle = AwardCycleFactory(
        name_en="Race awards",
        name_fr="Prix de la course",
        nominations_open_at=now - timedelta(days=10),
        nominations_close_at=now + timedelta(days=10),
        one_nomination_per_organisation=True,
    )
    category = CategoryFactory(cycle=cycle, name_en="Digital services", name_fr="Numérique")
    return cycle, category


def complete_draft(cycle, category, organisation_name):
    nominator = make_person("nominator")
    nomination = DraftNominationFactory(
        cycle=cycle,
        category=category,
        nominator=nominator,
        organisation_name=organisation_name,
        declaration_accepted_at=timezone.now(),
        **ANSWERS,
    )
    EvidenceFileFactory(
        nomination=nomination, content=pdf("evidence"), original_name="evidence.pdf"
    )
    return nomination


def send(client, nomination):
    def post():
        response = client.post(
            f"/nominate/{nomination.uuid}/check/",
            {
                f"nomination-{nomination.uuid}-current_step": "check",
                "revision": str(nomination.revision),
                "continue": "1",
            },
        )
        page = client.get(response["Location"]).content.decode()
        return response["Location"], page

    return post


def remove_cycle(cycle, nominations):
    Nomination.objects.filter(cycle=cycle).delete()
    remove_people(*[nomination.nominator for nomination in nominations])
    AwardCycle.objects.filter(pk=cycle.pk).delete()


def test_an_organisation_sent_twice_at_the_same_moment_gets_one_nomination(race):
    """Three nominators send nominations of one organisation (its name written three ways) in
    one category at the same moment, in a cycle that allows one: one is sent, the others are
    told what to do. Before the guard all three were sent."""

    def build():
        cycle, category = cycle_with_the_rule()
        nominations = [complete_draft(cycle, category, name) for name in SAME_ORGANISATION]
        clients = [signed_in(nomination.nominator)[0] for nomination in nominations]
        return cycle, nominations, clients

    cycle, nominations, clients = race.alone(build)
    try:
        outcomes = race.together(
            *[
                send(client, nomination)
                for client, nomination in zip(clients, nominations, strict=True)
            ]
        )
        statuses = race.alone(
            lambda: list(Nomination.objects.filter(cycle=cycle).values_list("status", flat=True))
        )
        assert sorted(statuses) == ["draft", "draft", "submitted"]
        refused = [page for location, page in outcomes if location.endswith("/category/")]
        assert len(refused) == 2
        for page in refused:
            assert "has already been nominated in “Digital services” this cycle" in page
            assert "Choose another category, or write to the awards team" in page
    finally:
        race.alone(lambda: remove_cycle(cycle, nominations))


def test_the_place_is_told_on_the_step_and_a_withdrawal_frees_it(race):
    """No race needed to see the rule: once one is sent, the category step of another says so
    (with what to do), and a withdrawn nomination frees the place."""

    def build():
        cycle, category = cycle_with_the_rule()
        first, second = [complete_draft(cycle, category, name) for name in SAME_ORGANISATION[:2]]
        return cycle, category, first, second

    cycle, category, first, second = race.alone(build)
    try:

        def journey():
            first_client, second_client = (
                signed_in(first.nominator)[0],
                signed_in(second.nominator)[0],
            )
            send(first_client, first)()
            step = {
                f"nomination-{second.uuid}-current_step": "category",
                "revision": str(second.revision),
                "category-category": str(category.pk),
                "category-relation": "third_party",
                "category-eligibility_confirmed": "on",
                "continue": "1",
            }
            refused = second_client.post(f"/nominate/{second.uuid}/category/", step)
            first_client.post(f"/my-nominations/{first.uuid}/withdraw/")
            accepted = second_client.post(f"/nominate/{second.uuid}/category/", step)
            return refused, accepted

        refused, accepted = race.alone(journey)
        assert refused.status_code == 200
        assert "has already been nominated in “Digital services”" in refused.content.decode()
        assert moved_on(accepted)  # answered with the next step
    finally:
        race.alone(lambda: remove_cycle(cycle, [first, second]))


# One signature of the open letter or the pledge per person -------------------------------------
SIGNATURES = {
    "/pledge/": (
        PledgeSignature,
        {"kind": "public", "organisation": "Accra Metropolitan Assembly"},
    ),
    "/open-letter/": (
        OpenLetterSignature,
        {"organisation": "Accra Metropolitan Assembly", "list_publicly": "on"},
    ),
}
# One address, typed as people type it.
SIGNER = [
    "kwame.race@example.org",
    "Kwame.Race@Example.org",
    " KWAME.RACE@EXAMPLE.ORG",
    "kwame.race@example.org",
]


def sign(action, fields, email):
    def post():
        return Client().post(
            action, {"name": "Kwame Mensah", "country": "GH", "email": email, **fields}
        )

    return post


@pytest.mark.parametrize("url", SIGNATURES)
def test_one_person_signing_at_the_same_moment_signs_once(race, url):
    """Four signatures from one address at the same moment (its case changed): one signature,
    and every answer the same. Before the guard (one signature per address and page, a
    database constraint) each request found no signature and stored one: four."""
    model, fields = SIGNATURES[url]
    try:
        action = race.alone(lambda: form_action(url))
        responses = race.together(*[sign(action, fields, email) for email in SIGNER])
        assert {response.status_code for response in responses} == {302}
        emails = race.alone(
            lambda: list(
                model.objects.filter(email__iexact=SIGNER[0]).values_list("email", flat=True)
            )
        )
        assert emails == [SIGNER[0]]
    finally:
        race.alone(lambda: model.objects.filter(email__iexact=SIGNER[0]).delete())


# One scoresheet per judge and entry -------------------------------------------------------------
def judged_entry():
    cycle, category = cycle_with_the_rule()
    rubric = RubricFactory(name=f"Race rubric {cycle.code}")
    round = RoundFactory(cycle=cycle, rubric=rubric, judges_per_entry=1)
    judge = JudgeProfileFactory(email=f"judge-{cycle.code.lower()}@racers.example", cycle=cycle)
    entry = NominationFactory(cycle=cycle, category=category, number=9000 + next(_numbers))
    assignment = AssignmentFactory(
        round=round,
        nomination=entry,
        judge=judge,
        due_on=round.scores_due_on,
        conflict_checked_at=timezone.now(),
    )
    return SimpleNamespace(
        cycle=cycle,
        rubric=rubric,
        judge=judge,
        entry=entry,
        assignment=assignment,
        criteria=list(rubric.criteria.all()),
    )


def remove_judged_entry(world):
    Round.objects.filter(cycle=world.cycle).delete()
    Nomination.objects.filter(pk=world.entry.pk).delete()
    users = [world.judge.user_id, world.entry.nominator_id]
    world.judge.delete()
    AwardCycle.objects.filter(pk=world.cycle.pk).delete()
    Rubric.objects.filter(pk=world.rubric.pk).delete()
    get_user_model().objects.filter(pk__in=users).delete()


def first_save(client, world, value):
    def post():
        data = {"version": "1", "recommendation": "yes", "save": "1"}
        for criterion in world.criteria:
            data[f"score_{criterion.pk}"] = str(value)
            data[f"comment_{criterion.pk}"] = f"Tab {value}"
        return client.post(f"/judging/entries/{world.assignment.pk}/", data)

    return post


def test_a_judge_saving_a_new_scoresheet_from_two_tabs_gets_one_scoresheet(race):
    """Two tabs opened before any score was saved send their first save at the same moment:
    one scoresheet, one save in, the other tab told that the scores changed in another tab.
    Before the guard (one scoresheet per assignment, a database constraint, and one
    assignment per judge, entry and round) each request made a scoresheet of its own."""
    world = race.alone(judged_entry)
    try:
        tabs = race.alone(lambda: signed_in(world.judge.user, 2))
        responses = race.together(first_save(tabs[0], world, 2), first_save(tabs[1], world, 5))
        sheets = race.alone(
            lambda: [
                (sheet.version, sorted(sheet.scores.values_list("score", flat=True)))
                for sheet in Scoresheet.objects.filter(assignment__nomination=world.entry)
            ]
        )
        assert len(sheets) == 1
        version, scores = sheets[0]
        assert version == 2 and len(set(scores)) == 1  # one tab's scores, whole
        assert sorted(response.status_code for response in responses) == [200, 302]
        refused = next(response for response in responses if response.status_code == 200)
        assert "changed in another tab or window" in refused.content.decode()
    finally:
        race.alone(lambda: remove_judged_entry(world))
