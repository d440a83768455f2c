"""Factories of the project's own records (awards_site): background tasks that failed."""

import factory

from awards_site.models import FailedTask


class FailedTaskFactory(factory.django.DjangoModelFactory):
    """A task that failed on its last attempt (of three unless given), as
    awards_site/background/retry.py records one."""

    class Meta:
        model = FailedTask

    task_name = "send_eligibility_decision"
    task_path = "nominations.tasks.send_eligibility_decision"
    arguments = factory.LazyFunction(lambda: {"args": [1]})
    attempts = 3
    error = "SMTPServerDisconnected: Connection unexpectedly closed"
