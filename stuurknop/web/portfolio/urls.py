"""The portfolio's URLs."""

from stuurknop.web.portfolio.views import urlpatterns

__all__ = ["urlpatterns"]
