"""What the portfolio stores of each project: its summary as of one revision.

Derived data only (:func:`stuurknop.engine.portfolio.project_summary`), never edited: a row is
replaced whenever the project's revision moves on (see services.py). Money and cliffs are rows
of their own so that the database sums them across thousands of projects.
"""

from __future__ import annotations

from django.db import models

from stuurknop.gespreksmodel.schema import NUMERALS
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.projects.models import Project, Scenario

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


class PortfolioEntry(models.Model):
    """One project as one organisation at its table sees it in its portfolio.

    The project's columns the portfolio filters and sorts on are copied here (they change only
    with a new revision), so that a portfolio of thousands of projects is read from one table
    by its organisation, with no join.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="portfolio_entries"
    )
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    revision = models.PositiveBigIntegerField()
    name = models.CharField(max_length=200)
    municipality = models.CharField(max_length=200)
    phase = models.CharField(max_length=20)
    first_year = models.PositiveSmallIntegerField()
    homes = models.PositiveIntegerField()
    archived = models.BooleanField()
    knobs = models.CharField(max_length=10)
    # The same, knob by knob as numbers (-1 not discussed, 0 off, 1–3 how far): the grid's
    # counts compare numbers, several times faster than reading characters.
    knob_1 = models.SmallIntegerField(default=-1)
    knob_2 = models.SmallIntegerField(default=-1)
    knob_3 = models.SmallIntegerField(default=-1)
    knob_4 = models.SmallIntegerField(default=-1)
    knob_5 = models.SmallIntegerField(default=-1)
    knob_6 = models.SmallIntegerField(default=-1)
    knob_7 = models.SmallIntegerField(default=-1)
    knob_8 = models.SmallIntegerField(default=-1)
    knob_9 = models.SmallIntegerField(default=-1)
    knob_10 = models.SmallIntegerField(default=-1)
    committed = models.DecimalField(max_digits=16, decimal_places=2)  # what it has committed
    open = models.DecimalField(max_digits=16, decimal_places=2)  # what it is still asked for
    # How much each value matters to it here, the highest of its parties: one character per
    # value of the model (in the model's order), 0–3, or "." where none of them said.
    interests = models.CharField(max_length=20, default="")
    # The project's indicators, as on its summary (copied, so that the sums need no join).
    on_track = models.PositiveIntegerField(default=0)
    behind = models.PositiveIntegerField(default=0)
    off_track = models.PositiveIntegerField(default=0)
    no_data = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "project"], name="one_entry")
        ]
        indexes = [models.Index(fields=["organisation", "name"], name="entry_org_name")]


class SummaryMoney(models.Model):
    """What one organisation pays from one source in one year of one project, committed or
    open (the sum over its parties there)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=4, choices=SOURCES)
    year = models.PositiveSmallIntegerField()
    committed = models.BooleanField()
    amount = models.DecimalField(max_digits=14, decimal_places=2)

    class Meta:
        indexes = [
            models.Index(fields=["organisation", "project"], name="summary_money_org_project")
        ]


class SummaryCliff(models.Model):
    """A year in which a project's temporary money stops while its cost runs on."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    drop = models.DecimalField(max_digits=14, decimal_places=2)
    sources = models.CharField(max_length=60)  # e.g. "I,III"
