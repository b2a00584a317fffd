"""``manage.py demo``: a local demo with example projects, in one command."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from stuurknop.web.demo.loader import load_demo
from stuurknop.web.jobs.worker import start_worker_thread


class Command(BaseCommand):
    help = (
        "Migrate the database, load demo organisations, users and the example projects, and "
        "start the development server with a job worker beside it. Only with STUURKNOP_DEV=1."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000, help="Port (default 8000).")
        parser.add_argument(
            "--addr", default="127.0.0.1", help="Address to listen on (default 127.0.0.1)."
        )
        parser.add_argument(
            "--no-server", action="store_true", help="Load the demo, but start no server."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEV:
            # The demo users have printed passwords: never on a real installation.
            raise CommandError("The demo runs only on a development set-up (STUURKNOP_DEV=1).")
        call_command("migrate", interactive=False, verbosity=0)
        summary = load_demo()
        address = f"http://{options['addr']}:{options['port']}/"
        write = self.stdout.write
        write(f"Stuurknop-demo: {address}")
        write(f"Database: {settings.DATABASES['default']['NAME']}")
        write("Projecten: " + (", ".join(summary.projects) or "(geen voorbeeldprojecten)"))
        write("Inloggen als:")
        for username, password, what in summary.logins:
            write(f"  {username:<6} wachtwoord {password}  ({what})")
        if not options["no_server"]:
            # The embedded default needs no extra service: a job worker (documents) runs as a
            # thread beside the server, on the same database.
            start_worker_thread()
            write("Achtergrondtaken (documenten): een verwerker draait in dit proces.")
            call_command("runserver", f"{options['addr']}:{options['port']}", use_reloader=False)
