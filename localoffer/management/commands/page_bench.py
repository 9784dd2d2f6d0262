"""`make bench`: how fast are the pages, as a visitor gets them in production?

Starts the README's production server twice on 127.0.0.1 (gunicorn, production settings, 2 sync
workers, Redis), on the current database (`DATABASE_URL`: the bench's throwaway SQLite file or
PostgreSQL database, with the shipped content and the search bench's generated pages):

- port P: as shipped, with the page cache;
- port P+10: the same with the page cache off (PAGE_CACHE_ENABLED=false), for uncached pages.

Then `wrk` (Debian's; `make bench` installs it) measures, one after the other, requests per
second and p50/p95 latency for a static file, a cached page, uncached pages, a search and a
step of the eligibility check, each as a ratio to the static file (the machine may be shared,
so the ratios are what to compare). Last, 200 clients for 60 seconds on a mix of cached pages,
with the errors and p95. Targets (issue 10): cached page >= 0.8x static, uncached content page
>= 0.07x static, 200 clients: 0 errors and p95 <= 100 ms. Not a test: nothing asserts.

Only 127.0.0.1 is ever sent traffic. The Redis keys use a prefix of their own and are deleted
at the end; nothing else in Redis is touched.
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management.base import BaseCommand, CommandError

# wrk prints one JSON line at the end: requests/s, p50 and p95 in milliseconds, errors.
WRK_SCRIPT = """
local paths = {%(paths)s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    '\\nBENCH {"requests": %%d, "seconds": %%.3f, "p50": %%.3f, "p95": %%.3f, "p99": %%.3f, '
    .. '"errors": %%d, "non2xx": %%d, "timeouts": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, errors, summary.errors.status, summary.errors.timeout))
end
"""

TARGETS = {"cached": 0.8, "uncached": 0.07}


class Command(BaseCommand):
    help = "Measure pages under load with wrk against gunicorn with production settings (127.0.0.1 only)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8013, help="The cached server; the uncached one is +10.")
        parser.add_argument("--duration", type=int, default=10, help="Seconds for each measured address.")
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument("--load-clients", type=int, default=200)
        parser.add_argument("--load-duration", type=int, default=60)
        parser.add_argument(
            "--redis-url",
            default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"),
            help="A Redis database for the servers' cache (keys get a prefix of their own).",
        )
        parser.add_argument("--json", default="", help="Also write the figures to this file.")

    def handle(self, *args, **options):
        if not shutil.which("wrk"):
            raise CommandError("wrk is not installed: `apt-get install wrk` (make bench does this).")
        self.options = options
        self.prefix = f"localoffer-bench-{secrets.token_hex(4)}"
        self.tmp = Path(tempfile.mkdtemp(prefix="page-bench-"))
        self.servers = []
        urls = self.choose_urls()
        port, plain_port = options["port"], options["port"] + 10
        try:
            self.start_server(port, cached=True)
            self.start_server(plain_port, cached=False)
            self.wait_for(port)
            self.wait_for(plain_port)
            figures = self.measure(urls, port, plain_port)
        finally:
            self.stop_servers()
            self.delete_redis_keys()
            shutil.rmtree(self.tmp, ignore_errors=True)
        self.report(figures)
        if options["json"]:
            Path(options["json"]).write_text(json.dumps(figures, indent=2))

    # --- What to measure ---------------------------------------------------------------------
    def choose_urls(self):
        from wagtail.models import Page

        from guidance.models import GuidancePage
        from search.management.commands.search_bench import BENCH_SLUG as SEARCH_BENCH_SLUG
        from services.checker.flow import Flow
        from services.management.commands.services_bench import BENCH_SLUG as SERVICES_BENCH_SLUG
        from services.models import CheckerPage, ServicePage

        def url_of(queryset, description):
            page = queryset.live().order_by("path").first()
            if page is None:
                raise CommandError(f"No live {description}: run load_local_offer first.")
            return page.url

        guidance = GuidancePage.objects.live().filter(slug="four-stages-of-sen-support").first()
        guidance_url = guidance.url if guidance else url_of(GuidancePage.objects, "guidance page")
        checker = CheckerPage.objects.live().order_by("path").first()
        if checker is None:
            raise CommandError("No live eligibility check: run load_local_offer first.")
        first = Flow.from_page(checker).first
        # The shipped site's pages, not the generated ones (an index of 10,000 generated pages is
        # too big for the page cache, and no council has one).
        shipped = Page.objects.live().public().filter(depth__gt=1, depth__lt=5)
        for generated in Page.objects.filter(slug__in=[SEARCH_BENCH_SLUG, SERVICES_BENCH_SLUG]):
            shipped = shipped.exclude(path__startswith=generated.path)
        mix = [page.url for page in shipped.specific()[:40]]
        mix = [url for url in mix if url and not url.startswith(checker.url)]
        return {
            "static": staticfiles_storage.url("css/main.css", force=True),
            "home": "/",
            "guidance": guidance_url,
            "service": url_of(ServicePage.objects.filter(slug="sssen"), "service page")
            if ServicePage.objects.filter(slug="sssen").exists()
            else url_of(ServicePage.objects, "service page"),
            "search": "/search/?q=ehcp",
            "checker": f"{checker.url}question/{first}/",
            "mix": mix,
        }

    # --- Servers --------------------------------------------------------------------------------
    def server_env(self, cached):
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "localoffer.settings.production",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                # Production refuses to start without a public address for the admin's emails;
                # the bench sends none.
                "WAGTAILADMIN_BASE_URL": os.environ.get("WAGTAILADMIN_BASE_URL", "https://localoffer.example.org"),
                "SECURE_SSL_REDIRECT": "false",
                "REDIS_URL": self.options["redis_url"],
                "CACHE_KEY_PREFIX": self.prefix,
                "PAGE_CACHE_ENABLED": "true" if cached else "false",
                "SEARCH_RATE_LIMIT": "100000000/m",  # the bench is one visitor
                "LOG_LEVEL": "ERROR",
            }
        )
        db = settings.DATABASES["default"]
        if db["ENGINE"].endswith("sqlite3"):
            env["DATABASE_URL"] = f"sqlite:///{db['NAME']}"
        return env

    def start_server(self, port, cached):
        log = open(self.tmp / f"gunicorn-{port}.log", "w")  # noqa: SIM115 - closed with the server
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "localoffer.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
        ]
        process = subprocess.Popen(  # noqa: S603 - fixed arguments
            command, cwd=settings.BASE_DIR, env=self.server_env(cached), stdout=log, stderr=log
        )
        self.servers.append((process, log))

    def wait_for(self, port):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()  # noqa: S310 - our own server
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        self.stop_servers()
        logs = "\n".join((self.tmp / name).read_text()[-2000:] for name in os.listdir(self.tmp))
        raise CommandError(f"gunicorn did not start on port {port}:\n{logs}")

    def stop_servers(self):
        for process, log in self.servers:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
            log.close()
        self.servers = []

    def delete_redis_keys(self):
        try:
            import redis

            client = redis.Redis.from_url(self.options["redis_url"])
            keys = list(client.scan_iter(match=f"{self.prefix}:*", count=1000))
            for start in range(0, len(keys), 500):
                client.delete(*keys[start : start + 500])
        except Exception as error:  # noqa: BLE001 - report, don't fail the bench
            self.stderr.write(f"Could not delete the bench's Redis keys ({self.prefix}:*): {error}")

    # --- Measuring ------------------------------------------------------------------------------
    def wrk(self, port, paths, connections, duration, timeout="2s"):
        script = self.tmp / f"wrk-{secrets.token_hex(3)}.lua"
        script.write_text(WRK_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths)})
        threads = min(2, connections)
        result = subprocess.run(  # noqa: S603 - fixed arguments, 127.0.0.1 only
            [
                shutil.which("wrk"),
                f"-t{threads}",
                f"-c{connections}",
                f"-d{duration}s",
                f"--timeout={timeout}",
                "-s",
                str(script),
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            timeout=duration + 60,
        )
        line = next((line for line in result.stdout.splitlines() if line.startswith("BENCH ")), None)
        if line is None:
            raise CommandError(f"wrk gave no figures:\n{result.stdout}\n{result.stderr}")
        data = json.loads(line[len("BENCH ") :])
        data["rps"] = data["requests"] / data["seconds"] if data["seconds"] else 0
        return data

    def try_once(self, port, path, expect_cache=None):
        """One request first: the address must work (and be cached, or not, as expected)."""
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:  # noqa: S310
            status = response.status
            state = response.headers.get("X-Page-Cache", "")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:  # noqa: S310
            state = response.headers.get("X-Page-Cache", "") or state
        if status != 200:
            raise CommandError(f"{path} answered {status}")
        if expect_cache is not None and (state == "hit") != expect_cache:
            raise CommandError(f"{path}: expected {'a cached' if expect_cache else 'an uncached'} page, got {state!r}")

    def measure(self, urls, port, plain_port):
        options = self.options
        runs = [
            ("static file", port, urls["static"], None),
            ("cached page (guidance)", port, urls["guidance"], True),
            ("cached page (service)", port, urls["service"], True),
            ("uncached page (home)", plain_port, urls["home"], False),
            ("uncached page (guidance)", plain_port, urls["guidance"], False),
            ("uncached page (service)", plain_port, urls["service"], False),
            ("search 'ehcp'", port, urls["search"], False),
            ("checker step", port, urls["checker"], False),
        ]
        figures = {"rows": [], "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]}
        for label, server, path, cached in runs:
            self.try_once(server, path, cached)
            self.stdout.write(f"  measuring {label}: {path}")
            data = self.wrk(server, [path], options["connections"], options["duration"])
            figures["rows"].append({"what": label, "path": path, **data})
        for path in urls["mix"]:
            self.try_once(port, path, True)
        self.stdout.write(f"  {options['load_clients']} clients for {options['load_duration']} s on cached pages")
        figures["load"] = {
            "paths": urls["mix"],
            **self.wrk(port, urls["mix"], options["load_clients"], options["load_duration"], timeout="5s"),
        }
        return figures

    def report(self, figures):
        rows = figures["rows"]
        static = rows[0]["rps"] or 1
        self.stdout.write(f"\nPages under load ({figures['database']}, gunicorn 2 sync workers, production settings)")
        self.stdout.write(f"{'what':<28} {'requests/s':>11} {'ratio':>7} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
        for row in rows:
            ratio = row["rps"] / static
            row["ratio"] = round(ratio, 3)
            self.stdout.write(
                f"{row['what']:<28} {row['rps']:>11.0f} {ratio:>7.3f} {row['p50']:>8.1f} {row['p95']:>8.1f}"
                f" {row['errors']:>7}"
            )
        load = figures["load"]
        self.stdout.write(
            f"\n{self.options['load_clients']} clients, {self.options['load_duration']} s, {len(load['paths'])} cached"
            f" pages: {load['requests'] / load['seconds']:.0f} requests/s, errors {load['errors']}"
            f" (non-2xx {load['non2xx']}, timeouts {load['timeouts']}), p50 {load['p50']:.1f} ms,"
            f" p95 {load['p95']:.1f} ms, p99 {load['p99']:.1f} ms"
        )
        cached = min(row["ratio"] for row in rows if row["what"].startswith("cached"))
        uncached = min(row["ratio"] for row in rows if row["what"].startswith("uncached"))
        verdicts = [
            ("cached page >= 0.8x static", cached >= TARGETS["cached"], f"{cached:.3f}"),
            ("uncached content page >= 0.07x static", uncached >= TARGETS["uncached"], f"{uncached:.3f}"),
            ("200 clients: 0 errors", load["errors"] == 0, str(load["errors"])),
            ("200 clients: p95 <= 100 ms", load["p95"] <= 100, f"{load['p95']:.1f} ms"),
        ]
        self.stdout.write("\nTargets (issue 10):")
        for text, ok, value in verdicts:
            self.stdout.write(f"  {'met    ' if ok else 'NOT MET'} {text}: {value}")
        figures["targets"] = {text: ok for text, ok, _ in verdicts}
