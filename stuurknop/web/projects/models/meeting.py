"""The partners' meetings and what they agree: a meeting with its agenda of points, and the
decisions and actions that came out of them (the document's ``meetings``, ``decisions`` and
``actions``; see :mod:`stuurknop.projectfile.meetings`).

References are foreign keys where they name one row (a party, a meeting, a point, a decision)
and lists of ids where they name several (the parties that decided, the knobs, cost items and
funding lines a decision is about). A cost item's id names it in every scenario that has it,
which is why those lists hold ids, not rows; a write that removes the last cost item or funding
line of an id removes it from the decisions too (``services/meeting_links.py``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from stuurknop.projectfile.schema import ActionStatus, AgendaOrigin
from stuurknop.web.projects.models.fields import Positioned, Versioned, key_field
from stuurknop.web.projects.models.project import Project, ProjectParty
from stuurknop.web.vocabulary import word_choices

AGENDA_ORIGINS = word_choices("agenda_origin")
ACTION_STATUSES = word_choices("action_status")


class Meeting(Positioned, Versioned):
    """A meeting of the partners: when, where, and its agenda."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="meetings")
    key = key_field()
    title = models.CharField(_("naam"), max_length=200)
    date = models.DateField(_("datum"), null=True, blank=True)
    place = models.TextField(_("plaats"), blank=True)

    class Meta(Positioned.Meta):
        constraints = [models.UniqueConstraint(fields=["project", "key"], name="meeting_key")]
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")

    def __str__(self) -> str:
        return self.title


class AgendaPoint(Positioned, Versioned):
    """One point of a meeting's agenda, in the agenda's order, with its minutes."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="points")
    key = key_field()
    title = models.CharField(_("onderwerp"), max_length=200)
    explanation = models.TextField(_("toelichting"), blank=True)
    origin = models.CharField(
        _("herkomst"), max_length=20, choices=AGENDA_ORIGINS, default=AgendaOrigin.HAND.value
    )
    knob = models.PositiveSmallIntegerField(_("stuurknop"), null=True, blank=True)
    value = models.CharField(_("waarde"), max_length=60, null=True, blank=True)
    brought_by = models.ForeignKey(
        ProjectParty, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    minutes = models.TextField(_("verslag"), blank=True)
    outcome = models.TextField(_("uitkomst"), blank=True)

    class Meta(Positioned.Meta):
        constraints = [models.UniqueConstraint(fields=["meeting", "key"], name="agenda_point_key")]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")

    def __str__(self) -> str:
        return self.title


class Decision(Positioned, Versioned):
    """What the partners decided, why, by whom, and when to look at it again."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="decisions")
    key = key_field()
    title = models.CharField(_("besluit"), max_length=200)
    why = models.TextField(_("waarom"), blank=True)
    decided_by = models.JSONField(_("besloten door"), default=list, blank=True)
    date = models.DateField(_("datum"))
    review_date = models.DateField(_("opnieuw bekijken op"), null=True, blank=True)
    knobs = models.JSONField(_("stuurknoppen"), default=list, blank=True)
    cost_items = models.JSONField(_("kostenposten"), default=list, blank=True)
    funding_lines = models.JSONField(_("financiering"), default=list, blank=True)
    # PROTECT: a meeting or point a decision came from is not deleted under it.
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    point = models.ForeignKey(
        AgendaPoint, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )

    class Meta(Positioned.Meta):
        constraints = [models.UniqueConstraint(fields=["project", "key"], name="decision_key")]
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")

    def __str__(self) -> str:
        return self.title


class Action(Positioned, Versioned):
    """Something to do: who, by when, and whether it is done."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="actions")
    key = key_field()
    title = models.CharField(_("actie"), max_length=200)
    owner_party = models.ForeignKey(
        ProjectParty, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owner_person = models.TextField(_("persoon"), blank=True)
    due = models.DateField(_("klaar op"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ACTION_STATUSES, default=ActionStatus.OPEN.value
    )
    decision = models.ForeignKey(
        Decision, null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    point = models.ForeignKey(
        AgendaPoint, null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )

    class Meta(Positioned.Meta):
        constraints = [models.UniqueConstraint(fields=["project", "key"], name="action_key")]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")

    def __str__(self) -> str:
        return self.title
