"""Every factory makes a valid object with nothing given: it saves, and it passes the model's
own validation (fields, unique and check constraints), as an object made through the site's
forms would."""

import inspect

import factory
import pytest
from allauth.usersessions.models import UserSession

from tests.factories import accounts, cms, feedback, judging, nominations, site

pytestmark = pytest.mark.django_db

FACTORIES = [
    member
    for module in (accounts, site, nominations, judging, feedback, cms)
    for _name, member in inspect.getmembers(module, inspect.isclass)
    if issubclass(member, factory.django.DjangoModelFactory)
    and member.__module__ == module.__name__
    and not member._meta.abstract
]


# allauth records every session with empty `data` (its default), which the field's own
# validation (not blank) refuses: the model as allauth writes it.
AS_THE_LIBRARY_WRITES_IT = {UserSession: ["data"]}


def unset_nullable_fields(instance):
    """Fields the database takes empty though a form would ask for them (`null=True` without
    `blank=True`): who issued, revoked or decided, SET_NULL when that account goes. The model
    allows them empty, so validation leaves them out when they are."""
    return [
        field.name
        for field in instance._meta.concrete_fields
        if field.null and not field.blank and getattr(instance, field.attname) is None
    ]


def test_every_factory_is_checked():
    names = {factory_class.__name__ for factory_class in FACTORIES}
    for expected in (
        "CertificateFactory",
        "CertificateBatchFactory",
        "SignatoryFactory",
        "ConflictClearanceFactory",
        "ModerationNoteFactory",
        "DocumentFactory",
        "FailedTaskFactory",
    ):
        assert expected in names


@pytest.mark.parametrize("factory_class", FACTORIES, ids=lambda f: f.__name__)
def test_a_factory_with_nothing_given_makes_a_valid_saved_object(factory_class):
    instance = factory_class()
    assert instance.pk is not None
    instance.refresh_from_db()
    exclude = unset_nullable_fields(instance) + AS_THE_LIBRARY_WRITES_IT.get(type(instance), [])
    instance.full_clean(exclude=exclude)
