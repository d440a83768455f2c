"""Conversions, counted as views are (buffer.py: in the cache, moved into the database by the
flush), attributed to the campaign that brought the visit. Each app calls, where the thing
happens:

    from awards_site.reach.conversions import CONVERSIONS, record_conversion

    record_conversion(request, CONVERSIONS.SUBSCRIBED)

The campaign is read from the request (its own utm_campaign/utm_source, or those of a Referer
on this same site: cleaning.campaign_of), unless `campaign` (and `source`) are given, as they
are for a nomination sent long after the visit that started it (Nomination.campaign). Never
fails the caller: a cache error is logged and ignored. Nothing is counted when REACH_COUNTING
is off, or for a bot's request."""

import logging

from django.conf import settings

from awards_site.reach import buffer, cleaning
from awards_site.reach.cleaning import campaign_of
from awards_site.reach.kinds import CONVERSIONS, KINDS

__all__ = ["CONVERSIONS", "campaign_of", "record_conversion"]

logger = logging.getLogger("awards_site.reach")


def record_conversion(request, kind, campaign=None, source=None):
    """One more conversion of `kind` (a CONVERSIONS member or its value). `request` may be None
    when `campaign` is given. Returns whether it was counted."""
    if not settings.REACH_COUNTING:
        return False
    kind = str(getattr(kind, "value", kind))
    if kind not in KINDS:
        raise ValueError(f"Unknown conversion kind: {kind!r}")
    try:
        if request is not None and cleaning.is_bot(request):
            return False
        if campaign is None and source is None:
            campaign, source = campaign_of(request)
        else:
            campaign, source = cleaning.tag(campaign or ""), cleaning.tag(source or "")
        buffer.add((buffer.CONVERSION, kind, campaign, source))
        return True
    except Exception:
        logger.exception("A %s conversion could not be counted", kind)
        return False
