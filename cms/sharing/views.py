"""The share card's address: /share/card/<page>-<language>-<digest>.png, the card drawn on first
use and kept (cards.py). An address whose digest is not the page's current one (the title
changed since it was shared) is sent on to the current card; a page that is not live and public
has no card."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Page

from cms.sharing import cards
from cms.sharing.meta import language_codes, share_title

A_YEAR = 365 * 24 * 60 * 60


def card_title(page_id, language):
    """The title the card of this page in this language shows, or None."""
    if page_id == cards.SITE_CARD:
        return cards.site_card_title(language)
    page = (
        Page.objects.live()
        .public()
        .filter(pk=page_id, locale__language_code=language)
        .specific()
        .first()
    )
    return share_title(page) if page is not None else None


@require_safe
@cache_control(public=True, max_age=A_YEAR, immutable=True)
def share_card(request, page_id, language, digest):
    if language not in language_codes():
        raise Http404
    title = card_title(page_id, language)
    if title is None:
        raise Http404
    if digest != cards.digest(title, language):
        return redirect(
            "share_card", page_id=page_id, language=language, digest=cards.digest(title, language)
        )
    return HttpResponse(cards.card_file(page_id, language, title), content_type="image/png")
