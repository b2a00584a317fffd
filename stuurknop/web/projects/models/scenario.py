"""A scenario and the parts of it people edit one by one: knob settings and interests."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from stuurknop.projectfile.schema import KnobStatus
from stuurknop.web.projects.models.fields import Positioned, Versioned
from stuurknop.web.projects.models.project import Project, ProjectParty
from stuurknop.web.vocabulary import KNOB_STATUSES


class Scenario(Positioned, Versioned):
    """One way to set up the project; at most one is chosen."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="scenarios")
    name = models.CharField(_("naam"), max_length=200)
    chosen = models.BooleanField(_("gekozen"), default=False)
    description = models.TextField(_("omschrijving"), blank=True)
    # Not edited row by row yet: the validated sub-documents as JSON data.
    effects = models.JSONField(default=list, blank=True)
    evidence = models.JSONField(default=list, blank=True)

    class Meta(Positioned.Meta):
        constraints = [
            models.UniqueConstraint(fields=["project", "name"], name="scenario_name"),
        ]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenario's")

    def __str__(self) -> str:
        return self.name


class KnobSetting(Positioned, Versioned):
    """How one stuurknop is set in a scenario; a knob without a row is 'niet besproken'."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="knob_settings")
    knob = models.PositiveSmallIntegerField(_("stuurknop"))
    status = models.CharField(
        _("status"), max_length=20, choices=KNOB_STATUSES, default=KnobStatus.NIET_BESPROKEN.value
    )
    opening = models.PositiveSmallIntegerField(_("opendraaien"), null=True, blank=True)
    elaboration = models.TextField(_("uitwerking"), blank=True)
    lead_party = models.ForeignKey(
        ProjectParty, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    routes = models.JSONField(default=list, blank=True)  # route ids of the model
    answers = models.JSONField(default=list, blank=True)  # to the three conversation questions

    class Meta(Positioned.Meta):
        constraints = [models.UniqueConstraint(fields=["scenario", "knob"], name="one_knob_row")]
        verbose_name = _("stand van een stuurknop")
        verbose_name_plural = _("standen van stuurknoppen")


class Interest(Positioned, Versioned):
    """How much one value matters to one party in a scenario (0–3), and why."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="interests")
    party = models.ForeignKey(ProjectParty, on_delete=models.PROTECT, related_name="+")
    value = models.CharField(_("waarde"), max_length=60)
    weight = models.PositiveSmallIntegerField(_("gewicht"))
    reason = models.TextField(_("toelichting"), blank=True)

    class Meta(Positioned.Meta):
        constraints = [
            models.UniqueConstraint(fields=["scenario", "party", "value"], name="one_interest")
        ]
        verbose_name = _("belang")
        verbose_name_plural = _("belangen")
