"""The vocabularies (awards_site/vocabularies/terms.py) agree with the database and with themselves.

Every field that stores a term reads its choices from its vocabulary, every value the demo
database holds is a term of it, every term fits its column, says itself in French, and the
vocabularies that name each other (a certificate kind's outcome) name terms that exist."""

from dataclasses import fields

import pytest
from django.utils import translation
from django.utils.functional import Promise

from awards_site.reach.kinds import KINDS as CONVERSION_KINDS
from awards_site.reach.models import ConversionDay
from awards_site.vocabularies.roles import ROLES
from cms.reports.kinds import REPORT_KINDS
from feedback.choices import POINT_KINDS, RESPONSE_STATUSES
from feedback.models import Response, ServicePoint
from judging.certificates.kinds import JUDGE, KINDS, OUTCOME, RECIPIENTS, CertificateKind
from judging.models import Certificate, Outcome, RoundDecision
from nominations.models import Nomination
from nominations.statuses import PLACINGS, STATUSES, NominationStatus

pytestmark = pytest.mark.django_db

# Each stored vocabulary: the model field and the terms it may hold.
STORED = [
    (Nomination, "status", STATUSES.values()),
    (RoundDecision, "outcome", STATUSES.values(decidable=True)),
    (Certificate, "kind", KINDS.values()),
    (ServicePoint, "kind", POINT_KINDS.values()),
    (Response, "status", RESPONSE_STATUSES.values()),
    (ConversionDay, "kind", CONVERSION_KINDS.values()),
]


def unknown_values(model, field_name, values):
    """Values stored in the column that are not terms: rows the code can no longer name."""
    stored = set(model.objects.order_by().values_list(field_name, flat=True).distinct())
    return stored - set(values)


@pytest.mark.parametrize(("model", "field_name", "values"), STORED)
def test_the_field_offers_exactly_the_vocabulary(model, field_name, values):
    field = model._meta.get_field(field_name)
    assert [value for value, _label in field.choices] == list(values)
    assert max(len(value) for value in values) <= field.max_length


@pytest.mark.parametrize(("model", "field_name", "values"), STORED)
def test_every_stored_value_is_a_term(model, field_name, values):
    # The demo database holds every status, outcome and certificate kind the demo cycles reach.
    assert model.objects.exists()
    assert unknown_values(model, field_name, values) == set()


def test_a_value_outside_the_vocabulary_is_found():
    # The check above can fail: a status no term declares (a term removed from the vocabulary
    # with rows still holding it) is reported.
    Nomination.objects.filter(pk=Nomination.objects.first().pk).update(status="runner_up")
    assert unknown_values(Nomination, "status", STATUSES.values()) == {"runner_up"}


def test_the_enums_are_the_vocabularies():
    assert NominationStatus.values == list(STATUSES.values())
    assert Outcome.values == list(STATUSES.values(decidable=True))
    assert CertificateKind.values == list(KINDS.values())
    assert NominationStatus.WINNER.label == STATUSES["winner"].label


# Attributes that hold names the code reads, not words a person reads.
STORED_NAMES = ("recipients", "outcome", "group", "extension", "content_type", "writer")


def _texts(term):
    return [
        (f"{term.value}.{field.name}", value)
        for field in fields(term)
        if isinstance(value := getattr(term, field.name), Promise | str)
        and field.name != "value"
        and field.name not in STORED_NAMES
        and value
    ]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        text
        for vocabulary in (
            STATUSES,
            KINDS,
            ROLES,
            REPORT_KINDS,
            POINT_KINDS,
            RESPONSE_STATUSES,
            CONVERSION_KINDS,
        )
        for term in vocabulary
        for text in _texts(term)
    ]
    + [(f"recipients.{key}", text) for key, text in RECIPIENTS.items()],
)
def test_every_word_of_a_term_is_translated_into_french(name, text):
    english = str(text)
    catalog = translation.trans_real.translation("fr")._catalog
    assert catalog.get(english), f"{name}: {english!r} has no French translation"


def test_the_vocabularies_name_each_other_consistently():
    decidable = set(STATUSES.values(decidable=True))
    for kind in KINDS.where(recipients=OUTCOME):
        assert kind.outcome in decidable, kind.value
    for status in STATUSES.where(decidable=True):
        assert status.announcement, status.value
    for status in STATUSES.where(judged=True):
        assert status.announcement, status.value
    assert (
        list(PLACINGS)
        == [
            term.value
            for term in sorted(STATUSES.where(judged=True), key=lambda t: t.placing or 99)
        ][: len(PLACINGS)]
    )
    for value in PLACINGS:
        assert STATUSES[value].plural, value
    # Only a judge's certificate goes to a judge: the table's constraint says so by value.
    assert KINDS.values(recipients=JUDGE) == ("judge",)


def test_a_new_term_needs_no_migration(monkeypatch):
    # Fields take their choices from a function of the vocabulary, which migrations name rather
    # than copy: a new certificate kind appears in the field without a migration.
    from django.apps import apps
    from django.db.migrations.autodetector import MigrationAutodetector
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.state import ProjectState

    from judging.certificates import kinds

    extended = kinds.Vocabulary("certificate kind", [*KINDS, kinds.Kind("mentor", "Mentor")])
    monkeypatch.setattr(kinds, "KINDS", extended)
    assert "mentor" in [value for value, _ in Certificate._meta.get_field("kind").choices]
    loader = MigrationLoader(None, ignore_no_migrations=True)
    changes = MigrationAutodetector(loader.project_state(), ProjectState.from_apps(apps)).changes(
        graph=loader.graph
    )
    assert "judging" not in changes


def test_the_roles_groups_are_the_databases():
    # The demo gives every role but the administrator's through its group (administrators are
    # superusers there); each such group exists under the name the roles declare.
    from django.contrib.auth.models import Group

    from awards_site.vocabularies.roles import ROLES

    given_by_group = {role.group for role in ROLES if role.value != "administrator"}
    assert given_by_group <= set(Group.objects.values_list("name", flat=True))


def test_two_step_verification_defaults_to_the_roles_that_need_it(settings):
    from awards_site.vocabularies.roles import ROLES

    # settings/base.py cannot import the vocabulary (apps are not loaded yet), so its default
    # is written out there; the test run leaves MFA_REQUIRED_GROUPS unset, so this is it.
    assert [role.group for role in ROLES.where(two_step=True)] == settings.MFA_REQUIRED_GROUPS
