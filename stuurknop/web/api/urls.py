"""``/api/v1/``: the JSON API, its OpenAPI schema and its documentation page."""

from __future__ import annotations

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from stuurknop.web.api import (
    document_views,
    effect_settings_views,
    effect_views,
    evidence_views,
    lifecycle_views,
    measurement_views,
    organisation_views,
    part_views,
    perspective_views,
    project_views,
    read_views,
    row_views,
    setting_views,
)

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Split: the page's script is a file of ours, not inline, so the strict CSP holds.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
    path("projects/", project_views.projects, name="project_list"),
    path("projects/<int:project_id>/", project_views.project_detail, name="project_detail"),
    path(
        "projects/<int:project_id>/scenarios/<int:scenario_id>/analysis/",
        project_views.scenario_analysis,
        name="scenario_analysis",
    ),
    path("projects/<int:project_id>/history/", project_views.project_history, name="history"),
    path("", include(part_views.urlpatterns)),
    path("", include(lifecycle_views.urlpatterns)),
    path("", include(row_views.urlpatterns)),
    path("", include(setting_views.urlpatterns)),
    path("", include(read_views.urlpatterns)),
    path("", include(perspective_views.urlpatterns)),
    path("", include(document_views.urlpatterns)),
    path("", include(effect_views.urlpatterns)),
    path("", include(effect_settings_views.urlpatterns)),
    path("", include(measurement_views.urlpatterns)),
    path("", include(evidence_views.urlpatterns)),
    path("", include(organisation_views.urlpatterns)),
]
