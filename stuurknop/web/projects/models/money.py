"""What a scenario needs (cost items) and who pays for it (funding lines)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from stuurknop.gespreksmodel.schema import NUMERALS
from stuurknop.projectfile.schema import FundingStatus
from stuurknop.web.projects.models.fields import Positioned, Versioned, key_field, money_field
from stuurknop.web.projects.models.project import ProjectParty
from stuurknop.web.projects.models.scenario import Scenario
from stuurknop.web.vocabulary import COST_KINDS, FUNDING_STATUSES

SOURCES = [(n, n) for n in NUMERALS]


class CostItem(Positioned, Versioned):
    """A cost for one knob: one-off, or per year from a year for some years or structurally."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="cost_items")
    key = key_field()
    knob = models.PositiveSmallIntegerField(_("stuurknop"))
    description = models.CharField(_("omschrijving"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=COST_KINDS)
    amount = money_field(_("bedrag"))
    first_year = models.PositiveSmallIntegerField(_("eerste jaar"))
    years = models.PositiveSmallIntegerField(_("aantal jaren"), null=True, blank=True)
    party = models.ForeignKey(
        ProjectParty, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta(Positioned.Meta):
        constraints = [models.UniqueConstraint(fields=["scenario", "key"], name="cost_item_key")]
        verbose_name = _("kostenpost")
        verbose_name_plural = _("kostenposten")

    def __str__(self) -> str:
        return self.description


class FundingLine(Positioned, Versioned):
    """Money from one party out of one source (I–X) towards one cost item."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="funding_lines")
    key = key_field()
    # PROTECT: a cost item that is still being paid for cannot vanish with its funding.
    cost_item = models.ForeignKey(CostItem, on_delete=models.PROTECT, related_name="funding_lines")
    party = models.ForeignKey(ProjectParty, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(_("bron"), max_length=4, choices=SOURCES)
    amount = money_field(_("bedrag"))
    first_year = models.PositiveSmallIntegerField(_("eerste jaar"), null=True, blank=True)
    years = models.PositiveSmallIntegerField(_("aantal jaren"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=FUNDING_STATUSES, default=FundingStatus.IDEE.value
    )
    # Who committed the money, and an open or declined request to confirm it: the document's
    # shapes (stuurknop.projectfile.commitments), validated with the whole project on write.
    commitment = models.JSONField(_("toezegging"), null=True, blank=True)
    request = models.JSONField(_("verzoek om bevestiging"), null=True, blank=True)

    class Meta(Positioned.Meta):
        constraints = [models.UniqueConstraint(fields=["scenario", "key"], name="funding_key")]
        verbose_name = _("financieringsregel")
        verbose_name_plural = _("financieringsregels")
