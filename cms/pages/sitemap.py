"""The sitemap lists the live public pages of every language: the French pages are a tree of
their own (simple_translation keeps it in step with the English one), which Wagtail's sitemap,
walking the site's root page only, would leave out. Each page lists its translations as
alternates (xhtml:link rel="alternate" hreflang, and x-default: the default language's), as its
<head> does (cms/sharing/meta.py)."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    def items(self):
        roots = Page.objects.filter(
            translation_key=self.get_wagtail_site().root_page.translation_key
        )
        in_a_tree = Q()
        for path in roots.values_list("path", flat=True):
            in_a_tree |= Q(path__startswith=path)
        return (
            Page.objects.filter(in_a_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .select_related("locale")
            .specific()
        )

    def _urls(self, page, protocol, domain):
        """Wagtail's, with each page's translations among the listed pages as alternates."""
        pages = list(self.paginator.page(page).object_list)
        translations = defaultdict(dict)
        entries = []
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                language = item.locale.language_code
                translations[item.translation_key].setdefault(language, url_info["location"])
                entries.append((item.translation_key, url_info))
        order = [code for code, _name in settings.LANGUAGES]
        urls, last_mods = [], set()
        for key, url_info in entries:
            alternates = sorted(
                translations[key].items(),
                key=lambda pair: order.index(pair[0]) if pair[0] in order else len(order),
            )
            if len(alternates) > 1:
                url_info["alternates"] = [
                    {"lang_code": code, "location": location} for code, location in alternates
                ]
                default = translations[key].get(settings.LANGUAGE_CODE)
                if default:
                    url_info["alternates"].append({"lang_code": "x-default", "location": default})
            urls.append(url_info)
            last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
