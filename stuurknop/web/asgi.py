"""ASGI entry point (live sessions will need it): ``uvicorn stuurknop.web.asgi:application``."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stuurknop.web.settings")
application = get_asgi_application()
