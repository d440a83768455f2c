"""Factories of the feedback platform: agencies, their staff, service points, answers and daily
roll-ups (with the month's roll-up moved too, as taking answers moves it)."""

import hashlib

import factory
from django.utils import timezone

from feedback.choices import AnswerStatus, ServicePointKind
from feedback.giving.recording import move_rollup
from feedback.models import Agency, AgencyMembership, DailyRollup, Response, ServicePoint
from tests.factories.accounts import UserFactory


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Test agency {n}")
    country = "KE"
    slug = factory.Sequence(lambda n: f"test-agency-{n}")


class AgencyMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgencyMembership

    agency = factory.SubFactory(AgencyFactory)
    user = factory.SubFactory(UserFactory)


class ServicePointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServicePoint

    agency = factory.SubFactory(AgencyFactory)
    kind = ServicePointKind.OFFICE
    name = factory.Sequence(lambda n: f"Test office {n}")
    town = "Nairobi"
    region = "Nairobi"


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    point = factory.SubFactory(ServicePointFactory)
    satisfaction = 4
    effort = 5
    resolved = True
    recommend = 9
    device_key = factory.Sequence(lambda n: hashlib.sha256(f"device-{n}".encode()).hexdigest())
    day = factory.LazyFunction(timezone.localdate)
    status = AnswerStatus.COUNTED
    language = "en"


class DailyRollupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DailyRollup

    point = factory.SubFactory(ServicePointFactory)
    day = factory.LazyFunction(timezone.localdate)
    n = 12
    satisfied = 9
    effort_sum = 60
    effort_squares = 320
    resolved = 8
    promoters = 6
    detractors = 2

    @classmethod
    def _create(cls, model_class, point, day, **sums):
        """Through the site's own `move_rollup`: the day's and the month's roll-ups both move."""
        move_rollup(point, day, sums)
        return model_class.objects.get(point=point, day=day)
