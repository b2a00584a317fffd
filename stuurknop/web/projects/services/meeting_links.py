"""What a decision refers to must stay there: when the last cost item or funding line of an id
leaves the project (deleted, or with its scenario), its id leaves the decisions' lists too, in
the same write and in the same log entry, so that no delete leaves an invalid project.

A party cannot be deleted today; should that come, the parties that decided are pruned here
the same way (a point's or action's party is a foreign key that refuses the delete until the
writer clears it). A meeting, point or decision that others came from is refused by its
foreign keys.
"""

from __future__ import annotations

from django.db.models import F

from stuurknop.projectfile.schema import LogChange
from stuurknop.web.projects.entities import DECISION_ROW, row_data
from stuurknop.web.projects.models import CostItem, Decision, FundingLine, Project
from stuurknop.web.projects.services.log import field_changes


def decisions_pruned(project: Project) -> list[LogChange]:
    """Remove from every decision of ``project`` the cost items and funding lines no scenario
    has any more (and parties the project no longer has); the changes made (none when nothing
    referred to them)."""
    costs = set(CostItem.objects.filter(scenario__project=project).values_list("key", flat=True))
    lines = set(FundingLine.objects.filter(scenario__project=project).values_list("key", flat=True))
    parties = set(project.parties.values_list("key", flat=True))
    changes: list[LogChange] = []
    for decision in Decision.objects.filter(project=project).select_related("meeting", "point"):
        kept_costs = [k for k in decision.cost_items if k in costs]
        kept_lines = [k for k in decision.funding_lines if k in lines]
        kept_by = [k for k in decision.decided_by if k in parties]
        kept = {"cost_items": kept_costs, "funding_lines": kept_lines, "decided_by": kept_by}
        if all(getattr(decision, name) == value for name, value in kept.items()):
            continue
        old = row_data(DECISION_ROW, decision)
        Decision.objects.filter(pk=decision.pk).update(**kept, version=F("version") + 1)
        for name, value in kept.items():
            setattr(decision, name, value)
        changes += field_changes(
            entity=DECISION_ROW.log,
            key=decision.key,
            old=old,
            new=row_data(DECISION_ROW, decision),
        )
    return changes
