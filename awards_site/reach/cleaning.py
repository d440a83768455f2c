"""What a request may tell the reach figures, read without keeping anything about the person:

- `is_bot`: HEAD requests, requests without a User-Agent and User-Agents of known crawlers and
  link-preview bots are not people (crawlerdetect: JayBizzle's Crawler-Detect patterns, Googlebot,
  bingbot, facebookexternalhit, WhatsApp, LinkedInBot, Twitterbot, Slackbot, curl, wget,
  python-requests...). The User-Agent is only looked at, never kept; this worker remembers the
  answer for the last REMEMBERED_AGENTS agents in its memory (the 1,462 patterns take about
  half a millisecond a new agent).
- `tag`: a utm_campaign or utm_source value, trimmed, lower-cased and cut to 80 characters,
  kept only when it is made of a-z, 0-9, '.', '_' and '-' and starts with a letter or digit;
  anything else is dropped whole (so "=HYPERLINK(...)" can never be stored, nor shown in a
  spreadsheet).
- `referrer_domain`: the host of a Referer from another site (lower case, no port); a Referer
  from this site, or one that is not an address, gives "".
- `campaign_of`: the (campaign, source) of a request: its own query, or else the query of a
  Referer from this same site (a form posted from /pledge/?utm_campaign=cxday counts for cxday).
"""

import re
from functools import lru_cache
from urllib.parse import parse_qs, urlsplit

from crawlerdetect import CrawlerDetect
from django.utils.http import url_has_allowed_host_and_scheme

from awards_site.reach.models import DOMAIN_LENGTH, TAG_LENGTH

TAG = re.compile(r"[a-z0-9][a-z0-9._-]*")
DOMAIN = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")
REMEMBERED_AGENTS = 4096
# A User-Agent longer than this is read only this far (the patterns match near the start).
AGENT_LENGTH = 512
# Referers and tagged query strings repeat (every visitor of one shared link sends the same):
# this worker remembers what the last REMEMBERED_LINKS short ones gave, to spare the parsing
# (about 15 µs a view, a twentieth of a shared page's cost). A longer one is parsed each time,
# so that what is kept stays small (at most REMEMBERED_LINKS x LINK_LENGTH characters).
REMEMBERED_LINKS = 1024
LINK_LENGTH = 300

_detector = CrawlerDetect()


@lru_cache(maxsize=REMEMBERED_AGENTS)
def _is_crawler(agent):
    return _detector.is_crawler(agent)


def is_bot(request):
    """Whether `request` is not from a person: HEAD, no User-Agent, or a known crawler's."""
    if request.method == "HEAD":
        return True
    agent = request.META.get("HTTP_USER_AGENT", "").strip()
    return not agent or _is_crawler(agent[:AGENT_LENGTH])


def tag(value):
    """A utm value as it is stored, or "" when it is not one (see the module's docstring)."""
    if not isinstance(value, str):
        return ""
    value = value.strip().lower()[:TAG_LENGTH]
    return value if TAG.fullmatch(value) else ""


def tags(query):
    """(campaign, source) of a QueryDict or a dict of lists (parse_qs)."""

    def first(name):
        values = query.getlist(name) if hasattr(query, "getlist") else query.get(name, [])
        return tag(values[0] if values else "")

    return first("utm_campaign"), first("utm_source")


def remembered_when_short(parse):
    """`parse(text)`, remembered for the last REMEMBERED_LINKS texts of at most LINK_LENGTH."""
    remembered = lru_cache(maxsize=REMEMBERED_LINKS)(parse)

    def parse_or_remember(text):
        return remembered(text) if len(text) <= LINK_LENGTH else parse(text)

    return parse_or_remember


def _host(request):
    try:
        return request.get_host()
    except Exception:  # DisallowedHost: no request of this site
        return None


def is_same_site(request, address):
    host = _host(request)
    return bool(host) and url_has_allowed_host_and_scheme(address, allowed_hosts={host})


def referrer_domain(request):
    """The domain of an external Referer, "" for none, for this site's own pages, or for
    anything that is not a plain domain name."""
    referer = request.META.get("HTTP_REFERER", "")
    if not referer:
        return ""
    host = _domain_of(referer)
    # The Host was validated before any page was answered (the shared copy's key, then
    # CommonMiddleware): the header is compared as it came, without validating it again.
    if not host or host == _own_domain(request):  # this site (any scheme, any port)
        return ""
    return host


@remembered_when_short
def _domain_of(address):
    """The host of an address, when it is a plain domain name; "" otherwise."""
    try:
        host = (urlsplit(address.strip()).hostname or "").rstrip(".")
    except ValueError:
        return ""
    if not host or len(host) > DOMAIN_LENGTH or not DOMAIN.fullmatch(host):
        return ""
    return host


def _own_domain(request):
    try:
        return request._get_raw_host().rsplit(":", 1)[0].lower()
    except Exception:  # no Host of any kind: nothing is this site
        return None


def query_tags(request):
    """(campaign, source) of the request's own query string, read only when it names one."""
    query = request.META.get("QUERY_STRING", "")
    if "utm_" not in query:
        return "", ""
    return _tags_of_query(query)


@remembered_when_short
def _tags_of_query(query):
    return tags(parse_qs(query))


def campaign_of(request):
    """(campaign, source): from the request's own query, or else from the query of a Referer
    on this same site. ("", "") when neither carries a utm_campaign or utm_source."""
    if request is None:
        return "", ""
    found = query_tags(request)
    if any(found):
        return found
    referer = request.META.get("HTTP_REFERER", "")
    if referer and is_same_site(request, referer):
        try:
            query = urlsplit(referer).query
        except ValueError:
            return "", ""
        if query:
            return tags(parse_qs(query))
    return "", ""
