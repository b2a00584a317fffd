"""The project pages' URLs: the ``urlpatterns`` of every view module, joined."""

from stuurknop.web.projects.views import (
    checks,
    common,
    decisions,
    documents,
    history,
    lessons,
    meeting_edits,
    meetings,
    members,
    money,
    perspectives,
    projects,
    scenarios,
    transfer,
    values,
)
from stuurknop.web.projects.worksheet import views as worksheet

urlpatterns = [
    *projects.urlpatterns,
    *common.urlpatterns,
    *worksheet.urlpatterns,
    *values.urlpatterns,
    *money.urlpatterns,
    *checks.urlpatterns,
    *scenarios.urlpatterns,
    *history.urlpatterns,
    *members.urlpatterns,
    *transfer.urlpatterns,
    *documents.urlpatterns,
    *perspectives.urlpatterns,
    *meetings.urlpatterns,
    *decisions.urlpatterns,
    *lessons.urlpatterns,
    *meeting_edits.urlpatterns,
]
