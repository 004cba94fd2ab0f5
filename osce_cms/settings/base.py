"""Settings shared by every environment, read from environment variables.

Development defaults apply only when DEBUG is on; production must set SECRET_KEY and
ALLOWED_HOSTS (see README, "Configuration").
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from osce_cms.cache import caches_for

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Background work (django.tasks). The database queue needs nothing but the database; on larger
# installations a Redis queue can replace it (README, "Background work").
TASKS_QUEUE = os.environ.get("TASKS_QUEUE", "database")
if TASKS_QUEUE == "database":
    TASKS_APPS = ["django_tasks_db"]
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
elif TASKS_QUEUE == "redis":
    TASKS_APPS = ["django_tasks_redis"]
    TASKS = {
        "default": {
            "BACKEND": "django_tasks_redis.RedisTaskBackend",
            "QUEUES": ["default"],
            "OPTIONS": {"REDIS_URL": os.environ.get("TASKS_REDIS_URL", "redis://127.0.0.1:6379/1")},
        }
    }
else:
    raise ImproperlyConfigured("TASKS_QUEUE must be “database” or “redis”.")
# A failed task is tried again this many times, waiting TASK_RETRY_SECONDS, then twice as long...
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", "5"))
TASK_RETRY_SECONDS = int(os.environ.get("TASK_RETRY_SECONDS", "60"))

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, whose forms it extends
    "osce_cms.apps.SiteAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "mptt",
    "django_filters",
    "django_prose_editor",
    "axes",
    *TASKS_APPS,
    "rest_framework",
    "rest_framework_api_key",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "osce_cms",
    "api",
    "editorial",
    "taxonomy",
    "press",
    "documents",
    "alerts",
    "meetings",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "osce_cms.middleware.ContentSecurityPolicyMiddleware",
    "osce_cms.middleware.RejectNulCharacterMiddleware",
    "osce_cms.caching.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "osce_cms.middleware.AdminLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "osce_cms.urls"
WSGI_APPLICATION = "osce_cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers (several editors, gunicorn workers) queue for the write lock instead of
    # failing with "database is locked": every transaction takes it at BEGIN (a deferred one
    # that reads first cannot wait for it), waits up to 20 s, and readers never block the writer.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }

REDIS_URL = os.environ.get("REDIS_URL", "")
# Redis when REDIS_URL is set (a server that is down costs speed, never an answer), else memory.
CACHES = caches_for(REDIS_URL, os.environ.get("CACHE_KEY_PREFIX", "osce"))

SESSION_ENGINE = os.environ.get("SESSION_ENGINE", "django.contrib.sessions.backends.db")

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Lock the combination of account and address, not a whole office behind one address.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
# The languages content may be written in: the interface languages and the local languages of
# the field operations. A page in a local language keeps the visitor's interface language and
# marks its content with ``lang`` (editorial/translations.py).
CONTENT_LANGUAGES = [
    *LANGUAGES,
    ("sq", _("Albanian")),
    ("hy", _("Armenian")),
    ("bs", _("Bosnian")),
    ("ka", _("Georgian")),
    ("kk", _("Kazakh")),
    ("ky", _("Kyrgyz")),
    ("mk", _("Macedonian")),
    ("ro", _("Romanian")),
    ("sr", _("Serbian")),
    ("tg", _("Tajik")),
    ("tr", _("Turkish")),
    ("uk", _("Ukrainian")),
    ("uz", _("Uzbek")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Translated navigation (taxonomy/translation.py): a column per language; an empty one shows the
# English text, which templates mark with lang="en".
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
MODELTRANSLATION_CUSTOM_FIELDS = ("RichTextField",)
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"  # slugs are not translated: from the English name
# Day-first dates in English; the other languages use Django's own formats.
FORMAT_MODULE_PATH = ["osce_cms.formats"]
TIME_ZONE = "Europe/Vienna"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if os.environ.get("MEDIA_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "osce_cms.storage.MediaS3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_S3_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# Upload limits; images are also checked by decoding with Pillow (press/images.py).
DATA_UPLOAD_MAX_NUMBER_FILES = 20
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
IMAGE_MAX_BYTES = int(os.environ.get("IMAGE_MAX_BYTES", 10 * 1024 * 1024))
IMAGE_MAX_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", 40_000_000))
# PDF documents are also parsed and rewritten in a bounded child process (osce_cms/pdfs.py).
DOCUMENT_MAX_BYTES = int(os.environ.get("DOCUMENT_MAX_BYTES", 20 * 1024 * 1024))
DOCUMENT_MAX_PAGES = int(os.environ.get("DOCUMENT_MAX_PAGES", 2000))

# Console mail in development only; with DEBUG off the default is SMTP (check --deploy insists).
EMAIL_BACKEND_NAME = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_NAME, "OPTIONS": {}}}
if EMAIL_BACKEND_NAME.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("EMAIL_PORT", "25")),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
        "timeout": int(os.environ.get("EMAIL_TIMEOUT", "30")),
    }
elif EMAIL_BACKEND_NAME.endswith("filebased.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "file_path": os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

SITE_SHORT_NAME = os.environ.get("SITE_SHORT_NAME", "OSCE")
# Scheme and host of the site as the public and staff reach it: every link in an e-mail is
# made absolute with it (osce_cms.links.absolute_url). `make run` sets it from HOST and PORT.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# E-mail alerts: digests go out at this hour (site time; weekly ones on Mondays); sign-ups
# allowed per address and per client address within an hour.
ALERTS_DIGEST_HOUR = int(os.environ.get("ALERTS_DIGEST_HOUR", "7"))
ALERTS_SIGNUPS_PER_ADDRESS = int(os.environ.get("ALERTS_SIGNUPS_PER_ADDRESS", "3"))
ALERTS_SIGNUPS_PER_CLIENT = int(os.environ.get("ALERTS_SIGNUPS_PER_CLIENT", "20"))

# Anonymous page cache lifetime (seconds); content changes invalidate it at once.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Right after a change, a page's previous copy is served for at most this long while one request
# at a time renders the new one (osce_cms.caching); 0: every request renders its cold page.
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "20"))
HTTP_MAX_AGE = int(os.environ.get("HTTP_MAX_AGE", "60"))
HTTP_STALE_WHILE_REVALIDATE = int(os.environ.get("HTTP_STALE_WHILE_REVALIDATE", "30"))
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
# With Redis as the cache, a copy of the content generation kept there spares every cache hit a
# database query (osce_cms/generation_mirror.py); off where content is read from replicas.
PAGE_CACHE_GENERATION_MIRROR = env_bool("PAGE_CACHE_GENERATION_MIRROR", True)
# Never served from or stored into the page cache (besides logged-in visitors and POSTs).
PAGE_CACHE_EXCLUDED_PREFIXES = ["/admin/", "/i18n/"]
# Answer from the page cache themselves, after their own checks (the API's rate limits).
PAGE_CACHE_SELF_MANAGED_PREFIXES = ["/api/"]

# The read API (api/, docs/api.md): anonymous JSON reads, optional keys issued in the admin.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientOrKeyRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "client": os.environ.get("API_RATE_PER_CLIENT", "120/minute"),
        "key": os.environ.get("API_RATE_PER_KEY", "1200/minute"),
    },
    # Clients are told apart by REMOTE_ADDR alone unless a proxy is declared (as for axes).
    "NUM_PROXIES": int(os.environ.get("API_NUM_PROXIES", "0")),
    "DEFAULT_PAGINATION_CLASS": "api.pagination.KeysetPagination",
    "DEFAULT_FILTER_BACKENDS": ["api.filters.StrictFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "OSCE open data API",
    "DESCRIPTION": (
        "Read-only JSON of everything public on the site: press releases and the vocabularies "
        "(fields of work, countries, structures, places, meeting types). Lists take the same "
        "filters as the public pages and are paged by cursor (follow `next`). Anonymous use is "
        "rate-limited per client; partners may ask for an API key (higher limit), sent as "
        "`Authorization: Api-Key <key>`."
    ),
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # The two sets of language codes (a file's: the site's languages; a text's: every content
    # language), each named once in the schema.
    "ENUM_NAME_OVERRIDES": {
        "SiteLanguageEnum": LANGUAGES,
        "ContentLanguageEnum": CONTENT_LANGUAGES,
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_error_responses",
    ],
}
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *env_list("CSP_IMG_SRC")],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}
AXES_VERBOSE = False
