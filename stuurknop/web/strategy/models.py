"""What an organisation holds as its strategy, and the history of every change to it.

The positions are one validated JSON value (:class:`~stuurknop.projectfile.positions.Positions`
without the file's frame: format, organisation and party type come from the organisation
itself), written only by ``services.py`` under the row's version (optimistic locking).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stuurknop.web.accounts.models import Organisation


class StrategyPositions(models.Model):
    """An organisation's positions; ``version`` goes up by one on every save."""

    organisation = models.OneToOneField(
        Organisation, primary_key=True, on_delete=models.CASCADE, related_name="strategy"
    )
    data = models.JSONField(_("standpunten"), default=dict)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("strategie")
        verbose_name_plural = _("strategieën")

    def __str__(self) -> str:
        return str(self.organisation)


class StrategyChange(models.Model):
    """One saved change of an organisation's positions: who, when, and each field old → new.

    ``changes`` is the list of :class:`~stuurknop.projectfile.position_changes.PositionChange`
    as data; only ever appended.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="strategy_changes"
    )
    at = models.DateTimeField(_("tijdstip"))
    who = models.CharField(_("wie"), max_length=200)  # the name as written, kept if users go
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    what = models.CharField(_("wat"), max_length=200)
    version = models.PositiveIntegerField(_("versie"))
    changes = models.JSONField(_("wijzigingen"), default=list)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("wijziging van de strategie")
        verbose_name_plural = _("wijzigingen van de strategie")

    def __str__(self) -> str:
        return f"{self.organisation} v{self.version}"
