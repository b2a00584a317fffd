"""``manage.py portfolio_refresh``: bring every organisation's portfolio summaries up to date.

A portfolio refreshes what changed when it is read, which is cheap for the few projects edited
since; after a large import, or a migration that drops the summaries (they are derived data),
run this once so that no reader waits for thousands of summaries at once.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from stuurknop.web.accounts.models import Organisation
from stuurknop.web.portfolio.selectors import refresh_stale


class Command(BaseCommand):
    help = "Bring every organisation's portfolio summaries up to date (after an import)."

    def handle(self, *args: Any, **options: Any) -> None:
        done = 0
        for organisation in Organisation.objects.order_by("pk").iterator():
            done += refresh_stale(organisation)
        self.stdout.write(f"Portefeuilles bijgewerkt: {done} projecten opnieuw samengevat.")
