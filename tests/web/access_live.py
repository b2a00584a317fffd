"""Live sessions (facilitator, beamer, joining, voting): their part of the access table.

``ACCESS`` is merged into ``access_matrix.ACCESS``. ``world_kwargs`` adds the URL kwargs these
routes need to the access test's world (one project shared by anna, bram, carla; olaf outside):
an open session started by anna, by its id and its join code, and one participant of it.

The participant's routes are public: a join code is all they need, and they show nothing of the
project but the session's name and its parties' names (tests/web/live/test_security.py). Without
the participant cookie, voting sends the visitor to the join page (never to the login page).

The beamer link's page and state are public too: the token in the URL is the key (anyone who
holds it sees the beamer of that one session, and nothing else; tests/web/live/
test_beamer_link.py). Making or revoking the link is the facilitator's.
"""

from __future__ import annotations

from typing import Any

from .access import Access

ACCESS: dict[str, Access] = {
    "live_sessions": Access("lezer"),
    "live_session_start": Access(
        "beheerder", method="POST", editable=True, data={"name": "Tweede sessie"}
    ),
    "live_control": Access("beheerder"),
    "live_control_action": Access("beheerder", method="POST", data={"action": "next"}),
    "live_behalf": Access("beheerder", editable=True),
    # Taking a participant out of the session: only the facilitator (and the access test's POST
    # really removes the participant, inside the test's rolled-back savepoint).
    "live_participant_remove": Access("beheerder", method="POST", editable=True),
    "live_close": Access("beheerder", editable=True),
    "live_beamer": Access("beheerder"),
    "live_screen_state": Access("beheerder"),
    # The beamer link: made (again) or revoked by the facilitator; opened without an account.
    "live_beamer_link": Access("beheerder", method="POST", data={"action": "make"}),
    "live_beamer_link_screen": Access("public"),
    "live_beamer_link_state": Access("public"),
    "live_enter": Access("public"),
    "live_join": Access("public"),
    "live_vote_page": Access("public"),
    "live_state": Access("public"),
    "live_vote": Access("public", method="POST"),
}


def world_kwargs(project: Any, people: dict[str, Any]) -> dict[str, Any]:
    """Extra URL kwargs (name → value) for this area's routes; built inside the world's
    transaction after the project and its members exist."""
    from stuurknop.web.live.beamer_links import beamer_link_make
    from stuurknop.web.live.services import participant_join, session_start

    session = session_start(project=project, by=people["anna"], name="Matrixsessie")
    party = project.parties.filter(at_table=True).values_list("key", flat=True).first()
    participant, _token = participant_join(session=session, name="Matrixdeelnemer", party=party)
    beamer_token = beamer_link_make(session=session, by=people["anna"])
    return {
        "session_id": session.pk,
        "code": session.code,
        "participant_id": participant.pk,
        "beamer_token": beamer_token,
    }
