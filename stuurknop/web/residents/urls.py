"""The residents' questionnaire: the public form and its management by the project."""

from django.urls import path

from stuurknop.web.residents.views.manage import (
    residents_close,
    residents_create,
    residents_manage,
    residents_new_link,
    residents_open,
    residents_poster,
    residents_take_in,
)
from stuurknop.web.residents.views.public import residents_form, residents_thanks
from stuurknop.web.residents.views.rounds import residents_round_close, residents_round_start

urlpatterns = [
    path("projecten/<int:project_id>/bewoners/", residents_manage, name="residents_manage"),
    path("projecten/<int:project_id>/bewoners/maken/", residents_create, name="residents_create"),
    path("projecten/<int:project_id>/bewoners/openen/", residents_open, name="residents_open"),
    path("projecten/<int:project_id>/bewoners/sluiten/", residents_close, name="residents_close"),
    path(
        "projecten/<int:project_id>/bewoners/nieuwe-link/",
        residents_new_link,
        name="residents_new_link",
    ),
    path(
        "projecten/<int:project_id>/bewoners/verwerken/",
        residents_take_in,
        name="residents_take_in",
    ),
    path(
        "projecten/<int:project_id>/bewoners/poster.pdf",
        residents_poster,
        name="residents_poster",
    ),
    path(
        "projecten/<int:project_id>/bewoners/rondes/starten/",
        residents_round_start,
        name="residents_round_start",
    ),
    path(
        "projecten/<int:project_id>/bewoners/rondes/<int:round_id>/sluiten/",
        residents_round_close,
        name="residents_round_close",
    ),
    # The public link: only the token, nothing about the project.
    path("bewoners/<slug:questionnaire_token>/", residents_form, name="residents_form"),
    path("bewoners/<slug:questionnaire_token>/bedankt/", residents_thanks, name="residents_thanks"),
]
