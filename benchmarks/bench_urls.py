"""The site's URLs plus a bare view: the benchmark's baseline for what Django itself costs."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def bare(request: HttpRequest) -> HttpResponse:
    """Through the same middleware as every page (session, login, CSP …), and nothing else."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("", include("stuurknop.web.urls")),
]
