"""What every fuzz test asks: how one example runs (FUZZ, one_example), what the site's
answer must be (answered, refused_with_message) and what a stored value may hold."""

import contextlib
import re

from django.core import mail
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils.html import escape
from hypothesis import HealthCheck, settings

from tests.properties import examples
from tests.site.security.fuzz.strategies import last

FUZZ = settings(
    max_examples=examples(30),
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

# Characters no stored answer may contain: PostgreSQL refuses NUL, and the C0 controls and DEL
# are not allowed in the XML of the xlsx and PDF exports.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Django's defaults that say what is wrong but not what to do.
UNHELPFUL_MESSAGES = {
    "This field is required.",
    "Null characters are not allowed.",
    "Enter a valid value.",
}

# What the forms say of any of the CONTROL_CHARACTERS.
CONTROL_CHARACTER_MESSAGE = "This answer contains invisible control characters"


@contextlib.contextmanager
def one_example():
    """Fresh rate-limit counters and mailbox; everything the example stores is rolled back."""
    cache.clear()
    mail.outbox = []
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def answered(response, *allowed):
    """The site answered (no exception reached the test client) with one of the statuses."""
    assert response.status_code < 500, response.status_code
    assert response.status_code in allowed, response.status_code
    return response


def refused_with_message(response):
    """The form is shown again with the error summary, and every message is on the page and
    says what to do."""
    answered(response, 200)
    page = response.content.decode()
    assert 'class="error-summary"' in page
    form = response.context["form"]
    assert form.errors
    for messages in form.errors.values():
        for message in messages:
            assert message.strip()
            assert message not in UNHELPFUL_MESSAGES, message
            assert escape(message) in page, message


def typed(value):
    """What a text field keeps of a value sent: the last one sent, spaces around it trimmed."""
    return last(value or "").strip()


def clean_text(value):
    return not CONTROL_CHARACTERS.search(value or "")


def row_counts(*model_classes):
    return [model.objects.count() for model in model_classes]
