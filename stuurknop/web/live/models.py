"""A live session, the people who joined it (without an account) and their votes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from stuurknop.web.projects.models import Project, ProjectParty

REMARK_MAX = 500
NAME_MAX = 60


class LiveSession(models.Model):
    """One session of a project, led by a facilitator; open until ``closed_at`` is set."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="live_sessions")
    name = models.CharField(_("naam"), max_length=120)
    # Unique among open sessions only: a closed session's code is dead and may come back.
    code = models.CharField(_("code"), max_length=8, db_index=True)
    step = models.CharField(_("stap"), max_length=40, default="values")
    revealed = models.JSONField(default=list, blank=True)  # the step keys whose results show
    # Counts every change (votes included), so a polling page re-renders only when it grew.
    revision = models.PositiveIntegerField(default=0)
    # The step whose results the beamer shows per party ("" = none): set by the facilitator
    # only once that step is revealed, cleared on every step change and on hiding.
    breakdown = models.CharField(max_length=40, blank=True, default="")
    # The beamer link (beamer_links.py): SHA-256 of its token ("" = no link), never the token.
    beamer_token_hash = models.CharField(max_length=64, blank=True, default="", editable=False)
    beamer_link_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-opened_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=Q(closed_at__isnull=True), name="open_session_code"
            ),
            models.UniqueConstraint(
                fields=["beamer_token_hash"],
                condition=~Q(beamer_token_hash=""),
                name="one_session_per_beamer_token",
            ),
        ]
        verbose_name = _("live sessie")
        verbose_name_plural = _("live sessies")

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Participant(models.Model):
    """Someone at the session: a name and the party they speak for; known by a token."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("naam"), max_length=NAME_MAX)
    party = models.ForeignKey(ProjectParty, on_delete=models.CASCADE, related_name="+")
    # SHA-256 of the token the browser holds; the token itself is never stored.
    token_hash = models.CharField(max_length=64, unique=True)
    # The facilitator who entered this person's view (someone without a phone), or None.
    on_behalf_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    # Removed by the facilitator: the token stops working and the votes no longer count. The
    # row stays, so that the removed person's phone can be told why it was shut out.
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["joined_at", "id"]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")

    def __str__(self) -> str:
        return f"{self.name} ({self.party})"


class Vote(models.Model):
    """One participant's answer to one item; voting again replaces it."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    item = models.CharField(max_length=80)  # "value-<id>", "knob-<n>", "remarks"
    score = models.PositiveSmallIntegerField(null=True, blank=True)  # 0–3; None for remarks
    remark = models.CharField(max_length=REMARK_MAX, blank=True)
    client_id = models.CharField(max_length=40, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "item"], name="one_vote_per_item")
        ]
        verbose_name = _("stem")
        verbose_name_plural = _("stemmen")

    def __str__(self) -> str:
        return f"{self.participant}: {self.item} = {self.score}"


class BehalfEntry(models.Model):
    """The audit of a vote a facilitator entered on someone's behalf (append only)."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="+")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    item = models.CharField(max_length=80)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    remark = models.CharField(max_length=REMARK_MAX, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("namens ingevoerde stem")
        verbose_name_plural = _("namens ingevoerde stemmen")
