"""The counting of page views (docs/reach.md), in settings.MIDDLEWARE just before the shared
public pages (awards_site/caching/pages.py), so a page served from the shared copy counts too.

What counts as a view, one rule: a GET answered 200 with HTML by a public page's view, that is
Wagtail's page view, a view marked `@shareable` (awards_site/caching/pages.py: the pages that may
be shared between visitors, such as /nominate/ and /resources/) or a view marked `@counted`
(below: the site search, the feedback platform's public figures), or the shared copy of one of
them. Never the admin, accounts, the nominator's, judges' and sponsors' areas, the feedback
staff portal, forms' POSTs, files, feeds or the open data. Not counted either: bots
(cleaning.is_bot), and everything when REACH_COUNTING is off.

Kept for each view: the path (without its query), the Wagtail page's id when a page was served,
the external referrer's domain, the link's utm_campaign and utm_source, added up in the
process's memory and handed to the cache every few seconds (buffer.py). No cookie is set,
nothing about the visitor is read but whether the User-Agent is a bot's. The first request a
worker serves in a new minute queues the flush (tasks.py), once per minute across workers. An
error here is logged and the response goes out as it is.
"""

import logging

from django.conf import settings
from django.core.cache import cache

from awards_site.caching.pages import is_shareable
from awards_site.reach import buffer, cleaning

logger = logging.getLogger("awards_site.reach")

PATH_LENGTH = 255


def counted(view):
    """A public view whose pages count as views though they are not shared (search, public
    figures with their own caching)."""
    view.reach_counted = True
    return view


def is_counted(view):
    return is_shareable(view) or getattr(view, "reach_counted", False)


_last_slot = None  # the slot this worker last queued a flush for


class ReachCountingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.REACH_COUNTING:
            try:
                if counts(request, response):
                    record_view(request, response)
            except Exception:
                logger.exception("A page view could not be counted")
        return response

    def process_view(self, request, view, args, kwargs):
        request.reach_counted_view = is_counted(view)

    def process_template_response(self, request, response):
        """Remember the Wagtail page on the response, so the shared copy of it still says which
        page it is (a response keeps its own attributes in the cache)."""
        try:
            page = (response.context_data or {}).get("page")
            page_id = getattr(page, "pk", None)
            if isinstance(page_id, int) and hasattr(page, "url_path"):
                response.reach_page_id = page_id
        except Exception:  # a context of another kind: the view counts without its page
            logger.exception("The page of a response could not be read")
        return response


def counts(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    # The view said so, or no view ran: the answer is the shared copy of a shareable page.
    from_view = getattr(request, "reach_counted_view", None)
    if from_view is None:
        from_view = getattr(request, "served_shared_copy", False)
    return from_view and not cleaning.is_bot(request)


def record_view(request, response):
    campaign, source = cleaning.query_tags(request)
    cell = (
        buffer.VIEW,
        request.path[:PATH_LENGTH],
        getattr(response, "reach_page_id", None),
        cleaning.referrer_domain(request),
        campaign,
        source,
    )
    slot = buffer.current_slot()
    buffer.add(cell, slot)
    queue_flush(slot)


def queue_flush(slot):
    """The first view of a new minute (in this worker, then across workers) queues the flush
    of the minutes before it."""
    global _last_slot
    if slot == _last_slot or not settings.REACH_FLUSH_FROM_REQUESTS:
        return
    _last_slot = slot
    if cache.add(buffer.key(slot, "queued"), 1, buffer.KEEP_SECONDS):
        from awards_site.reach.tasks import flush_reach

        flush_reach.enqueue()
