"""Parts of pages kept between requests of any visitor: a page's StreamField body (the partners'
logos, the statistics, the cycle's status...) is the same for everyone who sees the page, signed
in or not. Templates wrap such a part in Django's `{% cache %}` tag with the two values of this
context processor:

    {% cache fragment_seconds "body" page.pk LANGUAGE_CODE fragment_generation %}

`fragment_generation` is the public content's generation (generation.py), so any change shows on
the next request; `fragment_seconds` ends the fragment at the next moment pages change by
themselves (a cycle opening or closing: pages.changes_at). A preview (Wagtail's preview and
revision views render unsaved content) neither reads nor stores a fragment."""

from django.conf import settings

from awards_site.caching import generation
from awards_site.caching.pages import seconds_to_keep


def fragments(request):
    previewing = getattr(request, "is_preview", False)
    return {
        "fragment_generation": "preview" if previewing else generation.current,
        "fragment_seconds": 0 if previewing else _seconds,
    }


def _seconds():
    return seconds_to_keep(longest=settings.FRAGMENT_CACHE_SECONDS)
