"""The site's production settings, with the benchmark's URLs (the site's plus a bare view).

Only ``bench_web`` uses this module (``DJANGO_SETTINGS_MODULE=bench_settings``), so the site
itself never routes the bare view.
"""

from stuurknop.web.settings import *  # noqa: F403 - the real settings, unchanged

ROOT_URLCONF = "bench_urls"
