"""Downloading a point's poster or counter card: staff of the point's agency and administrators
(`feedback.print_posters`). Anyone else signed in gets a 404, so the address says nothing."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache

from feedback.giving.views import find_point
from feedback.posters import documents


def _download(request, code, format):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    point = find_point(code)
    if not request.user.has_perm("feedback.print_posters", point):
        raise Http404
    languages = documents.poster_languages(point.agency, request.GET.get("lang"))
    data = documents.render_poster(point, format, languages)
    response = HttpResponse(data, content_type="application/pdf")
    suffix = f"-{languages[0]}" if len(languages) == 1 else ""
    response["Content-Disposition"] = (
        f'attachment; filename="{point.code}-{format.slug}{suffix}.pdf"'
    )
    return response


@never_cache
def poster_a4(request, code):
    return _download(request, code, documents.A4)


@never_cache
def card_a6(request, code):
    return _download(request, code, documents.A6)
