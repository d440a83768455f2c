"""The public figures pages' helpers: the same address in the other language."""

from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def in_language(context, language):
    """The current page's address (its query kept) in `language`."""
    request = context["request"]
    return translate_url(request.get_full_path(), language)
