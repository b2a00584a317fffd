"""Pages about the account and the site: the password change and the accessibility statement."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format

# The day the statement was last checked against the tests it names; change it with them.
STATEMENT_DATE = date(2026, 12, 6)


@login_not_required
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    """The toegankelijkheidsverklaring, in the model format of digitoegankelijk.nl: public."""
    context = {
        "statement_date": date_format(STATEMENT_DATE, "j F Y"),
        "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
    }
    return render(request, "accounts/accessibility_statement.html", context)
