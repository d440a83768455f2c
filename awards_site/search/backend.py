"""Wagtail's database search backend (settings.WAGTAILSEARCH_BACKENDS), with one change on
SQLite: results ordered by relevance are ranked in one pass of the full-text index.

Wagtail's SQLite backend (django-modelsearch's SQLiteSearchQueryCompiler) ranks each result with
a subquery that runs the full-text match again for that result: the time grows with the square
of the pages found. At 10,000 pages a search for "service" (about 7,000 results) took 12 s
(bench/search.py). Here the index is matched once, every result's bm25 score read in that pass,
the results ranked in Python (best score first, then newest, as Wagtail orders them) and only
the page of results asked for fetched. A count or a facet needs no order and skips the
ranking. On PostgreSQL the same shape: the index entries are matched alone, where a GIN index
covers the match, ranked in the same pass (awards_site/search/postgres_ranking.py), and each
language indexed and searched in its own configuration (postgres_languages.py).
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend's module)
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "postgresql":
        return _on_postgresql(backend)
    if connection.vendor != "sqlite":
        return backend
    # SQLite's full-text models exist only there: imported only then.
    from awards_site.search.sqlite_ranking import (
        RankedInOnePassCompiler,
        RankedInOnePassResults,
        SQLiteSearchBackend,
    )

    if isinstance(backend, SQLiteSearchBackend):  # not the fallback without FTS5
        backend.query_compiler_class = RankedInOnePassCompiler
        backend.results_class = RankedInOnePassResults
    return backend


def _on_postgresql(backend):
    from awards_site.search.postgres_languages import LanguageIndex
    from awards_site.search.postgres_ranking import (
        PostgresSearchBackend,
        RankedInOnePassCompiler,
        RankedInOnePassResults,
    )

    if isinstance(backend, PostgresSearchBackend):
        backend.index_class = LanguageIndex
        backend.query_compiler_class = RankedInOnePassCompiler
        backend.results_class = RankedInOnePassResults
    return backend
