"""`make bench`: how fast are the 'Find support' page and the Open Referral `/services` list
with 1,000 services?

Fills the current database (use a throwaway one: DATABASE_URL=sqlite:////tmp/... or a
PostgreSQL database of its own) with generated, published service pages in bulk, each with
taxonomy terms, an area, a contact, a location and an opening time, then the search index.
Then requests each URL through the whole Django stack (test client) and prints p50, p95 and
database queries per request. Not a test: nothing asserts.
"""

import json
import random
import uuid
from datetime import time as clock

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.models import Max
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend

from home.benchmarking import summary, time_calls
from services.models import (
    Area,
    Contact,
    FindSupportPage,
    Location,
    Organisation,
    ServiceIndexPage,
    ServiceLocation,
    ServicePage,
    ServicePageContact,
    ServiceSchedule,
    TaxonomyTerm,
)

BENCH_SLUG = "services-bench"
WORDS = ["reading", "speech", "autism", "hearing", "sight", "anxiety", "maths", "movement", "writing", "sleep"]
RARE = "kumquat"  # in one service in 500


def path_step(number):
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    for _ in range(4):
        number, rest = divmod(number, 36)
        out = alphabet[rest] + out
    return out


class Command(BaseCommand):
    help = "Fill this database with generated services and time 'Find support' and /services (docs/directory.md)."

    def add_arguments(self, parser):
        parser.add_argument("--services", type=int, default=1000)
        parser.add_argument("--runs", type=int, default=30, help="Timed runs of each URL.")
        parser.add_argument("--json", default="", help="Also write the figures to this file.")

    def handle(self, *args, **options):
        finder = self.ensure_pages()
        created = self.fill(options["services"])
        total = ServicePage.objects.live().count()
        self.stdout.write(f"Database: {connection.vendor}; live services: {total} ({created} new)")
        # The render itself, with the page cache off: page_bench measures cached pages.
        with override_settings(PAGE_CACHE_ENABLED=False):
            figures = self.measure(finder, options["runs"])
        if options["json"]:
            with open(options["json"], "w") as handle:
                json.dump({"vendor": connection.vendor, "services": total, "figures": figures}, handle, indent=2)

    # --- Filling ------------------------------------------------------------------------------
    def ensure_pages(self):
        home = Site.objects.get(is_default_site=True).root_page
        self.index = ServiceIndexPage.objects.filter(slug=BENCH_SLUG).first()
        if self.index is None:
            self.index = ServiceIndexPage(title="Services benchmark", slug=BENCH_SLUG, summary="Generated.")
            home.add_child(instance=self.index)
            self.index.save_revision().publish()
        finder = FindSupportPage.objects.first()
        if finder is None:
            finder = FindSupportPage(title="Find support", slug="find-support")
            home.add_child(instance=finder)
            finder.save_revision().publish()
        return finder

    def shared(self):
        organisation, _ = Organisation.objects.get_or_create(name="Benchmark organisation")
        areas = [
            Area.objects.get_or_create(slug=f"bench-area-{n}", defaults={"name": f"Bench area {n}"})[0]
            for n in range(5)
        ]
        contact, _ = Contact.objects.get_or_create(
            slug="bench-contact", defaults={"name": "Bench team", "phone": "01234 567890", "live": True}
        )
        location, _ = Location.objects.get_or_create(name="Bench centre", defaults={"postcode": "ZZ1 1AA"})
        return organisation, areas, contact, location

    def fill(self, wanted):
        parent = self.index
        existing = parent.get_children().count()
        if existing >= wanted:
            return 0
        rng = random.Random(11)
        organisation, areas, contact, location = self.shared()
        terms = list(TaxonomyTerm.objects.all())
        locale = Locale.get_default()
        content_type = ContentType.objects.get_for_model(ServicePage)
        now = timezone.now()
        last = parent.get_children().aggregate(m=Max("path"))["m"]
        next_number = (int(last[-4:], 36) + 1) if last else 1
        count = wanted - existing
        with transaction.atomic():
            pages = []
            for i in range(count):
                n = existing + i
                title = f"Generated {rng.choice(WORDS)} service {n}"
                slug = f"bench-service-{n}"
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
            Page.objects.bulk_create(pages)
            ids = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "id"))
            services, term_links, area_links = [], [], []
            for i, page in enumerate(pages):
                n = existing + i
                words = rng.sample(WORDS, 4) + ([RARE] if n % 500 == 0 else [])
                low = rng.randint(0, 14)
                service = ServicePage(
                    page_ptr_id=ids[page.path],
                    id=ids[page.path],
                    title=page.title,
                    slug=page.slug,
                    summary="Help with " + ", ".join(words) + ".",
                    who_it_is_for=f"<p>Children who need help with {' and '.join(words)}.</p>",
                    audience=rng.choice(["everyone", "parents", "schools"]),
                    organisation=organisation,
                    minimum_age=low,
                    maximum_age=low + rng.randint(2, 10),
                    cost=rng.choice(["free", "free", "paid", ""]),
                    last_reviewed=now.date(),
                    review_by=now.date(),
                )
                service.save_base(raw=True, force_insert=True)  # the service row only: the page row is already there
                services.append(service)
                for term in rng.sample(terms, 3):
                    term_links.append(
                        ServicePage.taxonomy_terms.through(servicepage_id=service.pk, taxonomyterm_id=term.pk)
                    )
                area_links.append(
                    ServicePage.areas.through(servicepage_id=service.pk, area_id=areas[n % len(areas)].pk)
                )
            ServicePage.taxonomy_terms.through.objects.bulk_create(term_links)
            ServicePage.areas.through.objects.bulk_create(area_links)
            ServicePageContact.objects.bulk_create(
                [ServicePageContact(page_id=s.pk, contact=contact, sort_order=0) for s in services]
            )
            ServiceLocation.objects.bulk_create(
                [
                    ServiceLocation(
                        page_id=s.pk,
                        location=location,
                        sort_order=0,
                        oruk_id=uuid.uuid5(s.oruk_id, str(location.oruk_id)),
                    )
                    for s in services
                ]
            )
            ServiceSchedule.objects.bulk_create(
                [ServiceSchedule(page_id=s.pk, day="MO", opens_at=clock(9), closes_at=clock(17)) for s in services]
            )
            Page.objects.filter(pk=parent.pk).update(numchild=existing + count)
            loaded = (
                ServicePage.objects.filter(pk__in=[s.pk for s in services])
                .prefetch_related("taxonomy_terms", "areas")
                .select_related("organisation")
            )
            get_search_backend().add_bulk(ServicePage, list(loaded))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        return count

    # --- Measuring ----------------------------------------------------------------------------
    def measure(self, finder, runs):
        host = Site.objects.get(is_default_site=True).hostname
        client = Client(HTTP_HOST=host if host != "*" else "localhost")
        need = TaxonomyTerm.objects.filter(taxonomy__code="areas-of-need").first()
        finder_url = finder.url
        total_pages = (ServicePage.objects.live().count() + 19) // 20
        urls = {
            "Find support, page 1": finder_url,
            "Find support, middle page": f"{finder_url}?page={max(1, total_pages // 2)}",
            "Find support, need + age + cost": f"{finder_url}?need={need.code}&age=8&cost=free",
            "Find support, common word": f"{finder_url}?q=reading",
            "Find support, rare word": f"{finder_url}?q={RARE}",
            "/services, 50 a page": "/api/openreferral/services",
            "/services, 100 a page, last": "/api/openreferral/services?per_page=100&page=10",
            "/services, term + ages": f"/api/openreferral/services?taxonomy_term_id={need.oruk_id}&minimum_age=2",
            "/services, search": "/api/openreferral/services?search=reading",
            "/services/{id}": f"/api/openreferral/services/{ServicePage.objects.live().first().oruk_id}",
        }
        figures = {}
        self.stdout.write(f"\n{'request':34} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}  status")
        for label, url in urls.items():
            client.get(url)  # warm the caches, as a live site has them
            times, queries, response = time_calls(lambda url=url: client.get(url), runs)
            figures[label] = summary(times, queries)
            p50, p95 = figures[label]["p50_ms"], figures[label]["p95_ms"]
            self.stdout.write(
                f"{label:34} {p50:8.1f} {p95:8.1f} {figures[label]['queries']:8d}  {response.status_code}"
            )
        return figures
