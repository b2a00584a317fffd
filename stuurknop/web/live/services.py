"""Writes of a live session: start, step, reveal, join, vote, vote on someone's behalf, remove
a participant, close.

Every vote bumps the session's ``revision`` with one UPDATE that also checks the session is
still open: that row lock orders votes against a concurrent close (PostgreSQL), so a vote is
either stored before the close reads the votes, or refused as "closed" — never lost silently.
Broadcasting to the sockets is not done here: the callers (views, consumers) announce a change
after the transaction committed (see ``broadcast.py``).

The writes live in modules by what they concern (``sessions``, ``participants``, ``votes``,
with the shared checks in ``guards``); this module is their one public face.
"""

from __future__ import annotations

from stuurknop.web.live.guards import LiveError, closed_error, removed_error
from stuurknop.web.live.participants import (
    participant_by_token,
    participant_join,
    participant_remove,
    parties_at_table,
    was_removed,
)
from stuurknop.web.live.sessions import (
    open_session,
    session_breakdown,
    session_close,
    session_move,
    session_perspectives,
    session_reveal,
    session_start,
)
from stuurknop.web.live.votes import CastVote, vote_cast, votes_on_behalf

__all__ = [
    "CastVote",
    "LiveError",
    "closed_error",
    "open_session",
    "participant_by_token",
    "participant_join",
    "participant_remove",
    "parties_at_table",
    "removed_error",
    "session_breakdown",
    "session_close",
    "session_move",
    "session_perspectives",
    "session_reveal",
    "session_start",
    "vote_cast",
    "votes_on_behalf",
    "was_removed",
]
