from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from awards_site.forms import without_control_characters


def search(request):
    # Control characters mean nothing in a search, and PostgreSQL refuses NUL in a query.
    query = without_control_characters(request.GET.get("q", "")).strip()[:200]
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
        )
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    return TemplateResponse(request, "cms/search.html", {"query": query, "results": page})
