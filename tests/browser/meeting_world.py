"""A meeting with everything its pages can show, for the page tests over every route
(``routes.APP_PAGES``): an agenda of three points (one minuted), a decision due for review, a
late action, an open one and a done one. Returns the route values ``meeting_id``,
``point_id``, ``decision_id`` and ``action_id``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from stuurknop.web.projects.models import Project
from stuurknop.web.projects.services.decisions import action_done, point_follow_up
from stuurknop.web.projects.services.meetings import meeting_create, point_add, point_update


def meeting_values(project: Project, by: Any) -> dict[str, Any]:
    today = timezone.localdate()
    parties = list(project.parties.order_by("position", "id").values_list("key", flat=True))
    meeting = meeting_create(
        project=project,
        by=by,
        title="Partneroverleg over de ontmoetingsruimte en de financiering na 2027",
        date=today + dt.timedelta(days=7),
        place="Ontmoetingsruimte De Linde, zaal 2 (ingang aan de achterkant)",
    )
    first = point_add(
        meeting=meeting,
        by=by,
        title="Wie betaalt de activiteitenbegeleider als de subsidie stopt?",
        explanation="De gemeente betaalt tot 2027. Daarna is er nog geen afspraak.",
        origin="verschillen",
        knob=4,
        brought_by=parties[0],
    )
    point_add(meeting=meeting, by=by, title="De keuken", origin="controle", knob=2)
    point_add(meeting=meeting, by=by, title="Wensen van bewoners", brought_by=parties[-1])
    point_update(
        point=first,
        by=by,
        expected_version=first.version,
        minutes="Iedereen wil de begeleider houden. De zorggroep wil meebetalen.",
        outcome="Besloten: de begeleider blijft; in het najaar opnieuw bekijken.",
    )
    decision, actions = point_follow_up(
        point=first,
        by=by,
        decision={
            "title": "De activiteitenbegeleider blijft tot eind 2028",
            "why": "De bewoners doen meer mee sinds er een begeleider is.",
            "decided_by": parties[:3],
            "date": today,
            "review_date": today + dt.timedelta(days=14),
            "knobs": [4],
        },
        actions=[
            {
                "title": "Subsidie aanvragen bij het fonds voor de jaren na 2027",
                "owner_party": parties[0],
                "owner_person": "Anna de Vries",
                "due": today - dt.timedelta(days=3),
            },
            {"title": "Begroting 2028 opstellen", "owner_person": "Bram", "due": today},
            {"title": "Bewoners uitnodigen", "owner_party": parties[-1]},
        ],
    )
    done = actions[-1]
    action_done(action=done, by=by, expected_version=done.version)
    assert decision is not None
    return {
        "meeting_id": meeting.pk,
        "point_id": first.pk,
        "decision_id": decision.pk,
        "action_id": actions[0].pk,
    }
