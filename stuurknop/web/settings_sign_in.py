"""Settings of signing in, imported by :mod:`stuurknop.web.settings`: the throttle on wrong
passwords (django-axes), two-factor sign-in (django-otp) and single sign-on (OpenID Connect,
mozilla-django-oidc-db). Read from the environment like all settings (``.env.example``).
"""

from __future__ import annotations

from datetime import timedelta

from stuurknop.web.env import env_bool, env_int

# Throttled sign-in (django-axes): after STUURKNOP_LOGIN_FAILURE_LIMIT wrong passwords for one
# user name from one address, that pair is locked for STUURKNOP_LOGIN_LOCKOUT_MINUTES, even
# with the right password. Also locked: an address after failures on many names
# (STUURKNOP_LOGIN_FAILURE_LIMIT_PER_ADDRESS), and a name after failures from many addresses
# (STUURKNOP_LOGIN_FAILURE_LIMIT_PER_USERNAME). Each pair adds at most its own limit to those
# two counts, so one attacker at one address cannot lock a colleague out everywhere (the
# handler, stuurknop.web.accounts.throttle.LoginThrottleHandler, says why these numbers).
# The axes backend must come first: it refuses before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("STUURKNOP_LOGIN_FAILURE_LIMIT", 5, minimum=1, maximum=100)
AXES_COOLOFF_TIME = timedelta(
    minutes=env_int("STUURKNOP_LOGIN_LOCKOUT_MINUTES", 15, minimum=1, maximum=24 * 60)
)
LOGIN_FAILURE_LIMIT_PER_ADDRESS = env_int(
    "STUURKNOP_LOGIN_FAILURE_LIMIT_PER_ADDRESS", 20, minimum=1, maximum=1000
)
LOGIN_FAILURE_LIMIT_PER_USERNAME = env_int(
    "STUURKNOP_LOGIN_FAILURE_LIMIT_PER_USERNAME", 30, minimum=1, maximum=1000
)
# The three combinations the handler counts, each against its own limit above.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address", "username"]
AXES_HANDLER = "stuurknop.web.accounts.throttle.LoginThrottleHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "stuurknop.web.accounts.throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "stuurknop.web.accounts.throttle.client_ip"
# Only failures are needed for throttling; a log of every sign-in with its address would be
# personal data kept for no purpose.
AXES_DISABLE_ACCESS_LOG = True

# Two-factor sign-in (TOTP) is required for staff always, and for the beheerders of projects
# when this is on (stuurknop.web.accounts.two_factor). The apps show "Stuurknop" as issuer.
TWO_FACTOR_FOR_BEHEERDERS = env_bool("STUURKNOP_TWO_FACTOR_FOR_BEHEERDERS", False)
OTP_TOTP_ISSUER = "Stuurknop"

# Single sign-on (OpenID Connect) with mozilla-django-oidc-db: the provider and client are
# configured in the admin, no restart needed. For a shared installation on PostgreSQL only
# (settings.py adds these apps there): the library keeps lists in PostgreSQL array fields, which
# SQLite cannot create; the embedded default keeps local accounts. PKCE always (RFC 9700); a
# user is made on the first sign-in and matched on the `sub` claim afterwards.
SINGLE_SIGN_ON_APPS = ["django_jsonform", "mozilla_django_oidc", "mozilla_django_oidc_db"]
# Only ever answers the OpenID Connect callback (a state and a code).
SINGLE_SIGN_ON_BACKEND = "stuurknop.web.accounts.oidc_backend.StuurknopOIDCBackend"
OIDC_USE_PKCE = True
OIDC_AUTHENTICATE_CLASS = "stuurknop.web.accounts.oidc_callback.OIDCLoginStart"
OIDC_CALLBACK_CLASS = "mozilla_django_oidc_db.views.OIDCCallbackView"
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
OIDC_CREATE_USER = True
OIDC_TIMEOUT = env_int("STUURKNOP_OIDC_TIMEOUT", 10, minimum=1, maximum=120)
