"""Background work of the cms app, through the django-tasks API (tasks take ids; a failing task
is retried, then reported: awards_site/task_retry.py)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from awards_site.account_linking import absolute, invitation_link, link_valid_days
from awards_site.task_retry import retried_task


def sponsor_area_path():
    try:
        return reverse("sponsors:index")
    except NoReverseMatch:  # pragma: no cover - the sponsor URLs are always installed
        return "/sponsors/"


@retried_task()
def send_sponsor_invitation(member_pk):
    """Tell a new sponsor user where their reports are: a link to choose a password (a new
    account, or one whose address was never confirmed) or to sign in."""
    from .models import SponsorMember

    member = SponsorMember.objects.select_related("user", "partner").get(pk=member_pk)
    user = member.user
    with translation.override(user.language or settings.LANGUAGE_CODE):
        area = sponsor_area_path()
        link, sets_password = invitation_link(user, area)
        context = {
            "user": user,
            "partner": member.partner,
            "link": link,
            "sets_password": sets_password,
            "valid_days": link_valid_days(),
            "area_url": absolute(area),
            "reset_url": absolute(reverse("account_reset_password")),
        }
        subject = render_to_string("cms/email/sponsor_invitation_subject.txt", context).strip()
        body = render_to_string("cms/email/sponsor_invitation_body.txt", context)
    send_mail(subject, body, None, [user.email])


@retried_task(private_arguments=True)
def send_signature_email(kind, model_name, signature_pk, language, page_url, page_title):
    """The link to confirm a signature, or the news that this address signed already
    (cms/signatures.py)."""
    from .signatures import send_email

    send_email(kind, model_name, signature_pk, language, page_url, page_title)
