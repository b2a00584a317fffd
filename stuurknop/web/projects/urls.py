"""The project pages' URLs: the ``urlpatterns`` of every view module, joined."""

from stuurknop.web.projects.views import (
    checks,
    common,
    documents,
    history,
    knobs,
    members,
    money,
    perspectives,
    projects,
    scenarios,
    transfer,
    values,
)

urlpatterns = [
    *projects.urlpatterns,
    *common.urlpatterns,
    *knobs.urlpatterns,
    *values.urlpatterns,
    *money.urlpatterns,
    *checks.urlpatterns,
    *scenarios.urlpatterns,
    *history.urlpatterns,
    *members.urlpatterns,
    *transfer.urlpatterns,
    *documents.urlpatterns,
    *perspectives.urlpatterns,
]
