"""The rows of a project. Each mirrors a part of the project document; see ``export.py``."""

from stuurknop.web.projects.models.actual import Actual
from stuurknop.web.projects.models.invitation import Invitation
from stuurknop.web.projects.models.lesson import Lesson
from stuurknop.web.projects.models.log import LogEntry
from stuurknop.web.projects.models.meeting import Action, AgendaPoint, Decision, Meeting
from stuurknop.web.projects.models.money import CostItem, FundingLine
from stuurknop.web.projects.models.project import Project, ProjectMember, ProjectParty
from stuurknop.web.projects.models.scenario import Interest, KnobSetting, Scenario

__all__ = [
    "Action",
    "Actual",
    "AgendaPoint",
    "CostItem",
    "Decision",
    "FundingLine",
    "Interest",
    "Invitation",
    "KnobSetting",
    "Lesson",
    "LogEntry",
    "Meeting",
    "Project",
    "ProjectMember",
    "ProjectParty",
    "Scenario",
]
