"""Starting the web app from the ``stuurknop`` command line without a manage.py at hand.

Import-light on purpose: the CLI imports this only when asked to start the demo, so analysing
a file never loads Django.
"""

from __future__ import annotations

import os


def run_demo(*, port: int = 8000, addr: str = "127.0.0.1", serve: bool = True) -> None:
    """Set up a local development installation and run ``manage.py demo`` on ``port``."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stuurknop.web.settings")
    os.environ.setdefault("STUURKNOP_DEV", "1")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("demo", port=port, addr=addr, no_server=not serve)
