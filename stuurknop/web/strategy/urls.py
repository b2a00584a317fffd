"""The strategy pages' URLs."""

from stuurknop.web.strategy.views import urlpatterns

__all__ = ["urlpatterns"]
