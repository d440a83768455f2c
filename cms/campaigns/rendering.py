"""A campaign page as an email: the HTML part (the page's blocks in a plain email layout, every
link and picture absolute) and the plain-text part made from it, for mail programs and readers
that show text only."""

import html
import re
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

from awards_site.site_url import absolute_url, site_url

TEMPLATE = "cms/email/campaign.html"

_LINK = re.compile(r'<a\b[^>]*\bhref="([^"]+)"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)
_BREAKS = re.compile(
    r"<br\s*/?>|</(?:p|h[1-6]|div|blockquote|tr|figure|figcaption|summary|details|dt|dd)>",
    re.IGNORECASE,
)
_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_HIDDEN = re.compile(r"<(style|script|head)\b.*?</\1>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    html: str
    text: str


def render(page, unsubscribe_link, test=False):
    """The campaign `page` as an email whose footer unsubscribes with `unsubscribe_link`, in
    the page's language (a task has no request to say it)."""
    with translation.override(page.locale.language_code):
        return _render(page, unsubscribe_link, test)


def _render(page, unsubscribe_link, test):
    context = {
        "page": page,
        "web_version": absolute_url(page.url),
        "unsubscribe_link": unsubscribe_link,
        "test": test,
        "site_url": site_url(),
    }
    body = with_absolute_links(render_to_string(TEMPLATE, context))
    return RenderedEmail(subject=page.subject, html=body, text=as_text(body))


def with_absolute_links(markup):
    """Site-relative addresses (/fr/news/, /media/…) made absolute: a mail program has no page
    to resolve them against."""
    base = site_url()
    markup = re.sub(r'\b(href|src)="/(?!/)', lambda m: f'{m[1]}="{base}/', markup)
    return re.sub(
        r'\bsrcset="([^"]*)"',
        lambda m: 'srcset="{}"'.format(
            ", ".join(
                base + part.strip() if part.strip().startswith("/") else part.strip()
                for part in m[1].split(",")
            )
        ),
        markup,
    )


def as_text(markup):
    """The plain-text part: paragraphs and list items on their lines, links as "text (address)"."""
    markup = _HIDDEN.sub("", markup)
    markup = _LINK.sub(_link_as_text, markup)
    markup = _ITEM.sub("\n- ", markup)
    markup = _BREAKS.sub("\n", markup)
    text = html.unescape(strip_tags(markup))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _link_as_text(match):
    address, label = match[1], " ".join(strip_tags(match[2]).split())
    if not label or label == address:
        return address
    return f"{label} ({address})"
