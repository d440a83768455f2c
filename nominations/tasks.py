"""Background work of the nominations app, through the django-tasks API. Tasks take ids and
fetch what they need, so a worker on another machine sees the committed state."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from .models import Nomination


def _send(template, nomination, recipients, **context):
    with translation.override(nomination.language or settings.LANGUAGE_CODE):
        context = {"nomination": nomination, "site_url": settings.WAGTAILADMIN_BASE_URL, **context}
        subject = render_to_string(f"nominations/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"nominations/email/{template}_body.txt", context)
    send_mail(subject, body, None, recipients)


@task()
def send_submission_confirmation(nomination_pk):
    nomination = Nomination.objects.select_related("cycle", "category", "nominator").get(
        pk=nomination_pk
    )
    _send("submitted", nomination, [nomination.nominator.email])


@task()
def send_eligibility_decision(nomination_pk):
    nomination = Nomination.objects.select_related("cycle", "category", "nominator").get(
        pk=nomination_pk
    )
    _send("eligibility", nomination, [nomination.nominator.email])
