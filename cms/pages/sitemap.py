"""The sitemap lists the live public pages of every language: the French pages are a tree of
their own (simple_translation keeps it in step with the English one), which Wagtail's sitemap,
walking the site's root page only, would leave out."""

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
            .specific()
        )
