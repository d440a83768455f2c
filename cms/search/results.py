"""One search over the public pages of the active language, the guides and tools of the library
(library/resources/) and the places that are not pages, with a filter by kind (a page type, or
"resource") and what to show of each result. Without a kind, the first page of results starts
with the places and the first few guides and tools found; the kind "resource" lists them all."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.models import Locale, Page, Site

from awards_site.search.query import parse
from cms.search.destinations import destinations_for
from cms.search.snippets import page_texts, snippet
from library.resources.listing import in_language_of, matching

PER_PAGE = 10
RESOURCE_KIND = "resource"
RESOURCES_FIRST = 3  # guides and tools shown before the pages when no kind is chosen


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
    resources: list = field(default_factory=list)  # the first few, before the pages
    resource_count: int = 0  # in `resources` when no kind is chosen (else in `page`)

    @property
    def count(self):
        pages = self.page.paginator.count if self.page else 0
        return pages + len(self.destinations) + (0 if self.kind else self.resource_count)


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


def _resource_result(resource, wanted):
    return Result(
        title=resource.title,
        url=reverse("resources:download", kwargs={"pk": resource.pk}),
        kind=resource.kind_label,
        snippet=snippet([resource.summary], wanted),
        date=None,
    )


def public_pages():
    return Page.objects.live().public().filter(locale=Locale.get_active())


def public_resources(parsed):
    """The guides and tools a visitor of the active language sees that have the words."""
    resources = matching(parsed, in_language_of(Locale.get_active()))
    return resources.select_related("locale").order_by("title", "pk")


def search(text, kind="", page_number=None, request=None):
    """The search for what a visitor typed (`text`), restricted to one kind (a page type's
    model name) if given: never raises on any text or kind."""
    parsed = parse(text)
    outcome = Search(parsed=parsed)
    if not parsed:
        return outcome
    pages = public_pages()
    # Every kind's count, from the search of all pages, whose ranked results are shown when no
    # kind is chosen (on PostgreSQL the kinds are counted in the pass that ranks them).
    every_page = pages.specific().search(parsed.query)
    facets = every_page.facet("content_type_id")
    content_types = {pk: ContentType.objects.get_for_id(pk) for pk in facets}
    resources = public_resources(parsed)
    outcome.resource_count = resources.count()
    kinds = [
        Kind(content_type.model, _kind_label(content_type), facets[pk], pk)
        for pk, content_type in content_types.items()
    ]
    if outcome.resource_count:
        label = gettext("Guides and tools")  # the library's name (library/resources/)
        kinds.append(Kind(RESOURCE_KIND, label, outcome.resource_count, None))
    outcome.kinds = sorted(kinds, key=lambda found: (-found.count, found.label))
    chosen = next((found for found in outcome.kinds if found.key == kind), None)
    if chosen is not None and chosen.key == RESOURCE_KIND:
        outcome.kind = RESOURCE_KIND
        outcome.page = Paginator(resources, PER_PAGE).get_page(page_number)
        outcome.page.object_list = [
            _resource_result(resource, parsed.highlight) for resource in outcome.page.object_list
        ]
        return outcome
    found = every_page
    if chosen is not None:
        outcome.kind = chosen.key
        found = pages.filter(content_type_id=chosen.content_type_id).specific()
        found = found.search(parsed.query)
    else:
        outcome.destinations = destinations_for(parsed)
        if outcome.resource_count:
            outcome.resources = [
                _resource_result(resource, parsed.highlight)
                for resource in resources[:RESOURCES_FIRST]
            ]
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
