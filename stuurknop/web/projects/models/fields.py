"""Field helpers shared by the project rows."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from decimal import Decimal

    from django.db.models.expressions import Combinable

    # Type-checking only: django-stubs is a dev dependency, and Django's fields are not
    # subscriptable at run time.
    from django_stubs_ext import StrOrPromise

    # What the fields accept on assignment and give back on access (django-stubs' pairs).
    KeyField: TypeAlias = models.CharField[str | int | Combinable, str]
    MoneyField: TypeAlias = models.DecimalField[str | float | Decimal | Combinable, Decimal]

# The document's Id: letters, digits, '-' and '_' (see stuurknop.projectfile.schema.Id).
KEY_LENGTH = 60


def key_field() -> KeyField:
    return models.CharField(
        _("id"), max_length=KEY_LENGTH, help_text=_("Id in het projectbestand.")
    )


def money_field(verbose_name: StrOrPromise) -> MoneyField:
    """Money in euros with cents; up to a billion, as the document allows."""
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2)


class Versioned(models.Model):
    """A row edited by several people: ``version`` goes up by one on every save.

    Services update with ``WHERE version = <the version the editor saw>`` so that of two
    concurrent edits the second gets a conflict instead of silently overwriting the first.
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class Positioned(models.Model):
    """A row in a list of the document; ``position`` keeps the document's order."""

    position = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "id"]
