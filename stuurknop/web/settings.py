"""Django settings for the Stuurknop web app: every deployment choice comes from the environment.

Read through :mod:`stuurknop.web.env`, which rejects bad values with ``ImproperlyConfigured``;
``.env.example`` documents each variable (a test keeps the two in step). Production is the
default: ``STUURKNOP_DEV=1`` opts into the conveniences of a developer's machine.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
import django_stubs_ext
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from stuurknop.web.api import config as api_config
from stuurknop.web.env import env_bool, env_int, env_list, env_str
from stuurknop.web.jobs.conf import *  # noqa: F403 (TASKS, JOB_*: the background jobs)

# Django's generic classes accept their type parameters at run time (ModelAdmin[Project]).
django_stubs_ext.monkeypatch()

WEB_DIR = Path(__file__).resolve().parent
BASE_DIR = WEB_DIR.parent.parent

DEV = env_bool("STUURKNOP_DEV", False)
DEBUG = env_bool("DEBUG", DEV)

if DEV:
    # Only ever used on a developer's machine; production must bring its own (required below).
    SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-0123456789-abcdefghijklmnopqrstuv")
else:
    SECRET_KEY = env_str("SECRET_KEY")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ("localhost", "127.0.0.1", "[::1]") if DEV else ())
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required outside STUURKNOP_DEV=1.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

VAR_DIR = Path(env_str("STUURKNOP_VAR_DIR", str(BASE_DIR / "var")))

INSTALLED_APPS = [
    # Daphne first: `runserver` then serves the ASGI application, WebSockets included.
    "daphne",
    "stuurknop.web.accounts",
    "stuurknop.web.projects",
    "stuurknop.web.live",
    "stuurknop.web.residents",
    "stuurknop.web.portfolio",
    "stuurknop.web.jobs",
    "stuurknop.web.strategy",
    # manage.py demo (refused outside STUURKNOP_DEV=1); above the other apps, none imports it.
    "stuurknop.web.demo",
    # Django's admin, with a site that also shows the model content (staff only).
    "stuurknop.web.accounts.admin_site.StuurknopAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "channels",
    # Two-factor sign-in: TOTP apps and single-use recovery codes (stuurknop.web.accounts).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Background jobs: Django's tasks framework (backport) and its database backend.
    "django_tasks",
    "django_tasks_db",
    # The JSON API (/api/v1/), its OpenAPI schema and Swagger UI from our own static files.
    *("rest_framework", "drf_spectacular", "drf_spectacular_sidecar", "stuurknop.web.api"),
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages and downloads hold project data: private, no-store unless a view says otherwise.
    "stuurknop.web.no_store.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, led by the language switcher only (not the browser).
    "stuurknop.web.accounts.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Secure by default: every page needs a login unless its view says @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Two-factor sign-in: whether this session passed the second step, and who must pass it.
    "django_otp.middleware.OTPMiddleware",
    "stuurknop.web.accounts.two_factor_middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "stuurknop.web.urls"
WSGI_APPLICATION = "stuurknop.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL=postgres://… selects PostgreSQL.
_DEFAULT_SQLITE = VAR_DIR / "stuurknop.sqlite3"
_database_url = env_str("DATABASE_URL", f"sqlite:///{_DEFAULT_SQLITE}")
try:
    _database = dj_database_url.parse(
        _database_url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0, minimum=0)
    )
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL cannot be read: {exc}") from None
if _database.get("ENGINE") not in (
    "django.db.backends.sqlite3",
    "django.db.backends.postgresql",
):
    raise ImproperlyConfigured("DATABASE_URL must be a sqlite:// or postgres:// URL.")
if _database["ENGINE"] == "django.db.backends.sqlite3" and _database["NAME"] == str(
    _DEFAULT_SQLITE
):
    # SQLite cannot create the folder of its file; do it for the default only.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
if _database["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead logging: readers never wait for a writer, and a commit costs one sync instead
    # of several (a live session stores a vote per tap). Durable across power loss up to the
    # last checkpoint with synchronous=NORMAL, which is SQLite's advice for WAL.
    _database.setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    # One writer at a time, and a writer waits its turn instead of failing. Django's
    # transactions start deferred (as readers); a reader that then writes while someone else
    # committed gets "database is locked" at once, without waiting (24 editors saving one
    # knob and its cost items: 38 % of saves answered 500 under gunicorn 4×4). BEGIN
    # IMMEDIATE takes the write lock up front, where the busy timeout applies: 0 errors, and
    # the longest wait seen on two busy cores was between 1 and 2 s. 20 s leaves room for
    # heavier load and stays under gunicorn's 30 s worker timeout.
    # (tests/web/test_concurrency.py, benchmarks/bench_concurrency.py)
    _database["OPTIONS"] |= {"transaction_mode": "IMMEDIATE", "timeout": 20}
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds analyses and charts per project revision. In-memory per process by default;
# REDIS_URL=redis://host:6379/0 shares it between server processes.
_redis_url = env_str("REDIS_URL", "")
_cache_prefix = env_str("CACHE_KEY_PREFIX", "stuurknop")
if _redis_url:
    if not _redis_url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured("REDIS_URL must be a redis://, rediss:// or unix:// URL.")
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _redis_url,
            "KEY_PREFIX": _cache_prefix,
            "TIMEOUT": 3600,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "KEY_PREFIX": _cache_prefix,
            "TIMEOUT": 3600,
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }

# Live sessions (WebSockets through Channels): the channel layer carries votes to the beamer.
# In the memory of the one server process by default; CHANNELS_REDIS_URL (default: REDIS_URL)
# lets several server processes share sessions through Redis.
ASGI_APPLICATION = "stuurknop.web.asgi.application"
_channels_redis_url = env_str("CHANNELS_REDIS_URL", _redis_url)
if _channels_redis_url:
    if not _channels_redis_url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            "CHANNELS_REDIS_URL must be a redis://, rediss:// or unix:// URL."
        )
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [_channels_redis_url], "prefix": f"{_cache_prefix}:channels"},
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "stuurknop.web.accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "project_list"
LOGOUT_REDIRECT_URL = "login"
# A reset link works for a day (Django's default is three).
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60

# Signing in: throttling (django-axes), two-factor (django-otp) and single sign-on (OpenID
# Connect), in their own module. Single sign-on needs PostgreSQL (it says why).
from stuurknop.web.settings_sign_in import *  # noqa: E402, F403

SINGLE_SIGN_ON = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if SINGLE_SIGN_ON:
    INSTALLED_APPS += SINGLE_SIGN_ON_APPS  # noqa: F405
    AUTHENTICATION_BACKENDS.append(SINGLE_SIGN_ON_BACKEND)  # noqa: F405

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [WEB_DIR / "locale"]
USE_I18N = True
TIME_ZONE = env_str("TIME_ZONE", "Europe/Amsterdam")
USE_TZ = True
# The language switcher stores the choice in this cookie (not readable by scripts).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [WEB_DIR / "static"]
if DEV:
    # Development serves static files from the apps; an empty STATIC_ROOT keeps WhiteNoise
    # from warning on every start that it does not exist (production runs collectstatic).
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Uploaded files (a finding's file of the evidence), kept by their SHA-256 under this folder.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Secure cookies and HTTPS whenever this is not a developer's machine.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Preloading commits the whole domain to HTTPS for browsers everywhere, for months: the
# operator's decision (SECURE_HSTS_PRELOAD=1), never a default, so its warning is silenced.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
BEHIND_PROXY = env_bool("STUURKNOP_BEHIND_PROXY", False)
if BEHIND_PROXY:
    # Only behind a proxy that sets this header itself; otherwise clients could spoof HTTPS.
    # The sign-in throttle then also takes the client's address from X-Forwarded-For
    # (stuurknop.web.accounts.throttle.client_ip).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# A form refused by the CSRF check gets a Dutch page saying what to do (not Django's own).
CSRF_FAILURE_VIEW = "stuurknop.web.accounts.csrf.csrf_failure"

# A strict policy: no inline script or style, no third-party origin (public-sector deployments
# forbid third-party requests). htmx is served from our own static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Mail (password reset links): to the console on a developer's machine, by SMTP otherwise.
_EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
}
_email_backend = env_str("EMAIL_BACKEND", "console" if DEV else "smtp")
if _email_backend in _EMAIL_BACKENDS:
    EMAIL_BACKEND = _EMAIL_BACKENDS[_email_backend]
elif "." in _email_backend:
    EMAIL_BACKEND = _email_backend  # the dotted path of another backend
else:
    raise ImproperlyConfigured(
        f"EMAIL_BACKEND={_email_backend!r} is not smtp, console or a dotted import path."
    )
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL are both on; choose one.")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10, minimum=1, maximum=300)
_mail_host = ALLOWED_HOSTS[0].lstrip(".")
if _mail_host in ("*", "") or _mail_host.startswith("["):
    _mail_host = "localhost"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", f"Stuurknop <noreply@{_mail_host}>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Where the accessibility statement (toegankelijkheidsverklaring) tells people to report a
# problem; empty: "the beheerder of Stuurknop in your organisation".
ACCESSIBILITY_CONTACT_EMAIL = env_str("STUURKNOP_ACCESSIBILITY_CONTACT_EMAIL", "")

# How long an invitation link to a project stays valid.
INVITATION_DAYS = env_int("STUURKNOP_INVITATION_DAYS", 14, minimum=1, maximum=90)

# The JSON API (stuurknop.web.api): calls per token, and DRF's and drf-spectacular's settings.
STUURKNOP_API_RATE = api_config.api_rate(env_str("STUURKNOP_API_RATE", "600/minute"))
REST_FRAMEWORK = api_config.REST_FRAMEWORK
SPECTACULAR_SETTINGS = api_config.SPECTACULAR_SETTINGS

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO").upper()},
}
