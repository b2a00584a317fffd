"""The live session's pages: facilitator, beamer, joining and voting (with polling fallback).

Paths and what each answers: see PROTOCOL.md.
"""

from django.urls import path

from stuurknop.web.live.views import beamer, facilitator, participant

P = "projecten/<int:project_id>/live/"
S = P + "<int:session_id>/"

urlpatterns = [
    path(P, facilitator.live_sessions, name="live_sessions"),
    path(P + "starten/", facilitator.live_session_start, name="live_session_start"),
    path(S, facilitator.live_control, name="live_control"),
    path(S + "actie/", facilitator.live_control_action, name="live_control_action"),
    path(
        S + "deelnemers/<int:participant_id>/verwijderen/",
        facilitator.live_participant_remove,
        name="live_participant_remove",
    ),
    path(S + "namens/", facilitator.live_behalf, name="live_behalf"),
    path(S + "sluiten/", facilitator.live_close, name="live_close"),
    path(S + "scherm/", beamer.live_beamer, name="live_beamer"),
    path(S + "beamerlink/", beamer.live_beamer_link, name="live_beamer_link"),
    path(S + "toestand/", facilitator.live_screen_state, name="live_screen_state"),
    # The beamer link: no account, the token is the key (beamer_links.py).
    path(
        "scherm/<str:beamer_token>/", beamer.live_beamer_link_screen, name="live_beamer_link_screen"
    ),
    path(
        "scherm/<str:beamer_token>/toestand/",
        beamer.live_beamer_link_state,
        name="live_beamer_link_state",
    ),
    path("live/", participant.live_enter, name="live_enter"),
    path("live/<str:code>/", participant.live_join, name="live_join"),
    path("live/<str:code>/stemmen/", participant.live_vote_page, name="live_vote_page"),
    path("live/<str:code>/toestand/", participant.live_state, name="live_state"),
    path("live/<str:code>/stem/", participant.live_vote, name="live_vote"),
]
