"""The request types the views see, as the middleware and the decorators leave them.

django-stubs types ``request.user`` as a user or an anonymous visitor, and knows nothing of the
attributes middleware adds. A view behind ``login_required`` (directly or through
:func:`stuurknop.web.projects.permissions.project_role`) declares :class:`AuthenticatedHttpRequest`,
the pattern django-stubs documents; a public view that reads ``request.htmx`` declares
:class:`HtmxHttpRequest`.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """Any request: django-htmx's middleware (in every deployment's MIDDLEWARE) sets ``htmx``."""

    htmx: HtmxDetails


class AuthenticatedHttpRequest(HtmxHttpRequest):
    """A request that passed ``login_required``: its user is signed in."""

    user: User
