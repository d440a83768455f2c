from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page

from awards_site.caching.pages import shareable
from awards_site.forms import without_control_characters
from awards_site.reach.middleware import counted
from cms.pages import routing
from cms.search import results as site_search
from cms.signing.confirmation import confirm, signature_for_token


@shareable
def serve_page(request, path):
    """Wagtail's page view, with the page found in one query (cms/pages/routing.py)."""
    routing.find_route(request, path)
    return wagtail_views.serve(request, path)


@counted  # a public page: its views count (docs/reach.md)
def search(request):
    """The site's search (cms/search/): what the visitor typed, never an error page."""
    # Control characters mean nothing in a search, and PostgreSQL refuses NUL in a query.
    text = without_control_characters(request.GET.get("q", "")).strip()
    outcome = site_search.search(
        text, kind=request.GET.get("kind", ""), page_number=request.GET.get("page"), request=request
    )
    context = {"query": outcome.parsed.text, "search": outcome, "kind": outcome.kind}
    if outcome.parsed and not outcome.count:
        context["browse"] = site_search.browse_pages(request)
    return TemplateResponse(request, "cms/search.html", context)


@require_http_methods(["GET", "POST"])
def confirm_signature(request, token):
    """The link emailed to a signer: shows what they confirm, and confirms on the button
    (cms/signing/confirmation.py). A link that is wrong, too old or overtaken says what to do."""
    signature = signature_for_token(token)
    page = None
    if signature is not None:
        page = (
            Page.objects.live()
            .filter(translation_key=signature.page_key, locale=Locale.get_active())
            .first()
            or Page.objects.live().filter(translation_key=signature.page_key).first()
        )
    if signature is None or page is None:
        return TemplateResponse(request, "cms/signature_confirm.html", {"signature": None})
    page = page.specific
    if request.method == "POST":
        confirm(signature)
        messages.success(request, page.thanks_message)
        return redirect(page.url)
    return TemplateResponse(
        request,
        "cms/signature_confirm.html",
        {
            "signature": signature,
            "signed_page": page,
            "public": bool(
                getattr(signature, "list_publicly", False)
                or getattr(signature, "show_publicly", False)
            ),
        },
    )
