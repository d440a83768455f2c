"""The public content's generation: a number kept in the cache that moves on whenever anything a
public page shows changes. Cache keys of pages and fragments include it, so a change shows on the
next request everywhere, on every machine that shares the cache, without naming what to forget.

Apps say which of their models the public pages show (`shown_publicly`, from their
AppConfig.ready); a save or delete of one moves the generation on after the transaction commits.
A change made with `QuerySet.update()` sends no signal: code that publishes that way calls
`public_content_changed()` itself (judging's results do).

Where the number lives: in the cache when the cache is shared (Redis: every machine sees it);
with the embedded local-memory cache, each web worker process has a cache of its own, so the
number is kept in a small file of the var folder instead, which every worker of the machine
reads (one small read a request)."""

import os
import threading
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

KEY = "public-content-generation"


def _kept_in_a_file():
    return isinstance(caches["default"], LocMemCache)


def _stamp_file():
    return settings.VAR_DIR / "public-content-generation"


def current():
    """The generation now (0 until the first change)."""
    if not _kept_in_a_file():
        return cache.get_or_set(KEY, 0, None)
    try:
        return int(_stamp_file().read_text() or 0)
    except (FileNotFoundError, ValueError):
        return 0


def public_content_changed(**_signal_arguments):
    """Move the generation on now, and again once the current transaction commits: a request
    that read the old rows between the two cannot keep them under the number that follows."""
    _move_on()
    transaction.on_commit(_move_on)


def _move_on():
    # A clock value, not an increment: it needs no first `add`, and never goes back to a number
    # an older entry was stored under.
    number = time.time_ns()
    if not _kept_in_a_file():
        cache.set(KEY, number, None)
        return
    # Written aside then renamed, so a reader never sees half a number; the aside file is this
    # thread's own, as two requests of one process may change public content at the same time.
    stamp = _stamp_file()
    aside = stamp.with_name(f"{stamp.name}.{os.getpid()}.{threading.get_ident()}")
    aside.write_text(str(number))
    os.replace(aside, stamp)


def shown_publicly(*models):
    """Declare models whose rows public pages show: saving or deleting one moves the
    generation on."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(public_content_changed, sender=model, dispatch_uid=f"public-{label}")
        post_delete.connect(public_content_changed, sender=model, dispatch_uid=f"public-{label}-")


def connect_wagtail():
    """What Wagtail's own pages, sites, locales, images, documents and redirects change."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(public_content_changed, dispatch_uid=f"public-{signal!r}")
    # Page saves include drafts (which show nowhere public), but also title, slug and menu
    # changes made without a new revision; moving on for a draft only costs a few misses.
    shown_publicly(Page, Site, Locale, PageViewRestriction, get_image_model(), get_document_model())
    from wagtail.contrib.redirects.models import Redirect

    shown_publicly(Redirect)
