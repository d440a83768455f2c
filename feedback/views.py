"""The public results page of a service point (/feedback/<code>/results/): its figures, its
monthly trend and its published comments with the agency's replies."""

from django.shortcuts import render

from awards_site.reach.middleware import counted
from awards_site.vocabularies.countries import country_name
from feedback.giving.views import find_point
from feedback.measures import MINIMUM_ANSWERS
from feedback.public.caching import public_figures
from feedback.public.comments import comments_page, published_comments
from feedback.public.views import trend_context
from feedback.results import last_twelve_months, overview, rollups_in


@counted  # a public page: its views count (docs/reach.md)
@public_figures
def point_results(request, code):
    point = find_point(code)
    period = last_twelve_months()
    figures = overview(rollups_in(period).filter(point=point), "point", period)
    return render(
        request,
        "feedback/results.html",
        {
            "point": point,
            "country": country_name(point.agency.country),
            "period": period,
            "measures": figures.total,
            "minimum": MINIMUM_ANSWERS,
            "comments": comments_page(published_comments(point=point), request.GET.get("page")),
            **trend_context(figures.trend()),
        },
    )
