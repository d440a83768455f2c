"""The public results page of a service point (/feedback/<code>/results/)."""

from django.shortcuts import render

from feedback.giving.views import find_point
from feedback.measures import MINIMUM_ANSWERS
from feedback.results import last_twelve_months, point_measures


def point_results(request, code):
    point = find_point(code)
    period = last_twelve_months()
    return render(
        request,
        "feedback/results.html",
        {
            "point": point,
            "period": period,
            "measures": point_measures(point, period),
            "minimum": MINIMUM_ANSWERS,
        },
    )
