"""The two ends of a single sign-on in mozilla-django-oidc-db's views: the start, which sends
the browser to the provider (code flow with PKCE), and the way back with the code.

The way back is made all-or-nothing (no half-made user on an error) and every failure goes to
our Dutch page instead of a bare 400 or 500. Imported only where single sign-on is available
(PostgreSQL, see ``SINGLE_SIGN_ON`` in the settings).
"""

from __future__ import annotations

import logging

from django.core.exceptions import SuspiciousOperation, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from mozilla_django_oidc_db.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestInitView,
)
from requests import RequestException

logger = logging.getLogger(__name__)

OIDC_IDENTIFIER = "stuurknop-oidc"
# The session key under which the failure page finds what went wrong.
FAILURE_KEY = "stuurknop_oidc_failure"


class OIDCLoginStart(OIDCAuthenticationRequestInitView):
    """Send the browser to the organisation's identity provider."""

    identifier = OIDC_IDENTIFIER
    allow_next_from_query = True


class OIDCCallbackFinish(OIDCAuthenticationCallbackView):
    """mozilla-django-oidc's callback, atomic, with our failure page."""

    @property
    def failure_url(self) -> str:
        return reverse("oidc_failed")

    def get(self, request: HttpRequest) -> HttpResponse:
        try:
            with transaction.atomic():
                response: HttpResponse = super().get(request)
        except (SuspiciousOperation, IntegrityError, ValidationError, RequestException) as exc:
            # A token for another audience, a bad signature, a replayed state, a provider
            # that does not answer: logged for the operator, a plain message for the user.
            logger.warning("Single sign-on refused: %s", exc)
            request.session[FAILURE_KEY] = "refused"
            return HttpResponseRedirect(self.failure_url)
        return response


oidc_login_start = OIDCLoginStart.as_view()
oidc_callback_finish = OIDCCallbackFinish.as_view()
