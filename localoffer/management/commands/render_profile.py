"""How much CPU does an uncached page cost? (issue 10: the uncached render.)

Renders public pages through the whole middleware stack with Django's test client, the page cache
off and DEBUG off, and prints the median CPU time per request (`time.process_time()`, which the
other work on a shared machine disturbs less than wall time), the median wall time and the
database queries. The small things kept per generation (home/cache.py) stay warm, as they are in
production between two changes. `--profile PATH` prints cProfile's top functions for one page.
Not a test: nothing asserts. Run it on the bench database for realistic figures:
`DATABASE_URL=sqlite:////tmp/bench.sqlite3 python manage.py render_profile`.
"""

import cProfile
import io
import pstats
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, reset_queries
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

DEFAULT_PATHS = [
    "/",
    "/sen-support/four-stages-of-sen-support/",
    "/services/sssen/",
    "/services/sssen/check-if-your-child-can-get-sssen-support/question/school/",
]


class Command(BaseCommand):
    help = "CPU per uncached page render (page cache off, DEBUG off), with an optional cProfile."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Paths to measure (default: home, guidance, service, check step).")
        parser.add_argument("--runs", type=int, default=30)
        parser.add_argument("--warmup", type=int, default=5)
        parser.add_argument(
            "--distinct",
            action="store_true",
            help="Render each page once: for each path, --runs other live pages of the same type "
            "(the first render of a page after a change, with what all pages share already kept).",
        )
        parser.add_argument("--host", default="localhost")
        parser.add_argument("--profile", default="", help="cProfile this path instead and print the top functions.")
        parser.add_argument("--sort", default="cumulative", help="cProfile sort order (cumulative, tottime...).")
        parser.add_argument("--limit", type=int, default=40, help="How many functions cProfile prints.")

    def handle(self, *args, **options):
        with override_settings(PAGE_CACHE_ENABLED=False, DEBUG=False):
            client = Client(HTTP_HOST=options["host"])
            if options["profile"]:
                self.profile(client, options)
                return
            for path in options["paths"] or DEFAULT_PATHS:
                if options["distinct"]:
                    self.measure_distinct(client, path, options)
                else:
                    self.measure(client, path, options)

    def get(self, client, path):
        response = client.get(path)
        if response.status_code != 200:
            self.stderr.write(f"{path}: status {response.status_code}")
        return response

    def measure(self, client, path, options):
        for _ in range(options["warmup"]):
            self.get(client, path)
        cpu, wall = [], []
        for _ in range(options["runs"]):
            reset_queries()
            started_cpu, started_wall = time.process_time(), time.perf_counter()
            self.get(client, path)
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started_wall) * 1000)
        with CaptureQueriesContext(connection) as captured:
            self.get(client, path)
        self.stdout.write(
            f"{statistics.median(cpu):6.2f} ms CPU  {statistics.median(wall):6.2f} ms wall  "
            f"{len(captured):2d} queries  {path}"
        )

    def measure_distinct(self, client, path, options):
        from wagtail.models import Page

        page = Page.find_for_request(client.get(path).wsgi_request, path)
        if page is None:  # a route below a page: its own page's address, then the rest
            self.stderr.write(f"{path}: not a page's own address; measured as the same path")
            self.measure(client, path, options)
            return
        others = [
            other.url
            for other in page.specific_class.objects.live().exclude(pk=page.pk).order_by("-pk")[: options["runs"]]
        ]
        if not others:
            self.stdout.write(f"   no other {page.specific_class.__name__} page: {path} not measured")
            return
        self.get(client, path)  # what every page shares is kept, as between two changes
        cpu = []
        for url in others:
            started_cpu = time.process_time()
            self.get(client, url)
            cpu.append((time.process_time() - started_cpu) * 1000)
        self.stdout.write(
            f"{statistics.median(cpu):6.2f} ms CPU  ({len(others)} distinct "
            f"{page.specific_class.__name__} pages, once each)"
        )

    def profile(self, client, options):
        path = options["profile"]
        for _ in range(options["warmup"]):
            self.get(client, path)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(options["runs"]):
            self.get(client, path)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(options["sort"]).print_stats(options["limit"])
        self.stdout.write(out.getvalue())
