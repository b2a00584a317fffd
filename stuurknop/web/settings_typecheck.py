"""The settings as mypy's Django plugin reads them: the developer defaults unless the shell says
otherwise.

The plugin imports the settings to learn the installed apps, the user model and the middleware.
Production settings rightly refuse to load without a SECRET_KEY, which a type check has no use
for, so that ``mypy`` works on a fresh machine and in an editor without any environment.
"""

from __future__ import annotations

import os

os.environ.setdefault("STUURKNOP_DEV", "1")

from stuurknop.web.settings import *  # noqa: F403
