"""The SQLite compiler of the site's search backend (awards_site/search/backend.py says why):
imported only on SQLite, whose full-text models exist only there."""

from contextlib import contextmanager

from django.db.models import Case, IntegerField, Value, When
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,  # noqa: F401 (for backend.py)
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class RankedInOnePassCompiler(SQLiteSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        if (
            not self.order_by_relevance
            or score_field is not None
            or stop is None  # every result at once: Wagtail's way, not a query per result shown
            or isinstance(query, (MatchAll, Not))
        ):
            return super().search(config, start, stop, score_field)
        matched = self.unranked(config)
        scores = self._scores(query, config)
        newest_first = sorted(matched.values_list("pk", flat=True), reverse=True)
        # Best score first (bm25 is lower for a better match), newest first among equals.
        ranked = sorted(newest_first, key=lambda pk: scores.get(str(pk), 0.0))[start:stop]
        order = Case(
            *(When(pk=pk, then=Value(position)) for position, pk in enumerate(ranked)),
            output_field=IntegerField(),
        )
        return self.queryset.filter(pk__in=ranked).order_by(order)

    def unranked(self, config):
        """Every result, in no particular order (Wagtail's own filtering of the queryset)."""
        with self.without_ranking():
            return super().search(config, None, None)

    @contextmanager
    def without_ranking(self):
        ordered, self.order_by_relevance = self.order_by_relevance, False
        try:
            yield
        finally:
            self.order_by_relevance = ordered

    def _scores(self, query, config):
        """{object id: bm25 score} of every entry the query matches, in one pass of the index
        (the same match and rank expressions as Wagtail's compiler)."""
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        content_types = get_descendants_content_types_pks(self.queryset.model)
        entries = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=content_types)
            .annotate(score=rank)
        )
        return dict(entries.values_list("index_entry__object_id", "score"))


class RankedInOnePassResults(SQLiteSearchResults):
    """A count or a facet needs no order: they skip the ranking. (Autocomplete, as the admin's
    page search uses, keeps Wagtail's own compiler and results.)"""

    def _ranks_in_one_pass(self):
        return isinstance(self.query_compiler, RankedInOnePassCompiler)

    def _do_count(self):
        if not self._ranks_in_one_pass():
            return super()._do_count()
        return self.query_compiler.unranked(self.query_compiler.get_config(self.backend)).count()

    def facet(self, field_name):
        if not self._ranks_in_one_pass():
            return super().facet(field_name)
        with self.query_compiler.without_ranking():
            return super().facet(field_name)
