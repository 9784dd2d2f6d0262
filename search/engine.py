"""One search over the site: pages (guidance, services and the rest), glossary terms and
contacts. The view (search/views.py) reads the request; this module does the searching.

Pages are the ranked, paginated results. Glossary terms and contacts that match are shown in
their own boxes above them (a few on the first page; all of them when their section is chosen).

Speed: the page search asks the backend for a count and then for one page of results only
(Wagtail's search results are lazy: `count()` then a slice), never for every match.
"""

import difflib
import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from home.models import Audience, BasePage

from .query import STOP_WORDS, normalise_words

PER_PAGE = 10
BOX_SIZE = 3  # glossary terms and contacts shown above the page results
VOCABULARY_CACHE_KEY = "search:vocabulary:v1"
# Ranked result ids are the same for every visitor, so they are cached for a few minutes under
# a version number that goes up whenever a page is published, unpublished, moved or deleted, or
# a glossary term changes (search/apps.py). Pages are still loaded fresh and filtered (live,
# public) on every request, so a cached ranking can never show a page that is no longer live.
RESULTS_CACHE_SECONDS = 600
RESULTS_VERSION_KEY = "search:results-version"


def results_version():
    version = cache.get(RESULTS_VERSION_KEY)
    if version is None:
        cache.add(RESULTS_VERSION_KEY, 1, None)
        version = cache.get(RESULTS_VERSION_KEY, 1)
    return version


def content_changed(**kwargs):
    """Forget cached rankings and spelling words: the pages or the glossary have changed."""
    try:
        cache.incr(RESULTS_VERSION_KEY)
    except ValueError:
        cache.set(RESULTS_VERSION_KEY, 2, None)
    cache.delete(VOCABULARY_CACHE_KEY)


@dataclass
class Result:
    title: str
    url: str
    section: str = ""
    summary: str = ""
    audience: str = ""
    kind: str = "page"
    extra: dict = field(default_factory=dict)


# --- Highlighting ---------------------------------------------------------------------------
def highlight(text, terms):
    """`text` escaped, with the words and phrases in `terms` (and longer words that start with
    them) wrapped in <mark>. Escapes first, so markup in the text or the query is harmless."""
    text = text or ""
    words = sorted({t for t in terms if t}, key=len, reverse=True)
    if not words:
        return escape(text)
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(r"\W+".join(map(re.escape, w.split())) for w in words) + r")\w*", re.IGNORECASE
    )
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


# --- Sections and audiences -----------------------------------------------------------------
def get_home(request=None):
    site = Site.find_for_request(request) if request is not None else Site.objects.filter(is_default_site=True).first()
    return site.root_page if site else None


class Section(NamedTuple):
    slug: str
    title: str
    path: str
    url: str


def get_sections(home):
    """[Section(slug, title, path, url)] for each part of the site: the home page's live children, except
    the plain information pages (accessibility, cookies...)."""
    if home is None:
        return []
    information = apps.get_model("home", "InformationPage")
    children = home.get_children().live().public().not_type(information).order_by("path")
    return [Section(child.slug, child.title, child.path, child.url) for child in children]


AUDIENCES = [(Audience.PARENTS.value, Audience.PARENTS.label), (Audience.SCHOOLS.value, Audience.SCHOOLS.label)]


def base_page_models():
    """Every concrete page type with an audience (every BasePage)."""
    return [m for m in apps.get_models() if issubclass(m, BasePage) and not m._meta.abstract]


def audience_filter(audience):
    """Pages for this audience, or for everyone."""
    wanted = [audience, Audience.EVERYONE.value]
    condition = Q()
    for model in base_page_models():
        condition |= Q(id__in=model.objects.filter(audience__in=wanted).values("pk"))
    return condition


# --- The search -----------------------------------------------------------------------------
@dataclass
class SearchOutcome:
    built: object
    pages: object = None  # lazy search results (count + slice)
    loose: bool = False  # no page had every word: these have some of them
    glossary: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    glossary_count: int = 0
    contact_count: int = 0
    promotions: list = field(default_factory=list)

    @property
    def page_count(self):
        return self.pages.count() if self.pages is not None else 0

    @property
    def total(self):
        return self.page_count + self.glossary_count + self.contact_count


def page_queryset(section_path=None, audience=None):
    queryset = Page.objects.live().public().filter(depth__gt=1).specific()
    if section_path:
        queryset = queryset.filter(path__startswith=section_path)
    if audience:
        queryset = queryset.filter(audience_filter(audience))
    return queryset


RERANK_WINDOW = 20  # the first results are re-ordered by where the words are (title, summary)
TOP_UP_BELOW = 3  # fewer pages than this have every word: add pages that have some of them


def _words_and_text(text):
    words = normalise_words(text)
    return set(words), " " + " ".join(words) + " "


def _has_form(forms, words, text):
    return any((form[0] in words) if len(form) == 1 else (" " + " ".join(form) + " " in text) for form in forms)


def _body_text(page):
    """The page's body as lower-case text with markup (cheap: the raw StreamField data)."""
    body = getattr(page, "body", None)
    raw = getattr(body, "raw_data", None)
    return json.dumps(list(raw), default=str).lower() if raw is not None else ""


def _body_has(text, forms):
    return any(re.search(r"(?<!\w)" + re.escape(" ".join(form)) + r"(?!\w)", text) for form in forms)


def rerank_scores(pages, built):
    """How well each page's title and summary match, {pk: score}. For each idea: 3 if the
    title has what the visitor typed, 2 if it has another name for it, plus 1 if the summary
    has it; times the idea's weight, which is lower for words that most of these pages have
    ('child', 'support'), like inverse document frequency. The database's own ranking (bm25 on
    SQLite, ts_rank on PostgreSQL) breaks ties."""
    fields = []
    bodies = {page.pk: _body_text(page) for page in pages}
    for page in pages:
        title = _words_and_text(page.title)
        summary = _words_and_text(getattr(page, "summary", "") or page.search_description)
        fields.append((page.pk, title, summary))
    scores = {pk: 0.0 for pk, _t, _s in fields}
    # The whole search is (part of) the title: 'what is sen support' -> 'What is SEN Support?'.
    typed = " " + " ".join(normalise_words(built.text)) + " "
    all_forms = {form for idea in built.ideas for form in idea.forms if len(form) == 1}
    all_phrases = [form for idea in built.ideas for form in idea.forms if len(form) > 1]
    for pk, (_title_words, title_text), _summary in fields:
        if len(typed.split()) > 1 and typed in title_text:
            scores[pk] += 4
        # How much of the title the search covers: 'Enhanced SEN Support' is about something more.
        content_words = [w for w in title_text.split() if w not in STOP_WORDS]
        covered = [
            w
            for w in content_words
            if (w,) in all_forms or any(w in phrase and " ".join(phrase) in title_text for phrase in all_phrases)
        ]
        if content_words:
            scores[pk] += 2 * len(covered) / len(content_words)
    for idea in built.ideas:
        points = {}
        for pk, (title_words, title_text), (summary_words, summary_text) in fields:
            if _has_form(idea.typed_forms, title_words, title_text):
                value = 3
            elif _has_form(idea.forms, title_words, title_text):
                value = 2
            else:
                value = 0
            if _has_form(idea.forms, summary_words, summary_text):
                value += 1
            if idea.glossary_slug and _body_has(bodies[pk], idea.typed_forms):
                value += 1  # the page uses the visitor's own word ('SENDCo'), not only a synonym
            points[pk] = value
        matched = sum(1 for value in points.values() if value)
        weight = math.log(1 + len(fields) / (1 + matched))
        for pk, value in points.items():
            scores[pk] += value * weight
    return scores


class RankedResults:
    """The page results as the paginator sees them: `count()` and slices.

    The first RERANK_WINDOW results are fetched once and re-ordered by `rerank_score`; later
    slices go straight to the search backend (count + slice, never every match). When fewer
    than TOP_UP_BELOW pages have every word, pages with some of the words follow them."""

    def __init__(self, strict, built, loose=None, strict_count=None):
        self.built = built
        self.strict = strict
        self.loose = loose
        self.strict_count = strict.count() if strict_count is None else strict_count
        self._head = None

    def count(self):
        if self.loose is None:
            return self.strict_count
        return self.strict_count + self.loose.count()

    def __len__(self):
        return self.count()

    def _tail(self):
        return self.strict if self.loose is None else self.loose

    def _tail_offset(self):
        return 0 if self.loose is None else self.strict_count

    def head(self):
        if self._head is None:
            if self.loose is None:
                candidates = list(self.strict[:RERANK_WINDOW])
            else:
                candidates = list(self.strict[: self.strict_count]) + list(
                    self.loose[: RERANK_WINDOW - self.strict_count]
                )
            order = {page.pk: i for i, page in enumerate(candidates)}
            scores = rerank_scores(candidates, self.built)
            # Pages with every word stay before pages with only some of them.
            strict_ids = set(list(order)[: self.strict_count]) if self.loose is not None else set(order)
            self._head = sorted(
                candidates,
                key=lambda p: (p.pk not in strict_ids, -scores[p.pk], order[p.pk]),
            )
        return self._head

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        if stop is None:
            stop = self.count()
        items = []
        if start < RERANK_WINDOW:
            items += self.head()[start : min(stop, RERANK_WINDOW)]
        if stop > RERANK_WINDOW:
            offset = max(start, RERANK_WINDOW) - self._tail_offset()
            items += list(self._tail()[offset : stop - self._tail_offset()])
        return items


def _fts5_match(built, strict):
    """The FTS5 MATCH expression for the built query: ideas joined by AND (or OR), each idea
    the OR of its forms as quoted terms or phrases. Forms contain only letters, digits and
    apostrophes (search/query.py), so nothing the visitor typed is FTS5 syntax."""
    ideas = []
    for idea in built.ideas:
        forms = ['"' + " ".join(form).replace('"', "") + '"' for form in idea.forms]
        ideas.append("(" + " OR ".join(forms) + ")")
    return "{body title} : (" + (" AND " if strict else " OR ").join(ideas) + ")"


class SQLiteRankedSearch:
    """Pages matching a query, straight from SQLite's FTS5 index: `count()` and one ranked
    slice (`ORDER BY bm25(...) LIMIT n OFFSET m`), with the page filters (live, public,
    section, audience) as a subquery.

    Wagtail's SQLite backend ranks by annotating each matching page with a correlated
    subquery that runs the full-text match again: over a second when thousands of pages
    match (measured: 15 s for 10,000). This asks FTS5 once and lets it sort. Same index, same
    bm25 ranking, title weighted above body."""

    TITLE_WEIGHT = 10.0

    def __init__(self, queryset, match):
        self.queryset = queryset
        self.match = match
        self._count = None
        self.model = Page if issubclass(queryset.model, Page) else queryset.model

    def _where(self):
        from django.db.models import CharField
        from django.db.models.functions import Cast
        from modelsearch.utils import get_descendants_content_types_pks

        ids = self.queryset.order_by().annotate(sid=Cast("id", CharField())).values("sid")
        ids_sql, ids_params = ids.query.sql_with_params()
        types = get_descendants_content_types_pks(self.model)
        placeholders = ", ".join(["%s"] * len(types))
        sql = (
            "FROM wagtailsearch_indexentry_fts f JOIN wagtailsearch_indexentry e ON e.id = f.rowid "
            f"WHERE wagtailsearch_indexentry_fts MATCH %s AND e.content_type_id IN ({placeholders}) "
            f"AND e.object_id IN ({ids_sql})"
        )
        return sql, [self.match, *types, *ids_params]

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

    def _fetch_ranked_ids(self, where, params, start, stop, with_count):
        total = ", COUNT(*) OVER ()" if with_count else ""
        # bm25() cannot be used beside a window function, so rank in a materialised CTE.
        sql = (
            "WITH matches AS MATERIALIZED (SELECT e.object_id AS oid, "  # noqa: S608 - parameters are bound
            f"bm25(wagtailsearch_indexentry_fts, 0.0, 1.0, %s) AS score {where}) "
            f"SELECT oid{total} FROM matches ORDER BY score LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.TITLE_WEIGHT, *params, stop - start, start])
            rows = cursor.fetchall()
        return [int(row[0]) for row in rows], (rows[0][1] if rows and with_count else 0)

    def count(self):
        """The number of matches, found with the first RERANK_WINDOW ranked ids in one query
        (`COUNT(*) OVER ()`), so a first page costs one full-text query, not two."""
        if self._count is None:
            self._first_ids, self._count = self._ranked_ids(0, RERANK_WINDOW, with_count=True)
        return self._count

    def __getitem__(self, index):
        start, stop = index.start or 0, index.stop
        if stop is None:
            stop = self.count()
        if stop <= start:
            return []
        if self._count is not None and stop <= RERANK_WINDOW:
            ids = self._first_ids[start:stop]
        else:
            ids, _ = self._ranked_ids(start, stop)
        pages = self.queryset.filter(id__in=ids).in_bulk()
        return [pages[i] for i in ids if i in pages]


def _pg_tsquery(built, strict):
    """A tsquery expression (SQL, params) for the built query: each form through
    plainto_tsquery / phraseto_tsquery (English stemming), OR'd within an idea, ideas AND'd
    (or OR'd). Values are bound parameters."""
    ideas_sql, params = [], []
    for idea in built.ideas:
        forms = []
        # PostgreSQL stems English itself, so a plain word needs no extra forms.
        for form in idea.forms if idea.glossary_slug else idea.forms[:1]:
            function = "phraseto_tsquery" if len(form) > 1 else "plainto_tsquery"
            forms.append(f"{function}('english', %s)")
            params.append(" ".join(form))
        ideas_sql.append("(" + " || ".join(forms) + ")")
    return "(" + (" && " if strict else " || ").join(ideas_sql) + ")", params


class PostgresRankedSearch(SQLiteRankedSearch):
    """The same idea on PostgreSQL: match the title and body tsvectors separately (so their GIN
    indexes are used; Wagtail's backend matches `title || body`, which cannot use them) and rank
    with ts_rank, title weighted above body, in one query with its count."""

    def __init__(self, queryset, tsquery):
        super().__init__(queryset, None)
        self.tsquery_sql, self.tsquery_params = tsquery

    def _where(self):
        from django.db.models import CharField
        from django.db.models.functions import Cast
        from modelsearch.utils import get_descendants_content_types_pks

        ids = self.queryset.order_by().annotate(sid=Cast("id", CharField())).values("sid")
        ids_sql, ids_params = ids.query.sql_with_params()
        types = get_descendants_content_types_pks(self.model)
        placeholders = ", ".join(["%s"] * len(types))
        sql = (
            f"FROM wagtailsearch_indexentry e, (SELECT {self.tsquery_sql} AS q) AS query "
            f"WHERE (e.title @@ query.q OR e.body @@ query.q) AND e.content_type_id IN ({placeholders}) "
            f"AND e.object_id IN ({ids_sql})"
        )
        return sql, [*self.tsquery_params, *types, *ids_params]

    def _fetch_ranked_ids(self, where, params, start, stop, with_count):
        total = ", COUNT(*) OVER ()" if with_count else ""
        sql = (
            f"SELECT e.object_id{total} {where} "  # noqa: S608 - parameters are bound
            "ORDER BY (%s * ts_rank(e.title, query.q) + ts_rank(e.body, query.q)) DESC, e.id LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, self.TITLE_WEIGHT, stop - start, start])
            rows = cursor.fetchall()
        return [int(row[0]) for row in rows], (rows[0][1] if rows and with_count else 0)


def _fast_path():
    """'sqlite', 'postgresql' or '' (another backend: use Wagtail's search API)."""
    backend = get_search_backend()
    if not type(backend).__module__.startswith(("modelsearch.backends.database", "wagtail.search.backends.database")):
        return ""
    return connection.vendor if connection.vendor in ("sqlite", "postgresql") else ""


def _ranked_search(queryset, built, strict):
    path = _fast_path()
    if path == "sqlite":
        return SQLiteRankedSearch(queryset, _fts5_match(built, strict))
    if path == "postgresql":
        return PostgresRankedSearch(queryset, _pg_tsquery(built, strict))
    return queryset.search(built.all_words_query() if strict else built.any_words_query())


def search_pages(built, section_path=None, audience=None):
    """(results, loose): every idea must match; if fewer than TOP_UP_BELOW pages have them all,
    pages with any of them follow. `loose` is True when no page had them all."""
    queryset = page_queryset(section_path, audience)

    def run(qs, strict):
        return _ranked_search(qs, built, strict)

    strict = run(queryset, True)
    strict_count = strict.count()
    if len(built.ideas) > 1 and strict_count < TOP_UP_BELOW:
        strict_ids = [page.pk for page in strict[:strict_count]] if strict_count else []
        loose = run(queryset.exclude(id__in=strict_ids), False)
        return RankedResults(strict, built, loose, strict_count), strict_count == 0
    return RankedResults(strict, built, strict_count=strict_count), False


def search_snippets(model_label, built, loose, limit, audience=None):
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return [], 0
    queryset = model.objects.filter(live=True)
    if audience and any(f.name == "audience" for f in model._meta.fields):
        queryset = queryset.filter(audience__in=[audience, Audience.EVERYONE.value])
    if _fast_path():
        results = _ranked_search(queryset, built, not loose)
    else:
        query = built.any_words_query() if loose else built.all_words_query()
        results = get_search_backend().search(query, queryset)
    count = results.count()
    return (list(results[:limit]) if count else []), count


def get_promotions(text):
    """Editors' promoted results for exactly this search (read only: no hit counting)."""
    return list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(text))
        .select_related("page")
        .order_by("sort_order")
    )


def run_search(built, section=None, audience=None, sections=(), box_size=BOX_SIZE):
    outcome = SearchOutcome(built=built)
    if built.empty:
        return outcome
    section_path = None
    section_slug = ""
    for item in sections:
        if item.slug == section:
            section_path, section_slug = item.path, item.slug
    outcome.pages, outcome.loose = search_pages(built, section_path, audience)

    glossary_page = apps.get_model("guidance", "GlossaryPage").objects.live().first()
    directory = _directory_page()
    glossary_section = glossary_page.slug if glossary_page else None
    directory_section = directory.slug if directory else None
    if not section_slug or section_slug == glossary_section:
        limit = 50 if section_slug else box_size
        outcome.glossary, outcome.glossary_count = search_snippets("guidance.GlossaryTerm", built, outcome.loose, limit)
    if not section_slug or section_slug == directory_section:
        limit = 50 if section_slug else box_size
        outcome.contacts, outcome.contact_count = search_snippets(
            "services.Contact", built, outcome.loose, limit, audience
        )
    outcome.promotions = get_promotions(built.text)
    outcome.glossary_page = glossary_page
    outcome.directory = directory
    return outcome


def _directory_page():
    try:
        model = apps.get_model("services", "ContactDirectoryPage")
    except LookupError:
        return None
    return model.objects.live().first()


# --- Turning results into what the template shows ------------------------------------------
def section_titles(sections):
    return {item.path: item.title for item in sections}


def page_result(page, terms, titles):
    section = titles.get(page.path[: len(next(iter(titles), ""))], "") if titles else ""
    if section == page.title:
        section = ""
    audience = page.get_audience_display() if hasattr(page, "get_audience_display") else ""
    summary = getattr(page, "summary", "") or page.search_description or ""
    return Result(
        title=page.title,
        url=page.get_url(),
        section=section,
        summary=highlight(summary, terms),
        audience=audience,
    )


def glossary_result(term, terms, glossary_page):
    url = f"{glossary_page.url}#{term.slug}" if glossary_page else ""
    title = f"{term.term} ({term.full_form})" if term.full_form else term.term
    return Result(title=title, url=url, section="Glossary", summary=highlight(term.meaning, terms), kind="glossary")


def contact_result(contact, terms, directory):
    url = contact.get_url(directory=directory) if directory else ""
    lines = [x for x in (contact.contact_person, contact.role) if x]
    return Result(
        title=contact.name,
        url=url,
        section="Contacts",
        summary=highlight(contact.description, terms),
        audience=contact.get_audience_display(),
        kind="contact",
        extra={"person": ", ".join(lines), "phone": contact.phone, "email": contact.email},
    )


# --- Suggestions when nothing is found -----------------------------------------------------
def get_vocabulary():
    """Words people might mean: glossary names and live page titles. Cached for 10 minutes."""
    vocabulary = cache.get(VOCABULARY_CACHE_KEY)
    if vocabulary is None:
        words = set()
        for term in apps.get_model("guidance", "GlossaryTerm").objects.published():
            for name in term.names():
                words.update(normalise_words(name))
        for title in Page.objects.live().public().filter(depth__gt=1).values_list("title", flat=True)[:5000]:
            words.update(normalise_words(title))
        vocabulary = sorted(w for w in words if len(w) > 2)
        cache.set(VOCABULARY_CACHE_KEY, vocabulary, 600)
    return vocabulary


def suggest_spelling(text):
    """A corrected search, or '' if every word is known or nothing is close."""
    vocabulary = get_vocabulary()
    known = set(vocabulary)
    words = normalise_words(text)
    changed = False
    corrected = []
    for word in words:
        if word in known or len(word) < 3:
            corrected.append(word)
            continue
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
        if close:
            corrected.append(close[0])
        changed = True  # a word we do not know is corrected, or left out of the suggestion
    return " ".join(corrected) if changed and corrected else ""
