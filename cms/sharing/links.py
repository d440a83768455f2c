"""The share links of campaign pages: plain links to each network's own share address with the
page's address and text in the query, and a "copy link" that is a link to the page itself
(static/js/share.js copies it to the clipboard when JavaScript runs). No network's script, no
pixel: nothing is loaded from anyone until a visitor chooses to share."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ShareLink:
    network: str  # a class name and the test's handle: "whatsapp", "linkedin"...
    label: str  # what the link says
    accessible_name: str  # what a screen reader says: "Share on WhatsApp"
    href: str
    copy: bool = False


def campaign_page_types():
    """The page types that carry share links: the call for nominations (home page), CX Day,
    the pledge, the open letter, the winners page and news articles."""
    from cms.models import (
        CXDayPage,
        HomePage,
        NewsArticlePage,
        OpenLetterPage,
        PledgePage,
        WinnersPage,
    )

    return (HomePage, CXDayPage, PledgePage, OpenLetterPage, WinnersPage, NewsArticlePage)


def has_share_links(page):
    return page is not None and isinstance(page, campaign_page_types())


def _query(**params):
    return urlencode(params, quote_via=quote)


def share_links(url, text, hashtag=""):
    """[ShareLink] for the page at `url` (absolute) described by `text` (its title)."""
    tag = hashtag.lstrip("#").strip()
    x_params = {"text": text, "url": url}
    if tag:
        x_params["hashtags"] = tag
    return [
        ShareLink(
            "whatsapp",
            "WhatsApp",
            _("Share on WhatsApp"),
            "https://wa.me/?" + _query(text=f"{text} {url}"),
        ),
        ShareLink(
            "linkedin",
            "LinkedIn",
            _("Share on LinkedIn"),
            "https://www.linkedin.com/sharing/share-offsite/?" + _query(url=url),
        ),
        ShareLink("x", "X", _("Share on X"), "https://x.com/intent/post?" + _query(**x_params)),
        ShareLink(
            "facebook",
            "Facebook",
            _("Share on Facebook"),
            "https://www.facebook.com/sharer/sharer.php?" + _query(u=url),
        ),
        ShareLink(
            "email",
            _("Email"),
            _("Share by email"),
            "mailto:?" + _query(subject=text, body=f"{text}\n\n{url}"),
        ),
        ShareLink("copy", _("Copy link"), _("Copy link to this page"), url, copy=True),
    ]
