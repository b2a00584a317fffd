"""The project pages' URLs: the ``urlpatterns`` of every view module, joined."""

from stuurknop.web.projects.views import (
    actuals,
    checks,
    commitments,
    common,
    decisions,
    documents,
    evidence,
    history,
    indicators,
    lessons,
    library,
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
    *indicators.urlpatterns,  # before evidence: "indicator/…" is not a value
    *library.urlpatterns,
    *evidence.urlpatterns,
    *money.urlpatterns,
    *commitments.urlpatterns,
    *actuals.urlpatterns,
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
