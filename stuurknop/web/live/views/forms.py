"""Reading one step's form (the page without JS, and the facilitator's 'namens' form).

Fields per item: ``score__<item>`` (0–3) and ``remark__<item>``. An item left empty is skipped;
a form with no answer at all is refused, so that pressing the button never looks like a vote.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext as _

from stuurknop.web.live.models import REMARK_MAX
from stuurknop.web.live.steps import Step

Votes = dict[str, tuple[int | None, str]]


def read_step_form(step: Step, data: Mapping[str, str]) -> tuple[Votes, dict[str, str]]:
    """The votes in ``data`` for ``step``'s items, and the errors per item key."""
    votes: Votes = {}
    errors: dict[str, str] = {}
    for item in step.items:
        raw = (data.get(f"score__{item.key}") or "").strip()
        remark = (data.get(f"remark__{item.key}") or "").strip()
        if len(remark) > REMARK_MAX:
            errors[item.key] = _("Een opmerking is hoogstens %(n)d tekens.") % {"n": REMARK_MAX}
        elif not item.scored:
            if remark:
                votes[item.key] = (None, remark)
        elif raw in ("0", "1", "2", "3"):
            votes[item.key] = (int(raw), remark)
        elif raw:
            errors[item.key] = _("Kies een van de antwoorden.")
        elif remark:
            errors[item.key] = _("Kies ook een antwoord bij uw opmerking.")
    if not votes and not errors:
        first = step.items[0]
        errors[first.key] = (
            _("Kies een van de antwoorden.") if first.scored else _("Schrijf eerst iets op.")
        )
    return votes, errors
