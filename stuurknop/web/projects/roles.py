"""The three project roles, from most to least rights."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    BEHEERDER = "beheerder", _("Beheerder")  # everything, including members and archiving
    BEWERKER = "bewerker", _("Bewerker")  # edits the content: knobs, costs, funding …
    LEZER = "lezer", _("Lezer")  # reads and exports

    @property
    def rank(self) -> int:
        return _RANK[self]

    def at_least(self, other: Role | str) -> bool:
        """Whether this role has every right of ``other``."""
        return self.rank >= Role(other).rank


_RANK = {Role.LEZER: 1, Role.BEWERKER: 2, Role.BEHEERDER: 3}
