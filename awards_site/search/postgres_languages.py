"""PostgreSQL's full-text search in each language's own configuration (issue 20: "PostgreSQL
full-text with the language's configuration").

Wagtail's PostgreSQL backend indexes every object and reads every query with one configuration
(SEARCH_CONFIG, else the server's `default_text_search_config`), so French pages were stemmed
as English. Here an object with a locale (pages, the library's guides and tools) is indexed in
its language's configuration, and a search of a translatable model reads the query in the
active language's, the language whose pages and guides the site's search shows. Objects without
a locale (images, documents) are in the site's default language (LANGUAGE_CODE), for both.

Naming the configuration in every query also makes searches fast: `to_tsquery('french', ...)`
is read once when PostgreSQL plans the query, while `to_tsquery(...)` without a name depends on
a setting and was read again for every index entry it was matched against, most of a search's
time (bench/search.py, `evenement` at 10,000 pages: the ranked pass from 64 to 25 ms).
"""

import copy

from django.conf import settings
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import PostgresIndex
from wagtail.models import Locale, TranslatableMixin

# PostgreSQL's own configurations (Snowball stemmers and stop words) for the site's languages.
TEXT_SEARCH_CONFIGS = {"en": "english", "fr": "french", "pt": "portuguese", "ar": "arabic"}


def config_for(language_code):
    """The text search configuration of a language ("fr-ca" reads as "fr"); "simple" (no
    stemming, no stop words) for a language PostgreSQL has none for."""
    language = (language_code or settings.LANGUAGE_CODE).split("-")[0].lower()
    return TEXT_SEARCH_CONFIGS.get(language, "simple")


def query_config(model):
    """The configuration a search of `model` reads its query in: the active language's for a
    translatable model, else the site's default language's."""
    if issubclass(model, TranslatableMixin):
        return config_for(translation.get_language())
    return config_for(settings.LANGUAGE_CODE)


class LanguageIndex(PostgresIndex):
    """Wagtail's PostgreSQL index, each object's entry made in its language's configuration."""

    def add_items(self, model, objs):
        for config, group in self._by_config(model, objs).items():
            PostgresIndex.add_items(self._in(config), model, group)

    def _by_config(self, model, objs):
        if not issubclass(model, TranslatableMixin):
            return {config_for(settings.LANGUAGE_CODE): list(objs)}
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        groups = {}
        for obj in objs:
            groups.setdefault(config_for(languages.get(obj.locale_id)), []).append(obj)
        return groups

    def _in(self, config):
        """This index with a backend whose configuration is `config`: Wagtail's indexer reads
        it from the backend (a copy: the shared backend is never changed)."""
        backend = copy.copy(self.backend)
        backend.config = config
        index = copy.copy(self)
        index.backend = backend
        return index
