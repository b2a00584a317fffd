"""``manage.py jobs_worker``: run queued jobs until stopped (SIGTERM: after the current job)."""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from stuurknop.web.jobs.worker import make_worker, start_sweeper


class Command(BaseCommand):
    help = (
        "Run background jobs (documents) from the queue in the database. Start as many as you "
        "like, on any machine that reaches the database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch", action="store_true", help="Run the jobs waiting now, then stop."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not logging.getLogger("django_tasks_db").hasHandlers():
            logging.getLogger("django_tasks_db").addHandler(logging.StreamHandler(self.stdout))
        logging.getLogger("django_tasks_db").setLevel(logging.INFO)
        worker = make_worker(batch=options["batch"])
        if not options["batch"]:
            start_sweeper(threading.Event())
        worker.configure_signals()
        worker.run()
