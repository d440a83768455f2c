"""The news in Atom and RSS, one feed per language (Django's syndication framework): the latest
articles of the active language's news, newest first. Each language's address comes from the
site's language prefixes (/feeds/news.atom, /fr/feeds/news.atom...), and every page links its
language's feeds from its <head>."""

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language, gettext
from wagtail.models import Locale

from awards_site.caching.lookups import public
from cms.sharing import cards
from cms.sharing.meta import full, page_description

MOST_ITEMS = 20


def news_articles(language):
    from cms.models import NewsArticlePage

    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return NewsArticlePage.objects.none()
    return (
        public(NewsArticlePage.objects.live())
        .filter(locale=locale)
        .order_by("-date", "-pk")[:MOST_ITEMS]
    )


def news_index_url(language):
    from cms.models import NewsIndexPage

    locale = Locale.objects.filter(language_code=language).first()
    index = NewsIndexPage.objects.live().filter(locale=locale).first() if locale else None
    return full(index.url) if index is not None else full("/")


class NewsFeed(Feed):
    """RSS 2.0 (the Atom feed below changes only its type)."""

    feed_type = Rss201rev2Feed
    url_name = "news_feed_rss"

    def get_object(self, request, *args, **kwargs):
        return get_language() or settings.LANGUAGE_CODE

    def title(self, language):
        return gettext("News of the %(program)s") % {"program": cards.program_name(language)}

    def link(self, language):
        return news_index_url(language)

    def feed_url(self, language):
        return full(reverse(self.url_name))

    def description(self, language):
        return gettext("The latest news of the program, in %(language)s.") % {
            "language": language_name(language)
        }

    subtitle = description

    def items(self, language):
        return news_articles(language)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return page_description(item)

    def item_link(self, item):
        return full(item.url)

    def item_guid(self, item):
        return full(item.url)

    def item_pubdate(self, item):
        moment = datetime.combine(item.date, time(9))
        return timezone.make_aware(moment, timezone.get_default_timezone())

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return cards.program_name(item.locale.language_code if item.locale_id else get_language())


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
    url_name = "news_feed_atom"


def language_name(code):
    from awards_site.i18n import language_name as in_a_sentence

    return in_a_sentence(code)
