"""Each public figures page costs a fixed number of queries, however many countries, agencies,
points, days and comments it shows (lists are grouped aggregate queries)."""

import pytest

from feedback.choices import CommentState
from feedback.models import Reply
from tests.factories.feedback import AgencyFactory, ResponseFactory, ServicePointFactory
from tests.feedback.public.conftest import rollup

pytestmark = pytest.mark.django_db

# The countries' codes, the figures grouped by country.
INDEX = 2
# The agencies, the grouped figures, the country's figures, the months.
COUNTRY = 4
# The agency, its figures, its points, their grouped figures, the months, the comments' count
# and page (each with its point and reply).
AGENCY = 7
# The point with its agency, its figures, the months, the comments' count and page.
POINT = 5


def grow(agency, number):
    """Add `number` points to the agency (and an agency beside it), each with answers on two
    days and a published comment with a reply."""
    other = AgencyFactory(country=agency.country)
    for point in list(agency.points.all()):  # the points asked for get comments too
        for _index in range(number):
            answer = ResponseFactory(
                point=point, comment="On this point", comment_status=CommentState.PUBLISHED
            )
            Reply.objects.create(response=answer, text="Thank you.")
    for index in range(number):
        for owner in (agency, other):
            point = ServicePointFactory(agency=owner)
            rollup(point, 12, 10)
            rollup(point, 12, 10, day=point.rollups.get().day.replace(day=1))
            answer = ResponseFactory(
                point=point, comment=f"Comment {index}", comment_status=CommentState.PUBLISHED
            )
            Reply.objects.create(response=answer, text="Thank you.")


@pytest.mark.parametrize(
    ("address", "budget"),
    [
        ("/feedback/", INDEX),
        ("/feedback/countries/rw/", COUNTRY),
        ("/feedback/agencies/rwanda-registry/", AGENCY),
        ("POINT", POINT),
    ],
)
def test_the_queries_do_not_grow_with_the_rows(
    client, agency, points, address, budget, django_assert_max_num_queries
):
    if address == "POINT":
        address = f"/feedback/{points[0].code}/results/"
    grow(agency, 1)
    client.get(address)  # the site's per-worker lookups, made once
    with django_assert_max_num_queries(budget) as few:
        small = client.get(address)
    grow(agency, 4)
    with django_assert_max_num_queries(budget) as many:
        large = client.get(address)
    assert small.status_code == large.status_code == 200
    assert len(few) == len(many)
