"""Downloads counted without tracking people (library/resources/counting.py and the download
view): one number per resource and day, moved with F(); HEAD and requests without a
User-Agent not counted; nothing personal kept; the redirect goes only to the resource's own
document or link."""

import pytest
from django.urls import reverse
from django.utils import timezone

from library.resources.counting import record_download
from library.resources.models import DownloadDay
from tests.library.resources.conftest import make_resource

BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64)"}


def downloads(resource):
    return sum(DownloadDay.objects.filter(resource=resource).values_list("count", flat=True))


def url(resource):
    return reverse("resources:download", kwargs={"pk": resource.pk})


def test_a_download_counts_once_and_redirects_to_the_link(client, resource):
    response = client.get(url(resource), **BROWSER)
    assert response.status_code == 302
    assert response["Location"] == "https://example.org/queues"
    assert downloads(resource) == 1
    client.get(url(resource), **BROWSER)
    assert downloads(resource) == 2
    assert DownloadDay.objects.filter(resource=resource).count() == 1  # one row a day


def test_a_document_is_served_through_wagtails_document_view(client, document):
    resource = make_resource(link="", document=document)
    response = client.get(url(resource), **BROWSER)
    assert response.status_code == 302
    assert response["Location"] == document.url
    assert response["Location"].startswith("/documents/")


def test_head_requests_are_not_counted(client, resource):
    response = client.head(url(resource), **BROWSER)
    assert response.status_code == 302
    assert downloads(resource) == 0


def test_requests_without_a_user_agent_are_not_counted(client, resource):
    client.get(url(resource))
    client.get(url(resource), HTTP_USER_AGENT="   ")
    assert downloads(resource) == 0


def test_post_is_refused(client, resource):
    assert client.post(url(resource), **BROWSER).status_code == 405
    assert downloads(resource) == 0


def test_an_unpublished_resource_is_not_found(client, db):
    hidden = make_resource(live=False)
    assert client.get(url(hidden), **BROWSER).status_code == 404
    assert downloads(hidden) == 0


def test_days_are_counted_apart(resource):
    today = timezone.localdate()
    record_download(resource, today)
    record_download(resource, today - timezone.timedelta(days=1))
    record_download(resource, today)
    assert dict(DownloadDay.objects.filter(resource=resource).values_list("day", "count")) == {
        today: 2,
        today - timezone.timedelta(days=1): 1,
    }


# Attacks --------------------------------------------------------------------------------------


def test_the_counter_stores_nothing_about_the_person(client, nominator, resource):
    """Signed in, with an address, a referrer and a tracking-looking query string: the count
    moves and nothing else is kept; no cookie is set."""
    client.force_login(nominator)
    response = client.get(
        url(resource) + "?utm_source=mail&user=amina@example.org",
        REMOTE_ADDR="203.0.113.7",
        HTTP_REFERER="https://elsewhere.example/",
        **BROWSER,
    )
    assert response.status_code == 302
    assert not response.cookies
    assert [field.name for field in DownloadDay._meta.get_fields()] == [
        "id",
        "resource",
        "day",
        "count",
    ]
    row = DownloadDay.objects.get(resource=resource)
    assert (row.count, row.day) == (1, timezone.localdate())


def test_anonymous_download_sets_no_cookie(client, resource):
    response = client.get(url(resource), **BROWSER)
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize(
    "query",
    [
        "?next=https://evil.example/",
        "?url=https://evil.example/",
        "?redirect=//evil.example/",
        "?link=javascript:alert(1)",
    ],
)
def test_no_open_redirect(client, resource, query):
    response = client.get(url(resource) + query, **BROWSER)
    assert response["Location"] == "https://example.org/queues"


def test_only_a_number_names_a_resource(client, resource):
    response = client.get(f"/resources/{resource.pk}%2F..%2F..%2Fevil/download/", **BROWSER)
    assert response.status_code == 404
