"""The fast paths: pages (and snippets) matched and ranked by one SQL query on Wagtail's database
backend, with the count, for SQLite FTS5 and PostgreSQL full text. Any other backend
(Elasticsearch) goes through Wagtail's search API with the same query.

Wagtail's database backend ranks by a correlated subquery per matching page (15 s at 10,000
matches on SQLite; 0.3 s on PostgreSQL, which also matches `title || body` and cannot use the
GIN indexes). These ask the index once and let it sort. The ranked ids of one slice are cached
for everyone under a version number that goes up whenever content changes (search/apps.py).
"""

import hashlib

from django.core.cache import cache
from django.db import connection
from django.db.models import CharField
from django.db.models.functions import Cast
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

RESULTS_CACHE_SECONDS = 600
RESULTS_VERSION_KEY = "search:results-version"
FIRST_SLICE = 20  # the first ranked ids are fetched with the count, in one query


def results_version():
    version = cache.get(RESULTS_VERSION_KEY)
    if version is None:
        cache.add(RESULTS_VERSION_KEY, 1, None)
        version = cache.get(RESULTS_VERSION_KEY, 1)
    return version


def forget_rankings():
    """Every cached ranking is out of date (the pages or the glossary changed)."""
    try:
        cache.incr(RESULTS_VERSION_KEY)
    except ValueError:
        cache.set(RESULTS_VERSION_KEY, 2, None)


def fts5_match(built, strict):
    """The FTS5 MATCH expression for the built query: ideas joined by AND (or OR), each idea
    the OR of its forms as quoted terms or phrases. Forms contain only letters, digits and
    apostrophes (search/query.py), so nothing the visitor typed is FTS5 syntax."""
    ideas = []
    for idea in built.ideas:
        forms = ['"' + " ".join(form).replace('"', "") + '"' for form in idea.forms]
        ideas.append("(" + " OR ".join(forms) + ")")
    return "{body title} : (" + (" AND " if strict else " OR ").join(ideas) + ")"


def pg_tsquery(built, strict):
    """A tsquery expression (SQL, params) for the built query: each form through
    plainto_tsquery / phraseto_tsquery (English stemming), OR'd within an idea, ideas AND'd
    (or OR'd). Values are bound parameters."""
    ideas_sql, params = [], []
    for idea in built.ideas:
        forms = []
        # PostgreSQL stems English itself, so a plain word needs no extra forms (but keeps a
        # misspelling's correction, its last form).
        chosen = idea.forms if idea.synonyms else idea.forms[:1] + (idea.forms[-1:] if idea.corrected_from else [])
        for form in chosen:
            function = "phraseto_tsquery" if len(form) > 1 else "plainto_tsquery"
            forms.append(f"{function}('english', %s)")
            params.append(" ".join(form))
        ideas_sql.append("(" + " || ".join(forms) + ")")
    return "(" + (" && " if strict else " || ").join(ideas_sql) + ")", params


class RankedSQLSearch:
    """Objects matching a query, straight from the search index: `count()` and one ranked slice,
    with the queryset's filters (live, public, section, audience) as a subquery. Subclasses
    give the match condition (`_match`) and the ranking query (`_fetch_ranked_ids`)."""

    TITLE_WEIGHT = 10.0

    def __init__(self, queryset, built, strict):
        self.queryset = queryset
        self.built = built
        self.strict = strict
        self._count = None
        self.model = Page if issubclass(queryset.model, Page) else queryset.model

    def _where(self):
        ids = self.queryset.order_by().annotate(sid=Cast("id", CharField())).values("sid")
        ids_sql, ids_params = ids.query.sql_with_params()
        types = get_descendants_content_types_pks(self.model)
        placeholders = ", ".join(["%s"] * len(types))
        from_sql, match_sql, match_params = self._match()
        sql = (
            f"FROM {from_sql} WHERE {match_sql} AND e.content_type_id IN ({placeholders}) "
            f"AND e.object_id IN ({ids_sql})"
        )
        return sql, [*match_params, *types, *ids_params]

    def _ranked_ids(self, start, stop, with_count=False):
        """(ids, count) for one slice of the ranking, from the cache when the same search was
        made recently (see RESULTS_CACHE_SECONDS)."""
        where, params = self._where()
        digest = hashlib.sha256(
            repr((type(self).__name__, where, params, start, stop, with_count)).encode()
        ).hexdigest()
        key = f"search:ranked:{results_version()}:{digest}"
        cached = cache.get(key)
        if cached is None:
            cached = self._fetch_ranked_ids(where, params, start, stop, with_count)
            cache.set(key, cached, RESULTS_CACHE_SECONDS)
        return cached

    def _query(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return [int(row[0]) for row in rows], (rows[0][1] if rows and len(rows[0]) > 1 else 0)

    def count(self):
        """The number of matches, found with the first ranked ids in one query
        (`COUNT(*) OVER ()`), so a first page costs one full-text query, not two."""
        if self._count is None:
            self._first_ids, self._count = self._ranked_ids(0, FIRST_SLICE, with_count=True)
        return self._count

    def __getitem__(self, index):
        start, stop = index.start or 0, index.stop
        if stop is None:
            stop = self.count()
        if stop <= start:
            return []
        if self._count is not None and stop <= FIRST_SLICE:
            ids = self._first_ids[start:stop]
        else:
            ids, _ = self._ranked_ids(start, stop)
        objects = self.queryset.filter(id__in=ids).in_bulk()
        return [objects[i] for i in ids if i in objects]


class SQLiteRankedSearch(RankedSQLSearch):
    """SQLite: FTS5 `MATCH` and `bm25()` (title weighted above body) in a materialised CTE."""

    def _match(self):
        return (
            "wagtailsearch_indexentry_fts f JOIN wagtailsearch_indexentry e ON e.id = f.rowid",
            "wagtailsearch_indexentry_fts MATCH %s",
            [fts5_match(self.built, self.strict)],
        )

    def _fetch_ranked_ids(self, where, params, start, stop, with_count):
        total = ", COUNT(*) OVER ()" if with_count else ""
        # bm25() cannot be used beside a window function, so rank in a materialised CTE.
        sql = (
            "WITH matches AS MATERIALIZED (SELECT e.object_id AS oid, "  # noqa: S608 - parameters are bound
            f"bm25(wagtailsearch_indexentry_fts, 0.0, 1.0, %s) AS score {where}) "
            f"SELECT oid{total} FROM matches ORDER BY score LIMIT %s OFFSET %s"
        )
        return self._query(sql, [self.TITLE_WEIGHT, *params, stop - start, start])


class PostgresRankedSearch(RankedSQLSearch):
    """PostgreSQL: the title and body tsvectors matched separately (so their GIN indexes are
    used) and ranked with ts_rank, title weighted above body."""

    def _match(self):
        tsquery_sql, tsquery_params = pg_tsquery(self.built, self.strict)
        return (
            f"wagtailsearch_indexentry e, (SELECT {tsquery_sql} AS q) AS query",
            "(e.title @@ query.q OR e.body @@ query.q)",
            tsquery_params,
        )

    def _fetch_ranked_ids(self, where, params, start, stop, with_count):
        total = ", COUNT(*) OVER ()" if with_count else ""
        sql = (
            f"SELECT e.object_id{total} {where} "  # noqa: S608 - parameters are bound
            "ORDER BY (%s * ts_rank(e.title, query.q) + ts_rank(e.body, query.q)) DESC, e.id LIMIT %s OFFSET %s"
        )
        return self._query(sql, [*params, self.TITLE_WEIGHT, stop - start, start])


FAST_PATHS = {"sqlite": SQLiteRankedSearch, "postgresql": PostgresRankedSearch}


def fast_path():
    """The ranked search class for this database, or None (another backend: Wagtail's API)."""
    backend = get_search_backend()
    if not type(backend).__module__.startswith(("modelsearch.backends.database", "wagtail.search.backends.database")):
        return None
    return FAST_PATHS.get(connection.vendor)


def ranked_search(queryset, built, strict):
    """Matches for the built query, lazily: `count()` and slices, best first. Every idea must
    match when `strict`, any of them otherwise."""
    search_class = fast_path()
    if search_class is not None:
        return search_class(queryset, built, strict)
    query = built.all_words_query() if strict else built.any_words_query()
    return get_search_backend().search(query, queryset)
