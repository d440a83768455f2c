"""What every page looks up and only a change to public content can change (the request's site,
the locales, the page tree's routes, the site settings: lookups.py) is kept in the web worker's
memory under the content's generation (generation.py), so a page that is not in the shared cache
yet (a first visit, a signed-in visitor) does not look it up again. It is dropped as soon as the
generation moves on, on every worker: the next request after any change looks it up afresh.

Model instances are handed out as copies, so what one request sets on its object (Wagtail caches
a page's parent and specific page on it) does not leak into another's. Other values (the route
table, lists of URLs) are handed out as they are: their callers only read them.
"""

import copy

from django.db.models import Model

from awards_site.caching import generation

# (generation, {key: value}), replaced whole, so a thread never pairs one number with the other's
# values.
_kept = [(None, {})]
MOST_KEPT = 10_000


def until_content_changes(key, compute):
    """compute(), or what it returned for the same key in this process since public content
    last changed."""
    number = generation.current()
    kept_for, values = _kept[0]
    if kept_for != number:
        values = {}
        _kept[0] = (number, values)
    if key not in values:
        if len(values) >= MOST_KEPT:  # a flood of made-up hosts or paths: looked up, not kept
            return compute()
        values[key] = compute()
    value = values[key]
    return copy.copy(value) if isinstance(value, Model) else value


def forget_until_content_changes():
    """Drop what this process kept (the tests roll the database back under one generation)."""
    _kept[0] = (None, {})
