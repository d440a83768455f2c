"""Sending a campaign email (docs/editors.md, "Campaign emails").

- What is sent is the page's published version, to the subscribers of `segments.segment`.
  A page that is not live, or is still an alias of another language's page (its text is not
  translated yet), cannot be sent: `blocking_problems` says why and what to do.
- "Send" records a CampaignSend and queues batches of CAMPAIGN_BATCH_SIZE as tasks
  (`cms.tasks.send_campaign_batch`), after the commit. Each batch claims one subscriber at a time
  by creating their CampaignDelivery (unique per page and subscriber) *before* mailing them, so
  two batches, two sends or a retried task never mail anyone twice; a batch goes on to the next
  waiting subscriber when another batch claimed one first.
- When mailing fails, the claim is removed and the task fails (it is retried): the subscriber is
  still waiting. Should a worker die between the mail leaving and the delivery being marked,
  the claim stays and that subscriber is not mailed again: never twice is preferred to always.
- A test goes to the editor's own address only, marked as a test, and claims nothing.
"""

import math

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards_site import mail
from cms.campaigns import rendering, segments
from cms.campaigns.models import CampaignDelivery, CampaignSend
from cms.campaigns.subscribing import unsubscribe_url


def blocking_problems(page):
    """Why `page` cannot be sent now (empty: it can), each with what to do."""
    found = []
    if page.alias_of_id:
        found.append(
            _(
                "This page is still a copy of another language’s page. Translate it (its "
                "menu: Translate) and publish it before sending."
            )
        )
    if not page.live:
        found.append(_("The page is not published. Publish it, then send it."))
    return found


def warnings(page):
    """What the editor should know before sending, though it does not stop them."""
    if page.live and page.has_unpublished_changes:
        return [
            _(
                "The page has changes that are not published: subscribers would get the "
                "published version. Publish the changes first, or send the published version."
            )
        ]
    return []


def published(page):
    """The version subscribers receive: the page as last published."""
    revision = page.live_revision
    return revision.as_object() if revision is not None else page


def send_test(page, user):
    """The email as subscribers will see it, to the editor's own address only."""
    message = rendering.render(published(page), unsubscribe_link=None, test=True)
    subject = _("[Test] %(subject)s") % {"subject": message.subject}
    mail.send_prepared(subject, message.text, user.email, html=message.html)


def start(page, by):
    """Record the send and queue its batches (after the commit). Returns the CampaignSend."""
    waiting = segments.waiting(page).count()
    send = CampaignSend.objects.create(page=page, started_by=by, planned=waiting)
    batches = math.ceil(waiting / settings.CAMPAIGN_BATCH_SIZE)
    if batches:
        transaction.on_commit(lambda: _enqueue(send.pk, batches))
    return send


def _enqueue(send_pk, batches):
    from cms.tasks import send_campaign_batch

    for _number in range(batches):
        send_campaign_batch.enqueue(send_pk)


def send_batch(send_pk):
    """Mail up to CAMPAIGN_BATCH_SIZE waiting subscribers of the send's campaign. Returns how
    many this batch mailed."""
    send = CampaignSend.objects.select_related("page").get(pk=send_pk)
    page = send.page
    if blocking_problems(page):  # unpublished or turned into an alias since "Send"
        return 0
    version = published(page)
    mailed = 0
    while mailed < settings.CAMPAIGN_BATCH_SIZE:
        # The next ones waiting, read at once; those another batch claims meanwhile are skipped
        # and the next read no longer finds them.
        waiting = list(
            segments.waiting(page).order_by("pk")[: settings.CAMPAIGN_BATCH_SIZE - mailed]
        )
        if not waiting:
            break
        for subscriber in waiting:
            delivery = _claim(page, subscriber, send)
            if delivery is not None:
                _deliver(version, subscriber, delivery)
                mailed += 1
    return mailed


def _claim(page, subscriber, send):
    try:
        with transaction.atomic():
            return CampaignDelivery.objects.create(page=page, subscriber=subscriber, send=send)
    except IntegrityError:
        return None


def _deliver(version, subscriber, delivery):
    link = unsubscribe_url(subscriber)
    message = rendering.render(version, unsubscribe_link=link)
    headers = {
        # RFC 8058: mail programs show an "Unsubscribe" button that POSTs to the link.
        "List-Unsubscribe": f"<{link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    try:
        mail.send_prepared(
            message.subject, message.text, subscriber.email, html=message.html, headers=headers
        )
    except Exception:
        delivery.delete()  # still waiting: the retried task mails them
        raise
    delivery.sent_at = timezone.now()
    delivery.save(update_fields=["sent_at"])


def progress(page):
    """(sent, waiting) for the page's segment now."""
    return (
        CampaignDelivery.objects.filter(page=page, sent_at__isnull=False).count(),
        segments.waiting(page).count(),
    )
