"""Writes to projects. Every function is keyword-only, checks the writer's role, runs in one
transaction, leaves a valid project document behind and appends to the project's log.
"""

from stuurknop.web.projects.services.imports import project_import, project_import_json
from stuurknop.web.projects.services.knobs import knob_setting_update
from stuurknop.web.projects.services.members import (
    invitation_accept,
    invitation_create,
    member_remove,
    member_role_set,
)
from stuurknop.web.projects.services.money import (
    cost_item_create,
    cost_item_delete,
    cost_item_update,
    funding_line_create,
    funding_line_delete,
    funding_line_update,
)
from stuurknop.web.projects.services.projects import (
    project_archive,
    project_basics_update,
    project_create,
    project_party_add,
    project_unarchive,
)
from stuurknop.web.projects.services.scenarios import (
    interest_set,
    scenario_create,
    scenario_update,
)

__all__ = [
    "cost_item_create",
    "cost_item_delete",
    "cost_item_update",
    "funding_line_create",
    "funding_line_delete",
    "funding_line_update",
    "interest_set",
    "invitation_accept",
    "invitation_create",
    "knob_setting_update",
    "member_remove",
    "member_role_set",
    "project_archive",
    "project_basics_update",
    "project_create",
    "project_import",
    "project_import_json",
    "project_party_add",
    "project_unarchive",
    "scenario_create",
    "scenario_update",
]
