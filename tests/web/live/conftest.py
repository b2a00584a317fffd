"""Live-session fixtures: an open session on the shared project, and joining it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from stuurknop.web.live.models import LiveSession, Participant
from stuurknop.web.live.services import participant_join, session_start
from stuurknop.web.projects.models import Project
from tests.web.conftest import People


@pytest.fixture
def live(project: Project, people: People) -> LiveSession:
    """An open session on De Linde, started by anna (beheerder); it begins at the values."""
    return session_start(project=project, by=people.anna, name="Sessie mei")


Join = Callable[..., tuple[Participant, str]]


@pytest.fixture
def join(live: LiveSession) -> Join:
    """``join("Ans", "woco")``: a participant of ``live`` and their token."""

    def go(name: str = "Ans", party: str = "woco", session: LiveSession | None = None):
        return participant_join(session=session or live, name=name, party=party)

    return go
