"""The addresses of cms/sharing: the share cards (one address for every language: the language
is in the name) and the news feeds (one per language, under its prefix: see awards_site/urls.py)."""

from django.urls import path, register_converter

from cms.sharing import feeds, views


class LanguageConverter:
    regex = "[a-z]{2,3}(?:-[a-z0-9]+)?"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class DigestConverter:
    regex = "[0-9a-f]{16}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(LanguageConverter, "language")
register_converter(DigestConverter, "digest")

card_urlpatterns = [
    path(
        "share/card/<int:page_id>-<language:language>-<digest:digest>.png",
        views.share_card,
        name="share_card",
    ),
]

feed_urlpatterns = [
    path("feeds/news.atom", feeds.AtomNewsFeed(), name="news_feed_atom"),
    path("feeds/news.rss", feeds.NewsFeed(), name="news_feed_rss"),
]
