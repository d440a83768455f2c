"""One search over the public pages of the active language and the places that are not pages,
with a filter by kind (the page type) and what to show of each result."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.utils.text import capfirst
from wagtail.models import Locale, Page, Site

from awards_site.search.query import parse
from cms.search.destinations import destinations_for
from cms.search.snippets import page_texts, snippet

PER_PAGE = 10


@dataclass
class Kind:
    key: str  # the page type's model name: ?kind=newsarticlepage
    label: str
    count: int
    content_type_id: int


@dataclass
class Result:
    title: str
    url: str
    kind: str
    snippet: str
    date: object = None


@dataclass
class Search:
    parsed: object
    kind: str = ""
    kinds: list = field(default_factory=list)
    page: object = None  # a Paginator page of Results
    destinations: list = field(default_factory=list)

    @property
    def count(self):
        return (self.page.paginator.count if self.page else 0) + len(self.destinations)


def _kind_label(content_type):
    model = content_type.model_class()
    return capfirst(model._meta.verbose_name) if model else content_type.model


def _result(page, wanted, request):
    date = getattr(page, "date", None) or page.first_published_at
    return Result(
        title=page.title,
        url=page.get_url(request=request),
        kind=_kind_label(ContentType.objects.get_for_id(page.content_type_id)),
        snippet=snippet(page_texts(page), wanted),
        date=date,
    )


def public_pages():
    return Page.objects.live().public().filter(locale=Locale.get_active())


def search(text, kind="", page_number=None, request=None):
    """The search for what a visitor typed (`text`), restricted to one kind (a page type's
    model name) if given: never raises on any text or kind."""
    parsed = parse(text)
    outcome = Search(parsed=parsed)
    if not parsed:
        return outcome
    pages = public_pages()
    facets = pages.search(parsed.query, order_by_relevance=False).facet("content_type_id")
    content_types = {pk: ContentType.objects.get_for_id(pk) for pk in facets}
    outcome.kinds = sorted(
        (
            Kind(content_type.model, _kind_label(content_type), facets[pk], pk)
            for pk, content_type in content_types.items()
        ),
        key=lambda found: (-found.count, found.label),
    )
    chosen = next((found for found in outcome.kinds if found.key == kind), None)
    if chosen is not None:
        outcome.kind = chosen.key
        pages = pages.filter(content_type_id=chosen.content_type_id)
    else:
        outcome.destinations = destinations_for(parsed)
    found = pages.specific().search(parsed.query)
    outcome.page = Paginator(found, PER_PAGE).get_page(page_number)
    outcome.page.object_list = [
        _result(result, parsed.highlight, request) for result in outcome.page.object_list
    ]
    return outcome


def browse_pages(request):
    """Where to go when nothing was found: the home page of the active language and the pages
    of its main menu (one query)."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    home = site.root_page.localized
    return [home, *home.get_children().live().public().in_menu().only("title", "url_path")]
