"""What the portfolio stores of each project: its summary as of one revision.

Derived data only (:func:`stuurknop.engine.portfolio.project_summary`), never edited: a row is
replaced whenever the project's revision moves on (see services.py). Money and cliffs are rows
of their own so that the database sums them across thousands of projects.
"""

from __future__ import annotations

from django.db import models

from stuurknop.gespreksmodel.schema import NUMERALS
from stuurknop.web.projects.models import Project, ProjectParty, Scenario

SOURCES = [(n, n) for n in NUMERALS]


class ProjectSummary(models.Model):
    """One project's portfolio figures, as of ``revision`` (the project's newest log id)."""

    project = models.OneToOneField(
        Project, primary_key=True, on_delete=models.CASCADE, related_name="portfolio_summary"
    )
    revision = models.PositiveBigIntegerField()
    model_version = models.CharField(max_length=40)
    # The scenario summed up (the chosen one, else the first); its interests are read live.
    scenario = models.ForeignKey(
        Scenario, null=True, on_delete=models.SET_NULL, related_name="portfolio_summaries"
    )
    knobs = models.CharField(max_length=10)  # one character per knob: . 0 1 2 3
    on_track = models.PositiveIntegerField(default=0)
    behind = models.PositiveIntegerField(default=0)
    off_track = models.PositiveIntegerField(default=0)
    no_data = models.PositiveIntegerField(default=0)
    values_appearing = models.JSONField(default=list)
    constructions = models.JSONField(default=list)  # [[knob, source], …]

    def __str__(self) -> str:
        return f"{self.project_id} r{self.revision}"


class SummaryMoney(models.Model):
    """What one party pays from one source in one year of one project, committed or open."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    party = models.ForeignKey(ProjectParty, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=4, choices=SOURCES)
    year = models.PositiveSmallIntegerField()
    committed = models.BooleanField()
    amount = models.DecimalField(max_digits=14, decimal_places=2)

    class Meta:
        indexes = [models.Index(fields=["party", "year"], name="summary_money_party_year")]


class SummaryCliff(models.Model):
    """A year in which a project's temporary money stops while its cost runs on."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    drop = models.DecimalField(max_digits=14, decimal_places=2)
    sources = models.CharField(max_length=60)  # e.g. "I,III"
