"""`make bench`: how fast is search with 10,000 guidance pages?

Fills the current database (use a throwaway one: DATABASE_URL=sqlite:////tmp/... or a
PostgreSQL database of its own) with generated guidance pages, in bulk: Page rows with
treebeard paths, the guidance rows, then the search index (the backend's bulk `add_items`).
Then times the search view (query building, search, ranking, rendering) for rare and common
words, and prints p50, p95 and database queries per search. Before filling, prints the
relevance set's top-1, top-3 and MRR on the shipped content. Not a test: nothing asserts.
"""

import json
import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.models import Max
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend

from guidance.models import GuidanceIndexPage, GuidancePage
from home.benchmarking import summary, time_calls
from search import views
from search.relevance import report
from search.sql import RESULTS_VERSION_KEY, results_version

BENCH_SLUG = "search-bench"
COMMON = ["support", "school", "plan", "help", "teacher", "needs", "child", "parents", "review", "learning"]
FILLER = [
    "the",
    "extra",
    "help",
    "a",
    "pupil",
    "may",
    "get",
    "in",
    "class",
    "from",
    "a",
    "teacher",
    "or",
    "teaching",
    "assistant",
    "with",
    "small",
    "groups",
    "reading",
    "writing",
    "maths",
    "speech",
    "language",
    "therapy",
    "advice",
    "outreach",
    "resources",
    "funding",
    "meeting",
    "outcomes",
    "progress",
    "targets",
    "strategies",
    "equipment",
    "classroom",
    "quiet",
    "study",
    "area",
    "literacy",
    "numeracy",
    "social",
    "skills",
]
RARE = ["kumquat", "zanzibar", "quokka", "marzipan", "tarragon"]  # each in 1 page in 2,000

QUERIES = {
    "rare word": ["kumquat", "zanzibar", "quokka"],
    "rare, two words": ["marzipan tarragon", "kumquat help"],
    "common word (all pages)": ["support", "school", "help"],
    "common, several words": ["support plan review", "teacher help school", "can my child get help at school"],
    "synonym (glossary)": ["sendco", "ehcp"],
    "word forms ('assess')": ["assess", "reviewing"],
}


def path_step(number):
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    for _ in range(4):
        number, rest = divmod(number, 36)
        out = alphabet[rest] + out
    return out


class Command(BaseCommand):
    help = "Fill this database with generated guidance pages and time the search (see docs/search.md)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=10000)
        parser.add_argument("--runs", type=int, default=20, help="Timed runs of each query.")
        parser.add_argument("--json", default="", help="Also write the figures to this file.")

    def handle(self, *args, **options):
        # Relevance first, on the shipped content alone (the generated pages would only add noise).
        if not GuidanceIndexPage.objects.filter(slug=BENCH_SLUG).exists():
            cache.clear()
            report(lambda line: self.stdout.write(line), label=f" ({connection.vendor})")
        created = self.fill(options["pages"])
        total = GuidancePage.objects.filter(path__startswith=self.index_page().path).count()
        self.stdout.write(f"Database: {connection.vendor}; generated guidance pages: {total} ({created} new)")
        figures = self.measure(options["runs"])
        if options["json"]:
            with open(options["json"], "w") as handle:
                json.dump({"vendor": connection.vendor, "pages": total, "figures": figures}, handle, indent=2)

    # --- Filling ------------------------------------------------------------------------------
    def index_page(self):
        page = GuidanceIndexPage.objects.filter(slug=BENCH_SLUG).first()
        if page is None:
            home = Page.objects.filter(depth=2).first()
            page = GuidanceIndexPage(title="Search benchmark", slug=BENCH_SLUG, summary="Generated pages.")
            home.add_child(instance=page)
            page.save_revision().publish()
        return page

    def fill(self, wanted):
        parent = self.index_page()
        existing = parent.get_children().count()
        if existing >= wanted:
            return 0
        rng = random.Random(7)
        locale = Locale.get_default()
        content_type = ContentType.objects.get_for_model(GuidancePage)
        now = timezone.now()
        start = time.perf_counter()
        made = 0
        batch = 1000
        last = parent.get_children().aggregate(m=Max("path"))["m"]
        next_number = (int(last[-4:], 36) + 1) if last else 1
        while existing + made < wanted:
            count = min(batch, wanted - existing - made)
            pages = []
            for i in range(count):
                n = existing + made + i
                title = " ".join(rng.sample(FILLER, 4)).capitalize() + f" {n}"
                slug = f"bench-{n}"
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        path=parent.path + path_step(next_number + i),
                        depth=parent.depth + 1,
                        numchild=0,
                        url_path=f"{parent.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                        locale=locale,
                        translation_key=uuid.uuid4(),
                    )
                )
            with transaction.atomic():
                Page.objects.bulk_create(pages)
                ids = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "id"))
                rows, objects = [], []
                for i, page in enumerate(pages):
                    n = existing + made + i
                    words = COMMON + rng.sample(FILLER, 25)
                    if n % 2000 < len(RARE):
                        words.append(RARE[n % 2000])
                    if n % 3 == 0:
                        words += ["assessment", "reviewed"]
                    if n % 50 == 0:
                        words.append("SENCO")
                    rng.shuffle(words)
                    summary = " ".join(words[:12]).capitalize() + "."
                    body = [{"type": "text", "value": "<p>" + " ".join(words) + ".</p>", "id": str(uuid.uuid4())}]
                    rows.append((ids[page.path], summary, "everyone", json.dumps(body), ""))
                    guidance = GuidancePage(
                        id=ids[page.path],
                        page_ptr_id=ids[page.path],
                        title=page.title,
                        slug=page.slug,
                        summary=summary,
                        audience="everyone",
                    )
                    guidance.body = [("text", RichText("<p>" + " ".join(words) + ".</p>"))]
                    objects.append(guidance)
                table = GuidancePage._meta.db_table
                with connection.cursor() as cursor:
                    cursor.executemany(
                        f"INSERT INTO {table} (page_ptr_id, summary, audience, body, also_searched_as) "  # noqa: S608
                        "VALUES (%s, %s, %s, %s, %s)",
                        rows,
                    )
                get_search_backend().add_bulk(GuidancePage, objects)
            made += count
            next_number += count
            self.stdout.write(f"  {existing + made} pages ({time.perf_counter() - start:.0f} s)")
        Page.objects.filter(pk=parent.pk).update(numchild=existing + made)
        # Fresh planner statistics, as autovacuum gives a live database: without them PostgreSQL
        # guesses one matching row and picks a nested loop that takes seconds.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        return made

    # --- Measuring ----------------------------------------------------------------------------
    def measure(self, runs):
        """Time the search view for each kind of query, twice: with the ranking not cached (the
        first visitor to make a search since the content last changed) and cached (everyone
        who makes the same search after them, until the content changes)."""
        # The default site's own host: the search page builds absolute addresses, and the dev
        # settings allow only the hosts a browser uses (not RequestFactory's "testserver").
        host = Site.objects.get(is_default_site=True).hostname
        factory = RequestFactory(HTTP_HOST=host if host not in ("*", "") else "localhost")
        view = views.search.__wrapped__  # the view without its rate limit
        cache.clear()
        figures = {}
        for cached in (False, True):
            label = "ranking cached (a repeated search)" if cached else "ranking not cached (a new search)"
            self.stdout.write(f"\n{label}")
            self.stdout.write(f"{'query kind':28} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}  results")
            for kind, texts in QUERIES.items():
                times, queries, results = [], [], []
                for text in texts:
                    request = factory.get("/search/", {"q": text})
                    view(request)  # warm the caches (glossary, vocabulary) as a live site has them

                    def new_search():
                        cache.set(RESULTS_VERSION_KEY, results_version() + 1, None)

                    some_times, some_queries, response = time_calls(
                        lambda text=text: view(factory.get("/search/", {"q": text})),
                        runs,
                        before=None if cached else new_search,
                    )
                    times += some_times
                    queries += some_queries
                    body = response.content.decode()
                    marker = 'id="result-count" role="status">'
                    results.append(body.split(marker)[1].split(" ")[0] if marker in body else "0")
                key = f"{kind} ({'cached' if cached else 'not cached'})"
                figures[key] = summary(times, queries)
                p50, p95 = figures[key]["p50_ms"], figures[key]["p95_ms"]
                self.stdout.write(f"{kind:28} {p50:8.1f} {p95:8.1f} {figures[key]['queries']:8d}  {', '.join(results)}")
        return figures
