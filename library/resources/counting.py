"""Downloads counted without tracking people: one number per resource and day, moved with F()
so two downloads at once both count. Nothing about the person is read or kept (no address, no
cookie, no account, not even the User-Agent: it is only asked whether there is one)."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from library.resources.models import DownloadDay


def counts(request):
    """A GET from something that says what it is. HEAD requests (link checkers, previews) and
    requests without a User-Agent (most scripts) are not downloads by a person."""
    return request.method == "GET" and bool(request.headers.get("User-Agent", "").strip())


def record_download(resource, day=None):
    """One more download of `resource` on `day` (today, in the site's time zone)."""
    day = day or timezone.localdate()
    rows = DownloadDay.objects.filter(resource=resource, day=day)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            DownloadDay.objects.create(resource=resource, day=day, count=1)
    except IntegrityError:  # another request made the day's row first
        rows.update(count=F("count") + 1)
