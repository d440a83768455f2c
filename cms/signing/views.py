"""Signing the open letter or the pledge: the form's POST, apart from the page's address so the
page itself is shared between visitors (no CSRF token in it). Forgery from another site is
refused by the browser's own headers instead (awards_site/security/origin.py)."""

from django.http import Http404
from django.utils import translation
from django.views.decorators.http import require_POST
from wagtail.models import Page

from awards_site.security.origin import same_site_posts_only
from cms.signing.models import SignaturePage


@same_site_posts_only
@require_POST
def sign(request, page_id):
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if not isinstance(page, SignaturePage):
        raise Http404
    with translation.override(page.locale.language_code):
        return page.sign(request)
