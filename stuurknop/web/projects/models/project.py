"""A project, the parties at its table and the people who may open it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stuurknop.projectfile.schema import Phase
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.projects.models.fields import Positioned, Versioned, key_field
from stuurknop.web.projects.roles import Role
from stuurknop.web.vocabulary import word_choices

# The phase's words come from the model data; a choice starts with a capital.
PHASES = [(key, word.capitalize()) for key, word in word_choices("phase")]


class Project(Versioned):
    """One WWZ project (a complex or location): the document's ``project`` basics and more."""

    name = models.CharField(_("naam"), max_length=200)
    municipality = models.CharField(_("gemeente"), max_length=200)
    neighbourhood = models.TextField(_("buurt"), blank=True)
    homes = models.PositiveIntegerField(_("aantal woningen"))
    phase = models.CharField(_("fase"), max_length=20, choices=PHASES, default=Phase.IDEE.value)
    first_year = models.PositiveSmallIntegerField(_("eerste jaar"))
    horizon_years = models.PositiveSmallIntegerField(_("looptijd in jaren"))
    description = models.TextField(_("omschrijving"), blank=True)
    model_version = models.CharField(_("modelversie"), max_length=40)
    # Parts of the document nobody edits row by row yet: the validated sub-documents as JSON
    # data (amounts as strings, so they stay exact).
    perspectives = models.JSONField(default=list, blank=True)
    resident_input = models.JSONField(default=list, blank=True)
    # The partners' scale-up assessment (the document's ``scale_up``), validated, or None.
    scale_up = models.JSONField(null=True, blank=True)
    # The versions of the partners' agreement (the document's ``agreements``), validated: each a
    # snapshot with its confirmations, written only by services/agreements.py.
    agreements = models.JSONField(default=list, blank=True)
    # The discount rate and the project's own proxies (the document's ``effect_settings``),
    # validated; empty: the defaults (2.25 %, no proxies of its own).
    effect_settings = models.JSONField(default=dict, blank=True)
    # Each party's own view stays hidden from the others until a beheerder reveals the answers
    # (against group-think); hiding them again starts a new round. The per-party counters are
    # the optimistic lock of a party's own view (see services/perspectives.py).
    perspectives_revealed = models.BooleanField(_("perspectieven getoond"), default=False)
    perspectives_revealed_at = models.DateTimeField(
        _("perspectieven getoond op"), null=True, blank=True
    )
    perspectives_revealed_by = models.CharField(
        _("perspectieven getoond door"), max_length=200, blank=True
    )
    perspective_versions = models.JSONField(default=dict, blank=True)
    archived = models.BooleanField(_("gearchiveerd"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="created_projects",
        verbose_name=_("aangemaakt door organisatie"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("project")
        verbose_name_plural = _("projecten")

    def __str__(self) -> str:
        return self.name


class ProjectParty(Positioned):
    """A party at (or named beside) the table: the document's ``parties``."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="parties")
    key = key_field()
    name = models.CharField(_("naam"), max_length=200)
    party_type = models.CharField(_("partijtype"), max_length=60)
    at_table = models.BooleanField(_("aan tafel"), default=True)
    # A party may be an organisation with accounts here, or just a name (e.g. a fund).
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="project_parties",
    )

    class Meta(Positioned.Meta):
        constraints = [models.UniqueConstraint(fields=["project", "key"], name="party_key")]
        verbose_name = _("partij")
        verbose_name_plural = _("partijen")

    def __str__(self) -> str:
        return self.name


class ProjectMember(models.Model):
    """A person who may open the project, with one role."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_memberships"
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    party = models.ForeignKey(
        ProjectParty,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text=_("De partij aan tafel namens wie deze persoon meedoet."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="one_member_row")]
        verbose_name = _("projectlid")
        verbose_name_plural = _("projectleden")

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"
