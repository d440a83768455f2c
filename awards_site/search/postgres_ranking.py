"""The PostgreSQL compiler of the site's search backend (awards_site/search/backend.py says why).

Wagtail's PostgreSQL compiler joins the pages to their index entries and matches
`(title || body) @@ query` in that join, then ranks every match to return the first page of
results. No index covers the match through the join: at 10,000 pages each search read every
entry (64-719 ms, bench/search.py), and with a GIN index on the expression the planner picked
a nested loop for searches with thousands of results (6 s).

Here the index entries alone are matched, in one pass that reads each match's rank: a query on
one table, which the GIN index on `(title || body)` (awards_site migration
0005_search_entries_title_body_gin) answers with a bitmap scan. The pages the queryset allows
(live, public, a language...) are kept in the same query; the matches are ranked in Python
(best rank first, newest first among equals: Wagtail's own order) and only the page of results
asked for is fetched. The rank is Wagtail's expression, on the same columns, so the order is
Wagtail's (tests/cms/search/test_ranking.py). The same pass reads each match's page type, so
that the kinds of a search of pages (a facet of `content_type_id`) need no second match: a
page's index entry is made under its own type (Wagtail's `Page.get_indexed_objects`).
"""

from collections import Counter, OrderedDict

from django.db.models import Case, Exists, F, IntegerField, OuterRef, TextField, Value, When
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,  # noqa: F401 (for backend.py)
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page

from awards_site.search.postgres_languages import query_config


def title_and_body():
    """The expression Wagtail matches, as the migration's GIN index covers it."""
    return F("title")._combine(F("body"), "||", False)


class RankedInOnePassCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        """The query read in the language of what is searched (postgres_languages.py)."""
        return query_config(self.queryset.model)

    def search(self, config, start, stop, score_field=None, backend=None):
        if not self._matches_in_one_pass() or score_field is not None:
            return super().search(config, start, stop, score_field, backend)
        if not self.order_by_relevance:  # a facet, or the queryset's own order
            matched = self.unranked(config)
            return (matched if matched.query.order_by else matched.order_by("-pk"))[start:stop]
        if stop is None:  # every result at once: Wagtail's way, not a query per result
            return super().search(config, start, stop, score_field, backend)
        scores = self._scores(config)
        newest_first = sorted((self._pk(pk) for pk in scores), reverse=True)
        # Best rank first, newest first among equals (Wagtail: order_by(rank.desc(), "-pk")).
        ranked = sorted(newest_first, key=lambda pk: -scores[str(pk)])[start:stop]
        order = Case(
            *(When(pk=pk, then=Value(position)) for position, pk in enumerate(ranked)),
            output_field=IntegerField(),
        )
        return self.queryset.filter(pk__in=ranked).order_by(order)

    def _matches_in_one_pass(self):
        return self.fields is None and not isinstance(self.query, (MatchAll, Fuzzy, Not))

    def unranked(self, config):
        """Every result, in no particular order: the queryset's objects with a matching entry,
        in one query (a count, a facet)."""
        matching = self._entries(config).filter(object_id=Cast(OuterRef("pk"), TextField()))
        return self.queryset.filter(Exists(matching))

    def _pk(self, object_id):
        return self.queryset.model._meta.pk.to_python(object_id)

    def _entries(self, config):
        """The index entries of the queryset's model that the query matches: one table, where
        the GIN index on `(title || body)` finds them."""
        content_types = get_descendants_content_types_pks(self.queryset.model)
        return (
            IndexEntry.objects.filter(content_type__in=content_types)
            .annotate(_vector_=title_and_body())
            .filter(_vector_=self.build_tsquery(self.query, config=config))
        )

    def _scores(self, config):
        """{object id: rank} of the queryset's objects the query matches, in one query
        (Wagtail's rank expression, on the entries' own columns); read once for the kinds, a
        count and the page of results that follows it (a paginator's), which share the
        compiler."""
        return self._ranked_pass(config)[0]

    def kinds(self, config):
        """Counter {content type id: matches} of the same pass."""
        return self._ranked_pass(config)[1]

    def _ranked_pass(self, config):
        kept = getattr(self, "_kept_pass", None)
        if kept is None or kept[0] != config:
            self._kept_pass = kept = (config, *self._read_ranked_pass(config))
        return kept[1:]

    def _read_ranked_pass(self, config):
        vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
        rank = self._build_rank_expression(vectors, config)
        allowed = self.queryset.order_by().annotate(_text_pk=Cast("pk", TextField()))
        entries = self._entries(config).filter(object_id__in=allowed.values("_text_pk"))
        rows = entries.annotate(score=rank).values_list("object_id", "content_type_id", "score")
        scores, kinds = {}, Counter()
        for object_id, content_type_id, score in rows:
            scores[object_id] = score
            kinds[content_type_id] += 1
        return scores, kinds

    def counts_kinds_in_its_pass(self, field_name):
        """Whether a facet of `field_name` is the page types the ranked pass reads."""
        return (
            field_name == "content_type_id"
            and self.order_by_relevance
            and self._matches_in_one_pass()
            and issubclass(self.queryset.model, Page)
        )


class RankedInOnePassResults(PostgresSearchResults):
    """A count of results ordered by relevance reads the ranks the page of results then uses;
    otherwise it skips the ranking. The page types of pages ordered by relevance (a facet of
    `content_type_id`) are counted in that same pass; another facet searches without
    ranking."""

    def facet(self, field_name):
        compiler = self.query_compiler
        if not (
            isinstance(compiler, RankedInOnePassCompiler)
            and compiler.counts_kinds_in_its_pass(field_name)
        ):
            return super().facet(field_name)
        kinds = compiler.kinds(compiler.get_config(self.backend))
        return OrderedDict(kinds.most_common())

    def _do_count(self):
        compiler = self.query_compiler
        if not (isinstance(compiler, RankedInOnePassCompiler) and compiler._matches_in_one_pass()):
            return super()._do_count()
        config = compiler.get_config(self.backend)
        if compiler.order_by_relevance:  # the page of results will need the ranks: read now
            return len(compiler._scores(config))
        return compiler.unranked(config).count()
