#!/usr/bin/env bash
# `make audit`: the scans a council's security team runs, against a throwaway copy of the site
# served with the production settings over TLS on 127.0.0.1 (never anywhere else).
#   1. `check --deploy` with the production settings: no warning.
#   2. Mozilla's HTTP Observatory (offline, npm, installed into .audit/ with --ignore-scripts):
#      A+ on one page of every public page type, with the score printed.
#   3. 10,000 hostile inputs (manage.py audit_hostile_inputs): 0 server errors, no reflected
#      markup, nothing stored from invalid posts.
#   4. wrk: 200 clients for 60 s on the home page: 0 errors.
# Not part of `make test`. Needs openssl, node/npm, Debian's wrk and a Redis server
# (AUDIT_REDIS_URL, default redis://127.0.0.1:6379/0).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-.venv/bin/python}
PORT=${AUDIT_PORT:-8115}
HOSTILE_COUNT=${AUDIT_HOSTILE_COUNT:-10000}
LOAD_SECONDS=${AUDIT_LOAD_SECONDS:-60}
LOAD_CLIENTS=${AUDIT_LOAD_CLIENTS:-200}
WORK=$(mktemp -d /tmp/localoffer-audit.XXXXXX)
failed=0

# The production settings, with a throwaway database, media folder and key. Rate limits are
# raised so that the hostile inputs reach the views instead of stopping at 'Too many requests'.
export DJANGO_SETTINGS_MODULE=localoffer.settings.production
export SECRET_KEY="$(openssl rand -base64 48)"
export ALLOWED_HOSTS=localhost,127.0.0.1
export WAGTAILADMIN_BASE_URL=https://localoffer.example.org
# Production needs Redis (the page cache, rate limits, search counts). The audit's keys get a
# prefix of their own, so they never mix with another site's on the same Redis; they expire.
export REDIS_URL=${AUDIT_REDIS_URL:-redis://127.0.0.1:6379/0}
export CACHE_KEY_PREFIX="localoffer-audit-$$"
export DATABASE_URL="sqlite:///$WORK/audit.sqlite3"
export MEDIA_ROOT="$WORK/media"
export SEARCH_RATE_LIMIT=1000000/m FEEDBACK_RATE_LIMIT=1000000/m
export LOG_LEVEL=ERROR
unset DJANGO_ALLOW_ASYNC_UNSAFE

cleanup() {
  if [ -f "$WORK/gunicorn.pid" ]; then kill "$(cat "$WORK/gunicorn.pid")" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== 1. check --deploy (production settings)"
$PY manage.py check --deploy --fail-level WARNING || failed=1

echo "== Preparing a throwaway site in $WORK"
$PY manage.py migrate --noinput -v0
$PY manage.py load_local_offer -v0
npm run --silent build
$PY manage.py collectstatic --noinput -v0
if [ ! -x .audit/node_modules/.bin/mdn-http-observatory-scan ]; then
  npm install --prefix .audit --ignore-scripts --no-audit --no-fund --loglevel=error @mdn/mdn-http-observatory
fi
# --ignore-scripts skips the download of the HSTS preload list and the list of top-level
# domains; offline, they are empty (neither matters for localhost).
OBSERVATORY_CONF=.audit/node_modules/@mdn/mdn-http-observatory/conf
[ -f "$OBSERVATORY_CONF/hsts-preload.json" ] || echo '{}' > "$OBSERVATORY_CONF/hsts-preload.json"
[ -f "$OBSERVATORY_CONF/tld-list.json" ] || echo '[]' > "$OBSERVATORY_CONF/tld-list.json"

# A certificate authority of our own and a certificate for localhost signed by it, so the
# Observatory sees a trusted certificate (NODE_EXTRA_CA_CERTS) rather than a self-signed one.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Local Offer audit CA" \
  -keyout "$WORK/ca.key" -out "$WORK/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$WORK/site.key" -out "$WORK/site.csr" 2>/dev/null
printf "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n" > "$WORK/site.ext"
openssl x509 -req -in "$WORK/site.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" -CAcreateserial -days 2 \
  -extfile "$WORK/site.ext" -out "$WORK/site.pem" 2>/dev/null

.venv/bin/gunicorn localoffer.wsgi --bind "127.0.0.1:$PORT" --certfile "$WORK/site.pem" --keyfile "$WORK/site.key" \
  --workers 2 --worker-class gthread --threads 8 --timeout 60 --log-level warning \
  --pid "$WORK/gunicorn.pid" --daemon
for _ in $(seq 60); do curl -skf -o /dev/null "https://localhost:$PORT/" && break; sleep 1; done
BASE="https://localhost:$PORT"

echo "== 2. Mozilla HTTP Observatory, one page of every public page type"
mapfile -t PATHS < <($PY manage.py shell -c '
from wagtail.models import Page
seen = {}
for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
    seen.setdefault(type(page).__name__, page.url)
for url in seen.values():
    print(url)
print("/search/?q=support")
print("/feedback/thanks/")
' | grep '^/')
NODE_EXTRA_CA_CERTS="$WORK/ca.pem" node localoffer/audit/observatory.mjs "$PWD/.audit" localhost "$PORT" "${PATHS[@]}" || failed=1

echo "== 3. Hostile inputs"
$PY manage.py audit_hostile_inputs --base-url "$BASE" --count "$HOSTILE_COUNT" || failed=1

echo "== 4. Load: $LOAD_CLIENTS clients for $LOAD_SECONDS s on the home page"
wrk -t2 -c"$LOAD_CLIENTS" -d"${LOAD_SECONDS}s" --timeout 30s "$BASE/" | tee "$WORK/wrk.txt"
if grep -qE "Socket errors|Non-2xx or 3xx responses" "$WORK/wrk.txt"; then
  echo "Load: errors (see above)"; failed=1
else
  echo "Load: 0 errors"
fi

if [ "$failed" = 0 ]; then echo "== Audit passed"; else echo "== Audit FAILED"; fi
exit "$failed"
