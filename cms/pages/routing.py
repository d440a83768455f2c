"""Finding the page a URL names with one query: the page itself.

Wagtail walks the page tree from the site's home one slug at a time: two queries a level (the
child, then its specific page), and two more for the home in the active language. The tree's
routes change only when public content does (a page published, moved, renamed, deleted), so the
home of each language and the table of every path under it are kept until then
(`until_content_changes`, awards_site/caching/memo.py) and the page a URL names is fetched
directly. A page that routes by itself (a RoutablePageMixin page and its sub-pages) is handed the
rest of the path, as Wagtail's walk would hand it.

The result is left where Wagtail's own serve view looks for it first
(`request._wagtail_route_for_request`, see `Page.route_for_request`), so serving, view
restrictions and the page's own `serve` stay Wagtail's.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.models import Page, Site

from awards_site.caching.lookups import home_page
from awards_site.caching.memo import until_content_changes


def find_route(request, path):
    """Route the request to its page and leave the result for Wagtail's serve view."""
    site = Site.find_for_request(request)
    if site is None:
        return
    home = home_page(site)
    components = [component for component in path.split("/") if component]
    found = _deepest_page(home, components)
    if found is None:
        return  # the tree changed under the table: Wagtail walks it as usual
    page, rest = found
    try:
        request._wagtail_route_for_request = page.route(request, rest)
    except Http404:
        request._wagtail_route_for_request = None


def _routes(home):
    """{(slug, ...): (page id, content type id)} of every page under the home, live or not
    (Wagtail's walk passes through pages that are not live; the last one must be live)."""
    prefix = len(home.url_path)
    rows = Page.objects.descendant_of(home).values_list("url_path", "pk", "content_type_id")
    return {
        tuple(url_path[prefix:].strip("/").split("/")): (pk, content_type_id)
        for url_path, pk, content_type_id in rows
    }


def _routes_by_itself(model):
    return model.route is not Page.route


def _deepest_page(home, components):
    """(page, the components left for its own route), or None if a page has gone."""
    if _routes_by_itself(type(home)):
        return home, components
    routes = until_content_changes(("routes", home.pk), lambda: _routes(home))
    found, depth = None, 0
    for depth in range(1, len(components) + 1):
        entry = routes.get(tuple(components[:depth]))
        if entry is None:
            depth -= 1
            break
        found = entry
        if _routes_by_itself(_model(entry)):
            break
    if found is None:
        return home, components
    pk, content_type_id = found
    try:
        page = ContentType.objects.get_for_id(content_type_id).model_class().objects.get(pk=pk)
    except Page.DoesNotExist:
        return None
    return page, components[depth:]


def _model(entry):
    return ContentType.objects.get_for_id(entry[1]).model_class()
