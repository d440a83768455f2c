"""The public guides and tools library (thin views; the rules are in listing.py and counting.py):

- /resources/                      the published resources, filtered and searched (GET)
- /resources/<id>/download/        counts one download and redirects to the resource's own
                                   document (through Wagtail's document view, so its privacy
                                   and checks hold) or its own https link; nothing else
"""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from awards_site.caching.pages import shareable
from library.resources.counting import counts, record_download
from library.resources.listing import listing
from library.resources.models import Resource


@shareable
@require_safe
def index(request):
    outcome = listing(request.GET, request.GET.get("page"))
    return render(request, "library/resources/index.html", {"listing": outcome})


@require_safe
def download(request, pk):
    resource = get_object_or_404(Resource.objects.select_related("document"), pk=pk, live=True)
    if resource.document_id:
        target = resource.document.url
    elif resource.link:
        target = resource.link
    else:
        raise Http404("This resource has nothing to offer.")
    if counts(request):
        record_download(resource)
    response = HttpResponseRedirect(target)
    add_never_cache_headers(response)  # every download reaches the counter
    return response
