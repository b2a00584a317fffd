"""Realised money: what was actually spent on a cost item or received on a funding line in a
year (:class:`stuurknop.projectfile.schema.Actual`)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from stuurknop.web.projects.models.fields import Positioned, Versioned, key_field, money_field
from stuurknop.web.projects.models.money import CostItem, FundingLine
from stuurknop.web.projects.models.scenario import Scenario


class Actual(Positioned, Versioned):
    """One amount spent (``cost_item``) or received (``funding_line``) in one year."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="actuals")
    key = key_field()
    # PROTECT: a cost item or funding line with recorded money cannot vanish with it.
    cost_item = models.ForeignKey(
        CostItem, null=True, blank=True, on_delete=models.PROTECT, related_name="actuals"
    )
    funding_line = models.ForeignKey(
        FundingLine, null=True, blank=True, on_delete=models.PROTECT, related_name="actuals"
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    amount = money_field(_("bedrag"))
    note = models.TextField(_("notitie"), blank=True, default="")

    class Meta(Positioned.Meta):
        constraints = [
            models.UniqueConstraint(fields=["scenario", "key"], name="actual_key"),
            models.CheckConstraint(
                condition=(
                    models.Q(cost_item__isnull=True, funding_line__isnull=False)
                    | models.Q(cost_item__isnull=False, funding_line__isnull=True)
                ),
                name="actual_one_reference",
            ),
        ]
        verbose_name = _("gerealiseerd bedrag")
        verbose_name_plural = _("gerealiseerde bedragen")

    def __str__(self) -> str:
        return f"{self.year}: {self.amount}"
