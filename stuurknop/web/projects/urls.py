"""The project pages' URLs: the ``urlpatterns`` of every view module, joined."""

from stuurknop.web.projects.views import (
    checks,
    common,
    history,
    knobs,
    members,
    money,
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
]
