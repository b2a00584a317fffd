"""The page for a form refused by Django's CSRF check: in Dutch, saying what to do.

Django's own page is English and written for developers; residents filling in the public
questionnaire with cookies off would see it otherwise.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


@login_not_required
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return HttpResponse(render_to_string("403_csrf.html", request=request), status=403)
