"""Background work of the nominations app, through the django-tasks API. Tasks take ids and
fetch what they need, so a worker on another machine sees the committed state.
A task that fails is retried, then reported (awards_site/background/retry.py)."""

from django.conf import settings

from awards_site import mail
from awards_site.background.retry import retried_task
from awards_site.site_url import absolute_url
from nominations.models import Nomination


def _nomination(pk):
    return Nomination.objects.select_related("cycle", "category", "nominator").get(pk=pk)


def _tell_the_nominator(template, nomination, **context):
    """nominations/email/<template>, in the language the nomination was written in."""
    mail.send_templated(
        f"nominations/email/{template}",
        [nomination.nominator.email],
        language=nomination.language,
        nomination=nomination,
        **context,
    )


@retried_task()
def send_submission_confirmation(nomination_pk):
    _tell_the_nominator("submitted", _nomination(nomination_pk))


@retried_task()
def send_eligibility_decision(nomination_pk):
    _tell_the_nominator("eligibility", _nomination(nomination_pk))


@retried_task()
def send_changes_received(nomination_pk):
    """The nominator sent changes: which version they are, and until when more are possible."""
    nomination = _nomination(nomination_pk)
    version = nomination.versions.order_by("-number").first()
    _tell_the_nominator("changes_received", nomination, version=version)


@retried_task()
def send_changes_requested(nomination_pk):
    """The awards team sent the nomination back for changes (eligibility.reopen)."""
    _tell_the_nominator("changes_requested", _nomination(nomination_pk))


@retried_task()
def send_deadline_extended(nomination_pk):
    _tell_the_nominator("deadline_extended", _nomination(nomination_pk))


@retried_task(private_arguments=True)
def send_deletion_completed(address, language, reference=None):
    """Tell the person their deletion request is done. It takes the address itself: by the time
    it runs, the account no longer has it."""
    mail.send_templated(
        "nominations/email/deletion_completed", [address], language=language, reference=reference
    )


@retried_task()
def send_deletion_request_notice(deletion_request_pk):
    """Tell the awards team a person asked for deletion (the request itself is in the admin)."""
    from django.urls import reverse

    from nominations.models import DeletionRequest

    deletion_request = DeletionRequest.objects.get(pk=deletion_request_pk)
    context = {
        "deletion_request": deletion_request,
        "admin_url": absolute_url(reverse("deletion_requests:inspect", args=[deletion_request.pk])),
    }
    mail.send_templated(
        "nominations/email/deletion_request",
        [settings.TEAM_EMAIL],
        language=settings.LANGUAGE_CODE,
        **context,
    )
