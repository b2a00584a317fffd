"""No cache outside the server keeps a page: every page may hold a project's data.

Static files (served by WhiteNoise, before this middleware) keep their own long-lived caching.
Everything else that does not say otherwise is ``private, no-store``: no shared proxy may keep
it, and neither may the browser's disk (a shared computer in a community centre).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import patch_cache_control


class NoStoreMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response
