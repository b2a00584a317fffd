"""Writing positions: one transaction, under the version the editor saw, with its history.

A save validates the positions by their declaration and against the model (the organisation's
type must be allowed to pay from a source), refuses a stale page with
:class:`~stuurknop.web.projects.errors.Conflict` (nothing overwritten), and appends the changed
fields as data to the history. An import is the same save with the file's positions: a file with
any problem stores nothing.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from stuurknop.gespreksmodel import available_versions, load_model
from stuurknop.projectfile.errors import DocumentError
from stuurknop.projectfile.position_changes import position_changes
from stuurknop.projectfile.positions import Positions
from stuurknop.projectfile.positions_io import PositionsInvalid, check_positions, read_positions
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.services.log import display_name
from stuurknop.web.strategy.models import StrategyChange, StrategyPositions
from stuurknop.web.strategy.selectors import stored_positions

WHAT = "de strategie"  # what a conflict names
SAVED = "Strategie gewijzigd"
IMPORTED = "Strategie geïmporteerd"
# The file's frame is the organisation's own; only the content is stored.
FRAME = {"format", "format_version", "organisation", "party_type"}


@transaction.atomic
def positions_save(
    *,
    organisation: Organisation,
    by: User,
    positions: Positions,
    expected_version: int,
    what: str = SAVED,
) -> int:
    """Store ``positions`` for ``organisation`` if nobody saved since ``expected_version`` (0:
    none yet); returns the new version (the same when nothing changed).

    Raises :class:`Conflict` on a stale version and
    :class:`~stuurknop.projectfile.positions_io.PositionsInvalid` on positions the model does
    not allow.
    """
    framed = stored_positions(organisation, positions.model_dump(mode="json", exclude=FRAME))
    if framed.model_version not in available_versions():
        raise PositionsInvalid(
            [DocumentError("model_version", "modelversie", "deze modelversie bestaat niet")]
        )
    check_positions(framed, load_model(framed.model_version))
    row = StrategyPositions.objects.select_for_update().filter(organisation=organisation).first()
    current = row.version if row is not None else 0
    if current != expected_version:
        raise Conflict(what=WHAT, expected_version=expected_version, current_version=current)
    old = stored_positions(organisation, row.data) if row is not None else None
    changes = position_changes(old, framed)
    if row is not None and not changes:
        return current
    data = framed.canonical().model_dump(mode="json", exclude=FRAME)
    if row is None:
        try:
            with transaction.atomic():  # a savepoint: two first saves at once, one wins
                row = StrategyPositions.objects.create(
                    organisation=organisation, data=data, version=1
                )
        except IntegrityError:
            raise Conflict(what=WHAT, expected_version=0, current_version=1) from None
    else:
        row.data, row.version = data, current + 1
        row.save(update_fields=["data", "version", "updated_at"])
    StrategyChange.objects.create(
        organisation=organisation,
        at=timezone.now(),
        who=display_name(by),
        user=by,
        what=what,
        version=row.version,
        changes=[c.as_data() for c in changes],
    )
    return row.version


def positions_import(
    *, organisation: Organisation, by: User, raw: bytes, expected_version: int
) -> int:
    """Replace the organisation's positions by a file's (``stuurknop-strategie``); the file's
    organisation name and type are taken as the organisation's own."""
    positions = read_positions(raw, load_model())
    return positions_save(
        organisation=organisation,
        by=by,
        positions=positions,
        expected_version=expected_version,
        what=IMPORTED,
    )
