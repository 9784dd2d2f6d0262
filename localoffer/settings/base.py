"""Settings shared by every environment.

This file is safe for production on its own: DEBUG is off, there is no secret key here, and
every secret comes from the environment. ``dev`` and ``test`` relax it; ``production``
insists on the secrets.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "localoffer"


def env_list(name, default=""):
    """A comma-separated environment variable as a list, without empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# --- Applications -------------------------------------------------------------------------
INSTALLED_APPS = [
    # Our apps, top floor first (see docs/architecture.md).
    "localoffer",
    "search",
    "guidance",
    "services",
    "home",
    # Other languages (docs/adopting.md, 'Other languages'): translation in the admin and PO files.
    "wagtail_localize",
    "wagtail_localize.locales",
    # Wagtail
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # The sitemap.xml template Wagtail's sitemap (wagtail.contrib.sitemaps) renders.
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    # Security: sign-in lockout (see docs/security.md)
    "axes",
    # Two-factor sign-in for the admin (localoffer/twofactor/, docs/security.md)
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous visitors' pages come from the shared page cache (home/cache.py): a cached page
    # skips everything below. See docs/operations.md, 'The page cache'.
    "home.middleware.PageCacheMiddleware",
    # The language comes from the address only (/cy/..., /ur/...; English has no prefix), never
    # from Accept-Language or a cookie, so every address is one cacheable page.
    "home.middleware.LanguageFromPathMiddleware",
    # Headers for pages (static files served above don't need them): see docs/security.md.
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "home.middleware.PublicMethodsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor sign-in: no admin page until the second factor is given (localoffer/twofactor/).
    "django_otp.middleware.OTPMiddleware",
    "localoffer.twofactor.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Anonymous visitors' pages are found from what is kept per generation (home/routing.py).
    "home.middleware.SharedRoutingMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "localoffer.urls"
WSGI_APPLICATION = "localoffer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------
# SQLite needs no server; set DATABASE_URL (for example postgres://user@host/db) for scale.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DB_IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")

# --- Cache ----------------------------------------------------------------------------------
# Local memory by default; Redis (REDIS_URL, for example redis://127.0.0.1:6379/0) at scale.
# Production insists on Redis (settings/production.py): the page cache, rate limits and search
# counts must be shared by every worker and by the cron jobs.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", ""),
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 2000}}}

# The page cache (home/cache.py, home/middleware.py): anonymous visitors' pages are kept for
# PAGE_CACHE_SECONDS at most (a change to the content makes them stale at once, whatever this
# says). PAGE_CACHE_SHARED_MAX_AGE is the `s-maxage` a CDN or reverse proxy may keep a page:
# an hour when it is purged on publish (WAGTAILFRONTENDCACHE below), a minute otherwise.
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE_ENABLED", "true").lower() != "false"
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# Never from the page cache: the admin, documents (some are private), search (it counts and
# rate-limits every search, and keeps its own cached rankings) and the feedback form's steps.
# With Redis, each worker watches the generation (bumps are announced on a Redis channel) and
# keeps the pages it serves in its own memory, up to PAGE_CACHE_LOCAL_BYTES: a cached page then
# costs no round trip to Redis (home/cache_watch.py). PAGE_CACHE_WATCH=false reads Redis for
# every page instead.
PAGE_CACHE_WATCH = os.environ.get("PAGE_CACHE_WATCH", "true").lower() != "false"
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_BYTES", str(32 * 1024 * 1024)))
PAGE_CACHE_EXCLUDE_PREFIXES = ["/admin/", "/documents/", "/search/", "/feedback/", "/static/", "/media/"]

# CDN or reverse proxy purging (wagtail.contrib.frontend_cache): every change purges the site's
# public URLs once the transaction commits. FRONTEND_CACHE_PURGE_URL for Varnish or nginx
# (HTTP PURGE, see docs/operations.md); CLOUDFLARE_ZONEID with CLOUDFLARE_BEARER_TOKEN (or
# CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY) for Cloudflare.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
        **(
            {"BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"]}
            if os.environ.get("CLOUDFLARE_BEARER_TOKEN")
            else {"EMAIL": os.environ.get("CLOUDFLARE_EMAIL", ""), "API_KEY": os.environ.get("CLOUDFLARE_API_KEY", "")}
        ),
    }
PAGE_CACHE_SHARED_MAX_AGE = int(os.environ.get("PAGE_CACHE_SHARED_MAX_AGE", "3600" if WAGTAILFRONTENDCACHE else "60"))

# Search counts for 'What people searched for' (search/log.py): Redis when it is set, otherwise
# append-only files shared by every process and the fold_search_counts cron job. No database
# write per search either way.
SEARCH_COUNTS_REDIS_URL = os.environ.get("SEARCH_COUNTS_REDIS_URL", REDIS_URL)
SEARCH_COUNTS_KEY_PREFIX = os.environ.get("SEARCH_COUNTS_KEY_PREFIX", "localoffer:searchcounts")
SEARCH_COUNTS_DIR = os.environ.get("SEARCH_COUNTS_DIR", str(BASE_DIR / "var" / "search-counts"))

# Rate limits (django-ratelimit) count in the default cache. Redis shares the count between
# processes; the local-memory cache of the embedded default counts per process, which is
# enough for a single `runserver` and is why its check is silenced when Redis is not set.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_VIEW = "home.views.rate_limited"
if not REDIS_URL:
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# If the cache (Redis) is down, rate limits let visitors through rather than refuse everyone
# (fail open), and django-redis logs each error it ignored (logger "django_redis.cache").
RATELIMIT_FAIL_OPEN = True
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "django_redis.cache"

# --- Passwords and sign-in ------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and time ----------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True

# The council's languages (docs/adopting.md, 'Other languages'): LOCALOFFER_LANGUAGES lists
# language codes, English first and always there. Each other language is served under its own
# prefix (/cy/, /ur/), English at the root. Names are in their own language, for the switcher.
LANGUAGE_NAMES = {
    "en-gb": "English",
    "cy": "Cymraeg",
    "ur": "اردو",
    "pl": "Polski",
    "ro": "Română",
    "pa": "ਪੰਜਾਬੀ",
    "bn": "বাংলা",
    "ar": "العربية",
    "so": "Soomaali",
    "gu": "ગુજરાતી",
    "pt": "Português",
    "es": "Español",
    "fr": "Français",
    "zh-hans": "简体中文",
}


def council_languages(codes):
    """[(code, name)] for the codes given, English first, each once. A code without a known
    name uses Django's own name for it (`get_language_info`)."""
    from django.conf.locale import LANG_INFO

    result = [(LANGUAGE_CODE, LANGUAGE_NAMES[LANGUAGE_CODE])]
    for code in (code.lower() for code in codes):
        if code in dict(result):
            continue
        if code not in LANGUAGE_NAMES and code not in LANG_INFO:
            raise ValueError(f"LOCALOFFER_LANGUAGES: unknown language code {code!r}")
        result.append((code, LANGUAGE_NAMES.get(code) or LANG_INFO[code]["name_local"]))
    return result


LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = council_languages(env_list("LOCALOFFER_LANGUAGES", LANGUAGE_CODE))
WAGTAIL_I18N_ENABLED = True
# A new translation starts as a draft, even of a live page: it shows in its language only when an
# editor publishes it (wagtail-localize would otherwise publish the English words under /cy/ at
# once). No machine translator is configured: editors translate in the admin or with PO files.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Plain words for some of Wagtail's admin labels ('Slug', 'Cancel workflow', 'Aging pages').
LOCALE_PATHS = [BASE_DIR / "localoffer" / "locale"]
USE_TZ = True

# --- Static and media files -----------------------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "static_build"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Local Offer")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "xls", "ods", "csv", "txt", "pptx", "rtf"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# No avatars from gravatar.com: it would tell a third party who is signed in to the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Who owns the content the portal ships (home/owners.py): a username. The account is made as a
# role (no password, cannot sign in) if it does not exist yet.
LOCALOFFER_CONTENT_OWNER = os.environ.get("LOCALOFFER_CONTENT_OWNER", "local-offer-team")
LOCALOFFER_CONTENT_OWNER_NAME = os.environ.get("LOCALOFFER_CONTENT_OWNER_NAME", "Local Offer team")
LOCALOFFER_CONTENT_OWNER_EMAIL = os.environ.get("LOCALOFFER_CONTENT_OWNER_EMAIL", "")

# Editorial workflow (docs/editors.md): every change goes through the 'Moderators approval'
# workflow; editors may lock pages; moderation emails go to the people involved.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_UNSAFE_PAGE_DELETION_LIMIT = 10
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# 'Is this page useful?' comments are deleted after this many days by `delete_old_feedback`.
FEEDBACK_RETENTION_DAYS = int(os.environ.get("FEEDBACK_RETENTION_DAYS", "365"))
# How many 'Is this page useful?' answers one visitor may send (django-ratelimit rate).
FEEDBACK_RATE_LIMIT = os.environ.get("FEEDBACK_RATE_LIMIT", "10/m")
# Content due for review: items whose 'review by' date is within this many days count as soon due.
REVIEW_DUE_SOON_DAYS = int(os.environ.get("REVIEW_DUE_SOON_DAYS", "30"))

# Search: Wagtail's database backend needs no other server. With ELASTICSEARCH_URL set, the
# search app's backend settings switch to Elasticsearch (see search/backends.py).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "english",
    }
}
if ELASTICSEARCH_URL:
    # Wagtail's elasticsearch9 backend with English stemming and the glossary's synonyms
    # (search/backends.py). In Wagtail 8 the index name setting is INDEX_PREFIX (was INDEX).
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "localoffer_"),
            "TIMEOUT": int(os.environ.get("ELASTICSEARCH_TIMEOUT", "5")),
            # update_index builds a new index and then moves the alias to it, so searches keep
            # working during a rebuild.
            "ATOMIC_REBUILD": True,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
SEARCH_RATE_LIMIT = os.environ.get("SEARCH_RATE_LIMIT", "60/m")  # searches per visitor (IP address)

# --- Email ----------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "local-offer@localhost")

# --- Security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # GOV.UK Frontend forms post normally; no JS reads the token.

# Content-Security-Policy (django-csp 4): nothing but this site's own files; no inline script
# or style anywhere on public pages. JSON-LD (<script type="application/ld+json">) is data, not
# script, so it is not blocked. The Wagtail admin needs inline script, so it is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    },
}

# Permissions-Policy (django-permissions-policy): no page needs these browser features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Sign-in lockout (django-axes): 5 failed attempts for one username from one IP address lock
# that pair for an hour. The message is the same whether or not the account exists.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(hours=int(os.environ.get("AXES_COOLOFF_HOURS", "1")))
# A sign-in succeeds only when both factors have: the two-factor pages clear the failures then
# (localoffer/twofactor/views.py), so a right password alone can't reset the count of wrong codes.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_COOLOFF_MESSAGE = "Too many failed attempts to sign in. Wait an hour, then try again."

# Two-factor sign-in (django-otp): required for Administrators and Moderators; for Editors while
# TWO_FACTOR_FOR_EDITORS is on (the default). Failed codes count towards the lockout above.
TWO_FACTOR_REQUIRED = True
TWO_FACTOR_FOR_EDITORS = os.environ.get("TWO_FACTOR_FOR_EDITORS", "true").lower() != "false"
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Documents: only these types upload (no HTML or SVG: they could run script on this site's
# address). They are served through Wagtail's view; only PDF and plain text open in the
# browser, everything else downloads as an attachment.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
