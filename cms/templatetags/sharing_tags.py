"""The template side of cms/sharing: `{% share_head %}` (Open Graph and card tags, canonical,
hreflang, feeds, JSON-LD: sharing/head.html) and `{% share_links %}` (the share links of a
campaign page: sharing/links.html)."""

from django import template
from django.urls import reverse

from cms.sharing import links, meta, structured

register = template.Library()


def _shared(context):
    """The page's (or the view's) Shared, worked out once per response."""
    if "_shared" not in context.render_context:
        page = context.get("page")
        request = context["request"]
        if page is not None and hasattr(page, "locale_id") and hasattr(page, "title"):
            shared = meta.for_page(page, request)
        else:
            shared = meta.for_view(request)
        context.render_context["_shared"] = shared
    return context.render_context["_shared"]


def _site_settings(context):
    try:
        return context["settings"]["cms"]["SiteSettings"]
    except (KeyError, TypeError):
        return None


@register.inclusion_tag("sharing/head_tags.html", takes_context=True)
def share_head(context):
    shared = _shared(context)
    page = context.get("page")
    blocks = []
    if page is not None and hasattr(page, "locale_id"):
        blocks = [
            structured.as_script_data(data)
            for data in structured.for_page(page, shared, _site_settings(context))
        ]
    return {
        "shared": shared,
        "atom_url": meta.full(reverse("news_feed_atom")),
        "rss_url": meta.full(reverse("news_feed_rss")),
        "json_ld": blocks,
    }


@register.inclusion_tag("sharing/links.html", takes_context=True)
def share_links(context):
    page = context.get("page")
    if not links.has_share_links(page):
        return {"links": []}
    shared = _shared(context)
    site_settings = _site_settings(context)
    hashtag = getattr(site_settings, "hashtag", "") if site_settings is not None else ""
    return {"links": links.share_links(shared.url, shared.title, hashtag)}
