"""Send hostile input to a running copy of the site and check how it copes (`make audit`).

    python manage.py audit_hostile_inputs --base-url https://localhost:8115 --count 10000

Only for a local server: it refuses any host but 127.0.0.1 or localhost. It sends GET and POST
requests with hostile values (markup, script, SQL, path tricks, control characters, very long
and odd Unicode text) to the search, the eligibility check, the contact directory's filters and
the 'Is this page useful?' form, then checks that:

- no response is a server error (5xx);
- no response contains the hostile markup unescaped (no reflected markup);
- the invalid feedback posts stored nothing (the Feedback table has as many rows as before;
  the one 'No' answer it gives first, to get the 'What was missing?' form's CSRF cookie, is
  counted before).

It must run with the same DATABASE_URL as the server, to read the pages and count the rows.
"""

import http.client
import itertools
import re
import ssl
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote, urlsplit

from django.core.management.base import BaseCommand, CommandError

LOCAL_HOSTS = {"127.0.0.1", "localhost"}

MARKUP = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "<iframe src=javascript:alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "</title><script>alert(1)</script>",
    "<style>*{display:none}</style>",
    "<lo-marker>",
    "<!--",
    "<![CDATA[<script>alert(1)</script>]]>",
]
OTHER = [
    "' OR '1'='1",
    "1; DROP TABLE home_feedback; --",
    '" OR ""="',
    "../../../../etc/passwd",
    "..%2f..%2f..%2fetc%2fpasswd",
    "%00",
    "\x00",
    "\r\nSet-Cookie: hacked=1",
    "{{7*7}}",
    "{% debug %}",
    "${7*7}",
    "%s%s%s%n",
    '"',
    "'",
    "\\",
    "*",
    "AND",
    "NOT",
    "(",
    ")",
    "-1",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "🙂" * 50,
    "\u202eevil",
    "\ud800",
    "ｓｃｒｉｐｔ",
    "a" * 5000,
    "x " * 2000,
    "",
    " ",
    "null",
    "[]",
    '{"$ne": null}',
]
PAYLOADS = MARKUP + OTHER


def _encode(value):
    # Lone surrogates can't be UTF-8: send them the way a broken client would, percent-encoded.
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def _query(pairs):
    return "&".join(f"{_encode(key)}={_encode(value)}" for key, value in pairs)


class Command(BaseCommand):
    help = "Send hostile input to a local server; report server errors, reflected markup and stored rows."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", required=True, help="For example https://localhost:8115")
        parser.add_argument("--count", type=int, default=10000, help="How many requests (at least).")
        parser.add_argument("--workers", type=int, default=4)

    def handle(self, *args, base_url, count, workers, **options):
        parts = urlsplit(base_url)
        if parts.hostname not in LOCAL_HOSTS:
            raise CommandError("Only a local server (127.0.0.1 or localhost) may be audited.")
        self.parts = parts
        self.local = threading.local()
        requests = list(itertools.islice(itertools.cycle(self.plan()), count))
        from home.models import Feedback

        self.csrf = self.csrf_from_feedback()
        feedback_before = Feedback.objects.count()
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(self.send, requests))
        seconds = time.monotonic() - started
        feedback_after = Feedback.objects.count()

        statuses = Counter(status for status, _problem in results)
        problems = [
            (request, problem) for request, (_status, problem) in zip(requests, results, strict=True) if problem
        ]
        server_errors = sum(n for status, n in statuses.items() if status >= 500 or status == 0)
        reflected = sum(1 for _request, problem in problems if problem.startswith("reflected"))
        stored = feedback_after - feedback_before
        self.stdout.write(
            f"Hostile inputs: {len(results)} requests in {seconds:.0f} s; statuses "
            + ", ".join(f"{status}: {n}" for status, n in sorted(statuses.items()))
        )
        self.stdout.write(f"Server errors: {server_errors}; reflected markup: {reflected}; rows stored: {stored}")
        for request, problem in problems[:20]:
            self.stdout.write(f"  {problem}: {request[0]} {request[1][:160]!r}")
        if server_errors or reflected or stored or len(results) < count:
            raise CommandError("The hostile-input audit failed.")

    # --- What to send ------------------------------------------------------------------------
    def plan(self):
        """(method, path, body, payload) for every target and payload."""
        from home.models import HomePage
        from services.models import CheckerPage, ContactDirectoryPage

        home = HomePage.objects.live().first()
        checkers = list(CheckerPage.objects.live().specific())
        directory = ContactDirectoryPage.objects.live().first()
        plan = []
        for payload in PAYLOADS:
            plan += [
                ("GET", "/search/?" + _query([("q", payload)]), None, payload),
                (
                    "GET",
                    "/search/?" + _query([("q", "support"), ("section", payload), ("audience", payload)]),
                    None,
                    payload,
                ),
                ("GET", "/search/?" + _query([("q", payload), ("page", payload)]), None, payload),
            ]
            for checker in checkers:
                base = checker.url
                question_ids = re.findall(r'"id": "([^"]+)"', str(checker.questions.raw_data)) or ["start"]
                first = question_ids[0]
                plan += [
                    ("GET", f"{base}question/{first}/?" + _query([(first, payload)]), None, payload),
                    (
                        "GET",
                        f"{base}question/{first}/?" + _query([(first, payload), ("submitted", first)]),
                        None,
                        payload,
                    ),
                    ("GET", f"{base}question/{_encode(payload)[:100] or 'x'}/", None, payload),
                    ("GET", f"{base}check/?" + _query([(first, payload), (payload[:50], "yes")]), None, payload),
                    ("GET", f"{base}result/?" + _query([(first, payload)]), None, payload),
                ]
            if directory:
                plan += [
                    ("GET", directory.url + "?" + _query([("q", payload)]), None, payload),
                    ("GET", directory.url + "?" + _query([("service", payload), ("area", payload)]), None, payload),
                    (
                        "GET",
                        directory.url + "?" + _query([("audience", payload), ("audience", "parents")]),
                        None,
                        payload,
                    ),
                    ("GET", f"{directory.url}{_encode(payload)[:100] or 'x'}/vcard/", None, payload),
                ]
            page = str(home.pk) if home else "1"
            plan += [
                ("POST", "/feedback/", _query([("page", payload), ("useful", "yes")]), payload),
                ("POST", "/feedback/", _query([("page", page), ("useful", payload)]), payload),
                (
                    "POST",
                    "/feedback/",
                    _query([("page", page), ("useful", "no"), ("website", "x" + payload)]),
                    payload,
                ),
                ("POST", f"/feedback/more/{_encode(payload)[:200] or 'x'}/", _query([("comment", payload)]), payload),
                ("GET", "/feedback/thanks/?" + _query([("page", payload)]), None, payload),
            ]
        return plan

    # --- Sending -----------------------------------------------------------------------------
    def new_connection(self):
        port = self.parts.port or (443 if self.parts.scheme == "https" else 80)
        if self.parts.scheme == "https":
            context = ssl._create_unverified_context()  # noqa: S323 - our own self-signed local certificate
            return http.client.HTTPSConnection(self.parts.hostname, port, context=context, timeout=60)
        return http.client.HTTPConnection(self.parts.hostname, port, timeout=60)

    def connection(self):
        if getattr(self.local, "connection", None) is None:
            self.local.connection = self.new_connection()
        return self.local.connection

    def csrf_from_feedback(self):
        """A CSRF cookie and token, so the posts to 'What was missing?' reach the form's own
        checks. That form is the only page that sets the cookie (public pages are cached and
        set none), so answer 'No' once, before the rows are counted, and read its page."""
        from home.models import HomePage

        home = HomePage.objects.live().first()
        connection = self.new_connection()
        headers = {
            "User-Agent": "localoffer-audit",
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"{self.parts.scheme}://{self.parts.netloc}/",
        }
        body = _query([("page", str(home.pk) if home else "1"), ("useful", "no"), ("website", "")])
        connection.request("POST", "/feedback/", body=body.encode(), headers=headers)
        response = connection.getresponse()
        response.read()
        location = urlsplit(response.getheader("Location", "")).path
        if response.status != 302 or not location.startswith("/feedback/more/"):
            connection.close()
            raise CommandError(f"Answering 'No' did not lead to 'What was missing?' (HTTP {response.status}).")
        connection.request("GET", location, headers={"User-Agent": "localoffer-audit"})
        response = connection.getresponse()
        page = response.read().decode("utf-8", "replace")
        cookie = next(
            (
                value
                for name, value in response.getheaders()
                if name.lower() == "set-cookie" and value.startswith("csrftoken=")
            ),
            "",
        )
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        connection.close()
        return (cookie.split(";")[0], token.group(1) if token else "")

    def send(self, request):
        method, path, body, payload = request
        headers = {"User-Agent": "localoffer-audit"}
        for attempt in range(2):
            try:
                connection = self.connection()
                if method == "POST":
                    cookie, token = self.csrf
                    body_with_token = body + "&csrfmiddlewaretoken=" + token if token else body
                    headers |= {
                        "Content-Type": "application/x-www-form-urlencoded",
                        "Referer": f"{self.parts.scheme}://{self.parts.netloc}/",
                        "Cookie": cookie,
                    }
                    connection.request("POST", path, body=body_with_token.encode(), headers=headers)
                else:
                    connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                content = response.read().decode("utf-8", "replace")
                break
            except (http.client.HTTPException, OSError) as error:
                self.local.connection = None
                if attempt:
                    return 0, f"no response ({error.__class__.__name__})"
        status = response.status
        if status >= 500:
            return status, f"server error {status}"
        if "<" in payload and payload in content:
            return status, "reflected markup"
        if "hacked=1" in str(response.getheaders()):
            return status, "header injection"
        return status, None
