"""Background work of the cms app, through the django-tasks API (tasks take ids; a failing task
is retried, then reported: awards_site/background/retry.py)."""

from django.urls import NoReverseMatch, reverse

from awards_site import mail
from awards_site.accounts.linking import absolute, invitation_link, link_valid_days
from awards_site.background.retry import retried_task


def sponsor_area_path():
    try:
        return reverse("sponsors:index")
    except NoReverseMatch:  # pragma: no cover - the sponsor URLs are always installed
        return "/sponsors/"


@retried_task()
def send_sponsor_invitation(member_pk):
    """Tell a new sponsor user where their reports are: a link to choose a password (a new
    account, or one whose address was never confirmed) or to sign in."""
    from cms.sponsors.models import SponsorMember

    member = SponsorMember.objects.select_related("user", "partner").get(pk=member_pk)
    user = member.user
    with mail.speaking(user.language):
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
        mail.send_templated("cms/email/sponsor_invitation", [user.email], **context)


@retried_task(private_arguments=True)
def send_signature_email(kind, model_name, signature_pk, language, page_url, page_title):
    """The link to confirm a signature, or the news that this address signed already
    (cms/signing/confirmation.py)."""
    from cms.signing.confirmation import send_email

    send_email(kind, model_name, signature_pk, language, page_url, page_title)


@retried_task()
def send_subscription_email(kind, subscriber_pk):
    """The link to confirm a news subscription, or the news that this address is subscribed
    already (cms/campaigns/subscribing.py)."""
    from cms.campaigns.subscribing import send_email

    send_email(kind, subscriber_pk)


@retried_task()
def send_campaign_batch(send_pk):
    """One batch of a campaign email's send (cms/campaigns/sending.py)."""
    from cms.campaigns.sending import send_batch

    return send_batch(send_pk)
