"""Importing a project file: everything or nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from stuurknop.projectfile import DocumentInvalid, ProjectDocument
from stuurknop.web.projects.models import (
    CostItem,
    FundingLine,
    KnobSetting,
    LogEntry,
    Project,
    ProjectParty,
    Scenario,
)
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services import imports, project_import, project_import_json

if TYPE_CHECKING:
    from tests.web.conftest import People


ROWS = (Project, ProjectParty, Scenario, KnobSetting, CostItem, FundingLine, LogEntry)


def nothing_stored() -> bool:
    return not any(model.objects.exists() for model in ROWS)


def test_an_imported_document_comes_back_exactly(
    people: People, shared_document: ProjectDocument
) -> None:
    project = project_import(document=shared_document, by=people.anna, organisation=people.woco)
    assert project_document(project) == shared_document
    assert project.created_by_organisation == people.woco


def test_the_importer_becomes_beheerder_and_the_import_adds_no_log_line(
    people: People, shared_document: ProjectDocument
) -> None:
    project = project_import(document=shared_document, by=people.anna)
    assert project.members.get().role == "beheerder"
    assert not LogEntry.objects.filter(project=project).exists()


def test_a_file_with_an_error_stores_nothing_and_says_where(
    people: People, document_data: Callable[..., dict[str, Any]]
) -> None:

    data = document_data(costs=[{"amount": "12.345"}])
    with pytest.raises(DocumentInvalid) as invalid:
        project_import_json(raw=json.dumps(data), by=people.anna)
    [error] = invalid.value.errors
    assert error.path == "scenarios[0].costs[0].amount"
    assert error.location == 'scenario "Basis", kostenpost 1, bedrag'
    assert "decimalen" in error.message
    assert nothing_stored()


def test_a_document_with_a_dangling_reference_stores_nothing(
    people: People, document_data: Callable[..., dict[str, Any]]
) -> None:
    # Valid field by field, so it can be built in code, but it names a party that is not there.
    data = document_data(costs=[{}], funding=[{"party": "bank", "source": "I"}])
    document = ProjectDocument.model_validate(data)
    with pytest.raises(DocumentInvalid, match="partij 'bank' staat niet bij de partijen"):
        project_import(document=document, by=people.anna)
    assert nothing_stored()


def test_a_failure_halfway_through_stores_nothing(
    people: People, shared_document: ProjectDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports, "_import_log", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        project_import(document=shared_document, by=people.anna)
    assert nothing_stored()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"{not json", "geen geldige JSON"),
        (b'{"a": "\xc3\x28"}', "geen UTF-8-tekst"),
        (b'{"format": "iets anders"}', "moet een van deze zijn"),
    ],
)
def test_what_is_not_a_project_file_is_refused_in_dutch(
    people: People, raw: bytes, message: str
) -> None:
    with pytest.raises(DocumentInvalid, match=message):
        project_import_json(raw=raw, by=people.anna)
    assert nothing_stored()


def test_parties_can_be_linked_to_organisations_on_import(
    people: People, shared_document: ProjectDocument
) -> None:
    project = project_import(
        document=shared_document,
        by=people.anna,
        organisation=people.woco,
        party_organisations={"woco": people.woco, "zorg": people.zorg},
    )
    linked = dict(project.parties.values_list("key", "organisation__name"))
    assert linked["woco"] == "Woonstichting Het Anker"
    assert linked["zorg"] == "Zorggroep Zuid"
    assert linked["gemeente"] is None
    assert project.members.get(user=people.anna).party.key == "woco"
