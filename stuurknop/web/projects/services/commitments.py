"""A party's money is committed only by that party (issue 17, part A).

Anyone who may edit a project may propose a funding line for any party (idee, in gesprek).
Only a member who speaks for the paying party (:func:`~.perspectives.speaker_party`) sets a
line to toegezegd: the line then carries a ``bevestigd`` commitment with who, when and for
which organisation. Anyone else who saves a line as toegezegd — through the worksheet, a forged
form post or the service — gets it **stored as a request** (status in gesprek, an open request
for confirmation, a mail to the party's members), never a 403: the proposal is kept, the
commitment is the party's. A confirmed line that someone else changes in amount, years, source,
cost item or party falls back to in gesprek with a new request; the log holds both states.

A beheerder may record the commitment of a party on its behalf (``namens``) with its evidence:
for a fund or a party not at the table. An import keeps the statuses but records every
committed line on behalf, by the import (:func:`imported_commitments`).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stuurknop.projectfile.commitments import IMPORT
from stuurknop.projectfile.evidence import EvidenceFile
from stuurknop.projectfile.schema import (
    CommitmentHow,
    FundingStatus,
    LogEntity,
    RequestState,
)
from stuurknop.web.projects.entities import FUNDING_LINE, row_data
from stuurknop.web.projects.models import FundingLine, Project, ProjectMember, ProjectParty
from stuurknop.web.projects.permissions import require_editable, require_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.edits import update_recorded
from stuurknop.web.projects.services.log import display_name
from stuurknop.web.projects.services.perspectives import speaker_party
from stuurknop.web.projects.services.rows import checked_values
from stuurknop.web.projects.services.validation import invalid, party_by_key

COMMITTED = FundingStatus.TOEGEZEGD.value
# What a confirmation is about: a change to any of these asks the party again.
TERMS = ("cost_item", "party", "source", "amount", "first_year", "years")


def speaks_for(user: User, party: ProjectParty) -> bool:
    """Whether ``user`` speaks for ``party`` in its project."""
    found = speaker_party(user, party.project)
    return found is not None and found.pk == party.pk


def _organisation(party: ProjectParty) -> str:
    organisation = party.organisation
    return organisation.name if organisation is not None else party.name


def _term(name: str, value: Any) -> Any:
    """A term as compared: an amount by its value (``6000`` is ``6000.00``), the rest as text."""
    if name == "amount" and value is not None:
        try:
            return Decimal(str(value))
        except ArithmeticError:
            return str(value)
    return None if value in (None, "") else str(value)


def governed(
    project: Project, by: User, given: Mapping[str, Any], old: FundingLine | None = None
) -> tuple[dict[str, Any], bool]:
    """``given`` (a funding line's fields as the document names them) with its ``status``,
    ``commitment`` and ``request`` as ``by`` may set them, and whether a request was made."""
    fields = {k: v for k, v in given.items() if k not in ("commitment", "request")}
    party = party_by_key(project, fields.get("party"), field="party")
    status = str(fields.get("status") or FundingStatus.IDEE.value)
    before = row_data(FUNDING_LINE, old) if old is not None else {}
    was_committed = before.get("status") == COMMITTED
    changed = any(_term(t, before.get(t)) != _term(t, fields.get(t, before.get(t))) for t in TERMS)
    fields["commitment"] = None
    fields["request"] = before.get("request")
    if status != COMMITTED:
        return fields, False
    if party is not None and speaks_for(by, party):
        kept = before.get("commitment") if was_committed and not changed else None
        if kept and kept.get("how") == CommitmentHow.BEVESTIGD.value:
            fields["commitment"] = kept
        else:
            fields["commitment"] = {
                "how": CommitmentHow.BEVESTIGD.value,
                "by": display_name(by),
                "organisation": _organisation(party),
                "at": timezone.localdate().isoformat(),
            }
        fields["request"] = None
        return fields, False
    if was_committed and not changed:
        fields["commitment"] = before.get("commitment")
        return fields, False
    fields["status"] = FundingStatus.IN_GESPREK.value
    fields["request"] = {
        "state": RequestState.OPEN.value,
        "by": display_name(by),
        "at": timezone.localdate().isoformat(),
    }
    return fields, True


def imported_commitments(line: Mapping[str, Any]) -> dict[str, Any]:
    """A funding line of an imported file: a committed line's commitment is recorded on the
    party's behalf by the import (keeping its evidence), until the party confirms it."""
    commitment = line.get("commitment")
    if line.get("status") != COMMITTED or not commitment:
        # No commitment stays none (every face says it as recorded on behalf): a file without
        # confirmations exports exactly as it was imported.
        return dict(line)
    if commitment.get("how") != CommitmentHow.NAMENS.value:
        commitment = {"how": CommitmentHow.NAMENS.value, "by": IMPORT}
    return {**line, "commitment": commitment}


def party_speakers(party: ProjectParty) -> list[User]:
    """The members of the party's project who speak for it."""
    members = ProjectMember.objects.filter(project=party.project).select_related("user")
    return [m.user for m in members if speaks_for(m.user, party)]


def ask_confirmation(line: FundingLine) -> int:
    """Mail the paying party's members that a line waits for their confirmation."""
    to = [u.email for u in party_speakers(line.party) if u.email]
    if not to:
        return 0
    project = line.scenario.project
    subject = _("Bevestig de financiering voor %(item)s in %(project)s") % {
        "item": line.cost_item.description,
        "project": project.name,
    }
    body = _(
        "In het project %(project)s is gevraagd of %(party)s deze financiering toezegt: "
        "%(item)s, bron %(source)s, € %(amount)s. Bevestig of wijs af onder 'Te bevestigen' "
        "in Stuurknop."
    ) % {
        "project": project.name,
        "party": line.party.name,
        "item": line.cost_item.description,
        "source": line.source,
        "amount": line.amount,
    }
    return EmailMessage(subject, body, to=to).send(fail_silently=True)


def _save(
    line: FundingLine, by: User, expected_version: int, data: dict[str, Any], what: str
) -> None:
    scenario = line.scenario
    update_recorded(
        line,
        scenario=scenario,
        by=by,
        expected_version=expected_version,
        what=FUNDING_LINE.named(line),
        changes=checked_values(FUNDING_LINE, scenario, {"id": line.key}, data),
        data=lambda row: row_data(FUNDING_LINE, row),
        entity=LogEntity.FUNDING_LINE,
        key=line.key,
        logged_as=f"{what} voor {line.cost_item.description!r}",
    )


def _data(line: FundingLine) -> dict[str, Any]:
    data = row_data(FUNDING_LINE, line)
    del data["id"]
    return data


@transaction.atomic
def funding_line_confirm(
    *, funding_line: FundingLine, by: User, expected_version: int, remark: str = ""
) -> FundingLine:
    """The paying party confirms the line: toegezegd, with who, when and which organisation."""
    require_editable(by, funding_line.scenario.project)
    if not speaks_for(by, funding_line.party):
        raise PermissionDenied(_("Alleen wie voor %(party)s spreekt, bevestigt dit geld.") % {
            "party": funding_line.party.name})  # fmt: skip
    data = _data(funding_line)
    data["status"] = COMMITTED
    data["request"] = None
    data["commitment"] = {
        "how": CommitmentHow.BEVESTIGD.value,
        "by": display_name(by),
        "organisation": _organisation(funding_line.party),
        "at": timezone.localdate().isoformat(),
        "remark": remark,
    }
    _save(funding_line, by, expected_version, data, "Toezegging bevestigd")
    return funding_line


@transaction.atomic
def funding_line_decline(
    *, funding_line: FundingLine, by: User, expected_version: int, remark: str
) -> FundingLine:
    """The paying party declines the request, with a remark; the line stays in gesprek."""
    require_editable(by, funding_line.scenario.project)
    if not speaks_for(by, funding_line.party):
        raise PermissionDenied(_("Alleen wie voor %(party)s spreekt, wijst dit verzoek af.") % {
            "party": funding_line.party.name})  # fmt: skip
    if not remark.strip():
        raise invalid("remark", "zeg waarom de partij dit niet toezegt")
    data = _data(funding_line)
    request = dict(data.get("request") or {"by": display_name(by)})
    request.update(state=RequestState.AFGEWEZEN.value, remark=remark)
    data["request"] = request
    if data["status"] == COMMITTED:
        data["status"] = FundingStatus.IN_GESPREK.value
        data["commitment"] = None
    _save(funding_line, by, expected_version, data, "Verzoek om bevestiging afgewezen")
    return funding_line


@transaction.atomic
def funding_line_record_on_behalf(
    *,
    funding_line: FundingLine,
    by: User,
    expected_version: int,
    evidence_reference: str,
    evidence_date: Any,
    evidence_file: EvidenceFile | None = None,
    remark: str = "",
) -> FundingLine:
    """A beheerder records the party's commitment on its behalf, with the letter's reference
    and date: for a party without an account (a fund, a party not at the table)."""
    project = funding_line.scenario.project
    require_role(by, project, Role.BEHEERDER)
    require_editable(by, project)
    if not evidence_reference.strip():
        raise invalid("evidence_reference", "geef het kenmerk van de brief of het besluit")
    if evidence_date is None:
        raise invalid("evidence_date", "geef de datum van de brief")
    data = _data(funding_line)
    data["status"] = COMMITTED
    data["request"] = None
    data["commitment"] = {
        "how": CommitmentHow.NAMENS.value,
        "by": display_name(by),
        "organisation": _organisation(funding_line.party),
        "at": timezone.localdate().isoformat(),
        "evidence_reference": evidence_reference,
        "evidence_date": evidence_date.isoformat(),
        "evidence_file": evidence_file.model_dump(mode="json") if evidence_file else None,
        "remark": remark,
    }
    _save(funding_line, by, expected_version, data, "Toezegging namens de partij vastgelegd")
    return funding_line


def open_requests(user: User, projects: Any = None) -> list[FundingLine]:
    """The funding lines waiting for ``user``'s party to confirm, in ``projects`` (default:
    every project ``user`` is a member of)."""
    if projects is None:
        projects = Project.objects.filter(members__user=user)
    lines = (
        FundingLine.objects.filter(scenario__project__in=projects, request__state="open")
        .select_related("scenario__project", "party", "cost_item")
        .order_by("scenario__project__name", "scenario__name", "position")
    )
    return [line for line in lines if speaks_for(user, line.party)]


def imported_document(data: Mapping[str, Any]) -> dict[str, Any]:
    """A project file's data as an import stores it: every committed funding line recorded on
    its party's behalf by the import (whoever imports cannot confirm for another party)."""
    scenarios = [
        {**s, "funding": [imported_commitments(line) for line in s.get("funding", [])]}
        for s in data.get("scenarios", [])
    ]
    return {**data, "scenarios": scenarios}


def waiting_confirmation(project: Project) -> int:
    """How many of the project's funding lines wait for their party's confirmation."""
    return FundingLine.objects.filter(scenario__project=project, request__state="open").count()
