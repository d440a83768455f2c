"""The public figures pages (thin views; the figures come from feedback/results.py, roll-ups only):

- /feedback/                     the countries with their figures
- /feedback/countries/<cc>/      a country: its figures, its agencies with theirs, a monthly trend
                                 (the three from one query, results.overview)
- /feedback/agencies/<slug>/     an agency: its figures, its points with theirs, a monthly trend,
                                 its published comments with the agency's replies

Each costs a fixed number of queries however many countries, agencies, points or comments (the
lists are grouped aggregate queries), and is kept for anonymous visitors (caching.py)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from awards_site.reach.middleware import counted
from awards_site.vocabularies.countries import country_name
from feedback.measures import MINIMUM_ANSWERS
from feedback.models import Agency, ServicePoint
from feedback.public.caching import public_figures
from feedback.public.comments import comments_page, published_comments
from feedback.public.trends import chart
from feedback.results import (
    by_agency,
    last_twelve_months,
    measures_by,
    no_answers,
    overview,
    rollups_in,
)

NONE = no_answers()


def trend_context(months):
    return {"months": months, "chart": chart(months)}


@counted  # a public page: its views count (docs/reach.md)
@public_figures
def index(request):
    period = last_twelve_months()
    countries = sorted(set(Agency.objects.values_list("country", flat=True)))
    figures = measures_by(rollups_in(period), "point__agency__country")
    rows = sorted(
        (
            {"code": code, "name": country_name(code), "measures": figures.get(code, NONE)}
            for code in countries
        ),
        key=lambda row: str(row["name"]),
    )
    return render(
        request,
        "feedback/public/index.html",
        {"countries": rows, "period": period, "minimum": MINIMUM_ANSWERS},
    )


@counted  # a public page: its views count (docs/reach.md)
@public_figures
def country(request, cc):
    code = cc.upper()
    agencies = list(Agency.objects.filter(country=code).order_by("name"))
    if not agencies:
        raise Http404("No agency of this country takes feedback.")
    period = last_twelve_months()
    rollups, agency = by_agency(period)
    figures = overview(rollups.filter(**{f"{agency}__country": code}), agency, period)
    return render(
        request,
        "feedback/public/country.html",
        {
            "country_code": code,
            "country": country_name(code),
            "period": period,
            "minimum": MINIMUM_ANSWERS,
            "measures": figures.total,
            "agencies": [(agency, figures.groups.get(agency.pk, NONE)) for agency in agencies],
            **trend_context(figures.trend()),
        },
    )


@counted  # a public page: its views count (docs/reach.md)
@public_figures
def agency(request, slug):
    agency = get_object_or_404(Agency, slug=slug)
    period = last_twelve_months()
    points = list(ServicePoint.objects.filter(agency=agency).order_by("name"))
    figures = overview(rollups_in(period).filter(point__agency=agency), "point", period)
    return render(
        request,
        "feedback/public/agency.html",
        {
            "agency": agency,
            "country": country_name(agency.country),
            "period": period,
            "minimum": MINIMUM_ANSWERS,
            "measures": figures.total,
            "points": [(point, figures.groups.get(point.pk, NONE)) for point in points],
            "comments": comments_page(
                published_comments(point__agency=agency), request.GET.get("page")
            ),
            **trend_context(figures.trend()),
        },
    )
