"""The Translate action where a page's other-language version is only an alias.

With the synced page tree (WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE) a new page appears at once
as an alias in every other language, so simple_translation's own "Translate" action, which
offers only languages without any page, no longer shows for it. An alias is not a translation
(it shows the source's content): for each language where the page has only an alias, the page's
header offers "Translate into <language>", which opens Wagtail's own conversion of that alias
into an ordinary page and then its editor."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.widgets import Button
from wagtail.models import Page

from cms.translations.names import language_name

PERMISSION = "simple_translation.submit_translation"


def alias_translations(page):
    """The aliases standing for `page` in other languages."""
    return (
        Page.objects.translation_of(page, inclusive=False)
        .filter(alias_of__isnull=False)
        .select_related("locale")
        .order_by("locale__language_code")
    )


def translate_alias_buttons(page, user, view_name=None, next_url=None):
    if page.is_root() or not user.has_perm(PERMISSION):
        return
    for alias in alias_translations(page):
        if not alias.permissions_for_user(user).can_edit():
            continue
        language = language_name(alias.locale)
        yield Button(
            _("Translate into %(language)s") % {"language": language},
            reverse("wagtailadmin_pages:convert_alias", args=[alias.pk]),
            icon_name="globe",
            attrs={
                "title": _("Make the %(language)s version a translation of its own")
                % {"language": language}
            },
            priority=81,
        )
