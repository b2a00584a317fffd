"""The jobs' URLs."""

from stuurknop.web.jobs.views import urlpatterns

__all__ = ["urlpatterns"]
