"""A project's public questionnaire for residents, and the answers it collected.

Answers are anonymous by construction: a row holds the scores, the help answer, the remark and
the day it came in. No name, e-mail, address, user agent or time of day is stored, so an answer
cannot be traced back to a person or to a moment somebody was seen at a phone.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stuurknop.web.projects.models import Project

REMARK_MAX = 1000
ROUND_NAME_MAX = 80
TOKEN_MAX = 64


class HelpOrganise(models.TextChoices):
    JA = "ja", _("Ja")
    MISSCHIEN = "misschien", _("Misschien")
    NEE = "nee", _("Nee")


class Questionnaire(models.Model):
    """One per project. ``token`` is the unguessable part of the public link; a new token
    kills the old link (the answers stay)."""

    project = models.OneToOneField(
        Project, on_delete=models.CASCADE, related_name="resident_questionnaire"
    )
    token = models.CharField(max_length=TOKEN_MAX, unique=True)
    is_open = models.BooleanField(_("open"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(_("geopend op"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("bewonersvragenlijst")
        verbose_name_plural = _("bewonersvragenlijsten")

    def __str__(self) -> str:
        return f"{self.project}"


class Round(models.Model):
    """A round of the questionnaire: the baseline and later rounds ask the same items, each in
    its own period, optionally with validated instruments (``instruments``: model ids). At most
    one round of a questionnaire is open; answers given while it is open belong to it. Nothing
    links answers of two rounds to one resident."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="rounds"
    )
    name = models.CharField(_("naam"), max_length=ROUND_NAME_MAX)
    starts_on = models.DateField(_("begint op"))
    ends_on = models.DateField(_("eindigt op"), null=True, blank=True)
    instruments = models.JSONField(default=list, blank=True)
    is_open = models.BooleanField(_("open"), default=True)
    closed_on = models.DateField(_("gesloten op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_on", "id"]
        verbose_name = _("bewonersronde")
        verbose_name_plural = _("bewonersrondes")
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "name"], name="residents_round_unique_name"
            ),
            models.UniqueConstraint(
                fields=["questionnaire"],
                condition=models.Q(is_open=True),
                name="residents_round_one_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire} · {self.name}"


class Response(models.Model):
    """One resident's answers: item id → score 0–3 (unanswered items left out), and per
    instrument of the round its answers (scale: item id → answer key; mark: the number)."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="responses"
    )
    round = models.ForeignKey(
        Round, null=True, blank=True, on_delete=models.CASCADE, related_name="responses"
    )
    scores = models.JSONField(default=dict, blank=True)
    instrument_answers = models.JSONField(default=dict, blank=True)
    help_organise = models.CharField(
        _("helpen organiseren"), max_length=10, choices=HelpOrganise.choices, blank=True
    )
    remark = models.TextField(_("opmerking"), max_length=REMARK_MAX, blank=True)
    # The day only: a time would help tie an answer to someone seen filling it in.
    created_on = models.DateField(_("ingevuld op"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("antwoord van een bewoner")
        verbose_name_plural = _("antwoorden van bewoners")

    def __str__(self) -> str:
        return f"{self.questionnaire} · {self.created_on}"
