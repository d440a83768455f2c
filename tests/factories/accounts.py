"""Factories of people: accounts with a verified address, as signing up leaves them.

Unique addresses are `person-N@test.example` (an account's further addresses
`address-N@test.example`), a domain the demo data (loaded once per session
into the test database, tests/conftest.py) never uses."""

import secrets

import factory
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

PASSWORD = "a-long-enough-password"


class UserFactory(factory.django.DjangoModelFactory):
    """An account signed up with `PASSWORD` (unless `password` is given) whose address is its
    primary one, verified unless `verified=False`; `superuser=True` makes it a staff superuser,
    `groups=[...]` puts it in the named groups."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    class Params:
        superuser = factory.Trait(is_superuser=True, is_staff=True)

    email = factory.Sequence(lambda n: f"person-{n}@test.example")
    password = PASSWORD

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Through the manager's create_user, as sign-up does (it normalises the address and
        # hashes the password).
        manager = cls._get_manager(model_class)
        return manager.create_user(*args, **kwargs)

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        """The account's primary address, verified unless `verified=False`."""
        if create:
            EmailAddress.objects.create(
                user=user, email=user.email, verified=extracted is not False, primary=True
            )

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        """`groups=["Judges"]`: in the named groups, created when missing."""
        add_to_groups(user, extracted or ())


def add_to_groups(user, names):
    for name in names:
        user.groups.add(Group.objects.get_or_create(name=name)[0])


class EmailAddressFactory(factory.django.DjangoModelFactory):
    """A further address of an account (the account's own primary one is made with it by
    UserFactory): confirmed unless `verified=False`, not the primary one unless `primary=True`."""

    class Meta:
        model = EmailAddress

    user = factory.SubFactory(UserFactory)
    email = factory.Sequence(lambda n: f"address-{n}@test.example")
    verified = True
    primary = False


class GroupFactory(factory.django.DjangoModelFactory):
    """A group of users; `permissions=["access_admin", ...]` gives it the permissions of those
    codenames."""

    class Meta:
        model = Group
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Test group {n}")

    @factory.post_generation
    def permissions(group, create, extracted, **kwargs):
        if create and extracted:
            group.permissions.add(*(Permission.objects.get(codename=name) for name in extracted))


class UserSessionFactory(factory.django.DjangoModelFactory):
    """A browser session of the account as allauth records it (its address, its browser)."""

    class Meta:
        model = UserSession

    user = factory.SubFactory(UserFactory)
    ip = "192.0.2.10"
    # A session key as Django makes them: 32 characters, unique.
    session_key = factory.LazyFunction(lambda: secrets.token_hex(16))
    user_agent = "Firefox"
