"""The open data's addresses (docs/open-data.md): the page that explains it, the monthly CSV file
(through the exporter base, awards_site/exports.py, so no cell is read as a formula) and the
read-only JSON API (/api/feedback/v1/...), plain Django views returning JsonResponse. Each is kept
for anonymous visitors up to FEEDBACK_PAGE_SECONDS, keyed by its full query (caching.py)."""

from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from awards_site.exports import CSV_CONTENT_TYPE, csv_lines
from awards_site.reach.middleware import counted
from awards_site.vocabularies.countries import country_name
from feedback.public import opendata
from feedback.public.caching import public_figures, seconds

ROWS_PER_PAGE = 200


def envelope(**rest):
    return {
        "licence": opendata.LICENCE,
        "licence_url": opendata.LICENCE_URL,
        "attribution": opendata.ATTRIBUTION,
        **rest,
    }


def bad_request(message):
    return JsonResponse(envelope(error=str(message), results=[]), status=400)


@counted  # a public page: its views count (docs/reach.md)
@public_figures
def about(request):
    return render(
        request,
        "feedback/public/open_data.html",
        {
            "licence": opendata.LICENCE,
            "licence_url": opendata.LICENCE_URL,
            "attribution": opendata.ATTRIBUTION,
            "minutes": max(1, -(-seconds() // 60)),
        },
    )


@public_figures
def monthly_csv(request):
    try:
        filters = opendata.parse_filters(request.GET)
    except opendata.BadFilter as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    with override("en"):  # the file's country names are in English, whatever the page's language
        rows = [opendata.row_of(sums) for sums in opendata.monthly_aggregates(filters)]
    lines = csv_lines(opendata.COLUMNS, ([row[c] for c in opendata.COLUMNS] for row in rows))
    response = HttpResponse("".join(lines), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="feedback-monthly.csv"'
    return response


def _page_number(request, pages):
    value = request.GET.get("page", "1")
    if not value.isdigit() or not 1 <= int(value) <= max(pages, 1):
        return None
    return int(value)


def _link(request, number):
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@public_figures
def api_monthly(request):
    try:
        filters = opendata.parse_filters(request.GET)
    except opendata.BadFilter as error:
        return bad_request(error)
    paginator = Paginator(opendata.monthly_aggregates(filters), ROWS_PER_PAGE)
    number = _page_number(request, paginator.num_pages)
    if number is None:
        return bad_request(
            _("“page” must be a whole number from 1 to %(pages)s.")
            % {"pages": max(paginator.num_pages, 1)}
        )
    page = paginator.page(number)
    with override("en"):
        results = [opendata.row_of(sums) for sums in page.object_list]
    return JsonResponse(
        envelope(
            count=paginator.count,
            page=number,
            pages=paginator.num_pages,
            next=_link(request, number + 1) if page.has_next() else None,
            previous=_link(request, number - 1) if page.has_previous() else None,
            results=results,
        )
    )


@public_figures
def api_agencies(request):
    with override("en"):
        results = [
            {
                "slug": agency["slug"],
                "name": agency["name"],
                "country": agency["country"],
                "country_name": str(country_name(agency["country"])),
                "page": request.build_absolute_uri(
                    reverse("feedback:agency", kwargs={"slug": agency["slug"]})
                ),
                "monthly": request.build_absolute_uri(
                    f"{reverse('feedback_api:monthly')}?agency={agency['slug']}"
                ),
            }
            for agency in opendata.agencies()
        ]
    return JsonResponse(envelope(count=len(results), results=results))


@public_figures
def api_countries(request):
    with override("en"):
        results = [
            {
                "code": code,
                "name": str(country_name(code)),
                "agencies": count,
                "page": request.build_absolute_uri(
                    reverse("feedback:country", kwargs={"cc": code.lower()})
                ),
                "monthly": request.build_absolute_uri(
                    f"{reverse('feedback_api:monthly')}?country={code}"
                ),
            }
            for code, count in sorted(opendata.countries().items())
        ]
    return JsonResponse(envelope(count=len(results), results=results))
