"""Many votes written at once: ``INSERT … ON CONFLICT (participant, item) DO UPDATE``, the
same on SQLite and PostgreSQL.

Django's ``bulk_create(update_conflicts=True)`` says the same, but prepares every value of every
row through its field and compiles it anew; for 300 votes at once that was most of the write
(about 40 of 60 ms under load). The values here are checked and plain already (votes.py), so they
go in as they are. The columns are named through the model's fields, and
``tests/web/live/test_batched_votes.py`` fails when ``Vote`` gains a column this does not write.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection
from django.db.models import Field
from django.utils import timezone

from stuurknop.web.live.models import Vote

# A vote as written: participant id, item, score, remark, client id, entered by (a user id).
Row = tuple[int, str, int | None, str, str, int | None]

FIELDS = ("participant", "item", "score", "remark", "client_id", "entered_by", "updated_at")
KEY = ("participant", "item")  # the unique constraint one_vote_per_item
ROWS_PER_STATEMENT = 100  # 700 parameters: within every SQLite's limit (999 before 3.32)


def votes_upsert(rows: Sequence[Row]) -> None:
    """Store ``rows`` (at most one per participant and item), each replacing the participant's
    vote on that item if there is one; inside the caller's transaction."""
    quote = connection.ops.quote_name
    columns = [quote(_column(name)) for name in FIELDS]
    key = [quote(_column(name)) for name in KEY]
    updated = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c not in key)
    now = _field("updated_at").get_db_prep_save(timezone.now(), connection)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), ROWS_PER_STATEMENT):
            chunk = rows[start : start + ROWS_PER_STATEMENT]
            # Only names from the model and placeholders are spelled in; the values are parameters.
            values = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {quote(Vote._meta.db_table)} ({', '.join(columns)})"
                f" VALUES {values} ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updated}",
                [value for row in chunk for value in (*row, now)],
            )


def _field(name: str) -> Field[object, object]:
    field = Vote._meta.get_field(name)
    if not isinstance(field, Field) or not field.column:  # pragma: no cover
        raise TypeError(f"Vote.{name} is not a column")
    return field


def _column(name: str) -> str:
    return str(_field(name).column)
