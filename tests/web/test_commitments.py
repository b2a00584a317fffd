"""A party's money is committed only by that party: proposals, requests, confirmations,
fall-back on change, commitments recorded on behalf, and imports (issue 17, part A)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import PermissionDenied

from stuurknop.projectfile import schema as doc
from stuurknop.web.projects.entities import FUNDING_LINE, row_data
from stuurknop.web.projects.models import FundingLine, LogEntry, Project, ProjectMember
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services import project_import
from stuurknop.web.projects.services.commitments import (
    funding_line_confirm,
    funding_line_decline,
    funding_line_record_on_behalf,
    open_requests,
)
from stuurknop.web.projects.services.money import funding_line_create, funding_line_update

from .conftest import People, make_user


@pytest.fixture
def gert(project: Project, people: People) -> User:
    """A bewerker of the municipality: speaks for the only gemeente at the table."""
    user = make_user("gert", people.elders)
    user.email = "gert@gemeente.example"
    user.save()
    ProjectMember.objects.create(project=project, user=user, role=Role.BEWERKER)
    return user


def propose(project: Project, by: User, **fields: object) -> FundingLine:
    given = {"cost_item": "k1", "party": "gemeente", "source": "III", "amount": "5000"}
    return funding_line_create(scenario=project.scenarios.get(), by=by, **{**given, **fields})


def update(line: FundingLine, by: User, **fields: object) -> FundingLine:
    line.refresh_from_db()
    data = {**row_data(FUNDING_LINE, line), **fields}
    del data["id"]
    return funding_line_update(funding_line=line, by=by, expected_version=line.version, **data)


def test_a_non_payer_setting_toegezegd_stores_a_request_and_mails_the_party(
    project: Project, people: People, gert: User
) -> None:
    # bram speaks for the care organisation; the line is the municipality's.
    line = propose(project, people.bram, status="toegezegd")
    line.refresh_from_db()
    assert line.status == "in_gesprek" and line.commitment is None
    assert line.request["state"] == "open" and line.request["by"] == "Bram"
    assert [m.to for m in mail.outbox] == [["gert@gemeente.example"]]
    assert "Activiteitenbegeleider" in mail.outbox[0].subject
    assert open_requests(gert) == [line]
    assert open_requests(people.bram) == []


def test_the_payer_confirms_then_another_change_falls_back_and_the_log_has_both(
    project: Project, people: People, gert: User
) -> None:
    line = propose(project, people.bram, status="toegezegd")
    line.refresh_from_db()
    with pytest.raises(PermissionDenied):  # bram cannot confirm for the municipality
        funding_line_confirm(funding_line=line, by=people.bram, expected_version=line.version)
    funding_line_confirm(
        funding_line=line, by=gert, expected_version=line.version, remark="Raadsbesluit 12"
    )
    line.refresh_from_db()
    assert line.status == "toegezegd" and line.request is None
    assert line.commitment["how"] == "bevestigd" and line.commitment["by"] == "Gert"
    assert line.commitment["at"] == dt.date.today().isoformat()
    assert line.commitment["organisation"] == line.party.name
    # A change by another keeps nothing confirmed that the party did not see.
    update(line, people.bram, status="toegezegd", amount="6000.00")
    line.refresh_from_db()
    assert line.status == "in_gesprek" and line.commitment is None
    assert line.request["state"] == "open"
    whats = [e.what for e in LogEntry.objects.filter(project=project).order_by("id")]
    assert any("bevestigd" in w for w in whats)
    last = LogEntry.objects.filter(project=project).order_by("id").last()
    status = next(c for c in last.changes if c["field"] == "status")
    assert (status["old"], status["new"]) == ("toegezegd", "in_gesprek")
    assert any(c["field"] == "commitment" and c["new"] is None for c in last.changes)


def test_a_change_by_the_payer_or_of_other_fields_keeps_the_confirmation(
    project: Project, people: People, gert: User
) -> None:
    line = propose(project, gert, status="toegezegd")  # the payer commits it at once
    line.refresh_from_db()
    assert line.commitment["how"] == "bevestigd" and line.request is None
    update(line, gert, amount="7000.00")
    line.refresh_from_db()
    assert line.status == "toegezegd" and line.commitment["how"] == "bevestigd"


def test_the_payer_declines_with_a_remark(project: Project, people: People, gert: User) -> None:
    line = propose(project, people.bram, status="toegezegd")
    line.refresh_from_db()
    with pytest.raises(Exception, match="waarom"):
        funding_line_decline(funding_line=line, by=gert, expected_version=line.version, remark="")
    funding_line_decline(
        funding_line=line, by=gert, expected_version=line.version, remark="Geen budget in 2026"
    )
    line.refresh_from_db()
    assert line.request["state"] == "afgewezen"
    assert line.request["remark"] == "Geen budget in 2026"
    assert open_requests(gert) == []


def test_a_beheerder_records_a_commitment_on_behalf_with_a_letter(
    project: Project, people: People
) -> None:
    line = propose(project, people.anna, party="gemeente", status="in_gesprek")
    line.refresh_from_db()
    letter = dt.date(2025, 3, 14)
    with pytest.raises(PermissionDenied):
        funding_line_record_on_behalf(
            funding_line=line, by=people.bram, expected_version=line.version,
            evidence_reference="FZ-1", evidence_date=letter,
        )  # fmt: skip
    funding_line_record_on_behalf(
        funding_line=line, by=people.anna, expected_version=line.version,
        evidence_reference="FZ-2025-0312", evidence_date=letter,
    )  # fmt: skip
    line.refresh_from_db()
    assert line.status == "toegezegd"
    assert line.commitment["how"] == "namens"
    assert line.commitment["evidence_reference"] == "FZ-2025-0312"
    assert line.commitment["evidence_date"] == "2025-03-14"
    exported = project_document(project).scenarios[0].funding[-1]
    assert exported.commitment is not None
    assert exported.commitment.how is doc.CommitmentHow.NAMENS


def test_an_import_records_every_committed_line_on_behalf(make_document, people: People) -> None:
    confirmed = {"how": "bevestigd", "by": "Iemand", "organisation": "Gemeente"}
    document = make_document(
        costs=[{"id": "k1", "knob": 4, "amount": "1000"}],
        funding=[
            {"party": "gemeente", "source": "III", "amount": "1000", "status": "toegezegd",
             "commitment": confirmed},
            {"party": "zorg", "source": "V", "amount": "10", "status": "idee"},
        ],
    )  # fmt: skip
    project = project_import(document=document, by=people.bram)
    lines = list(project.scenarios.get().funding_lines.order_by("position"))
    assert lines[0].status == "toegezegd"
    assert (lines[0].commitment["how"], lines[0].commitment["by"]) == ("namens", "import")
    assert lines[1].commitment is None


def test_a_save_by_another_that_changes_no_term_keeps_the_confirmation(
    project: Project, people: People, gert: User
) -> None:
    line = propose(project, gert, status="toegezegd", amount="5000")
    update(line, people.bram, amount="5000", status="toegezegd")  # the same amount, said anew
    line.refresh_from_db()
    assert line.status == "toegezegd" and line.commitment["how"] == "bevestigd"
