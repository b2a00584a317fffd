"""The partners' agreement in the web app: drawn up from the chosen scenario, confirmed per
party only by a member who speaks for that party, frozen when every party at the table has
confirmed, a change afterwards flagged on the page and in the checks, and kept by export and
import (issue 17, part B)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from stuurknop.projectfile import parse_document, to_data
from stuurknop.web.projects.models import LogEntry, Project, ProjectMember
from stuurknop.web.projects.project_file import project_data
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services import project_import
from stuurknop.web.projects.services.agreements import (
    agreement_confirm,
    agreement_draw_up,
    agreements_of,
    agreements_version,
)
from stuurknop.web.projects.services.money import funding_line_update

from .conftest import People, make_user


@pytest.fixture
def two_at_table(people: People, make_document) -> Project:  # type: ignore[no-untyped-def]
    """Two parties at the table (woco: anna, zorg: bram), the municipality pays but is not."""
    document = make_document(
        parties={"woco": "woningcorporatie", "zorg": "zorgorganisatie", "gemeente": "gemeente"},
        not_at_table=["gemeente"],
        knobs={4: 2},
        costs=[{"id": "k1", "knob": 4, "description": "Activiteitenbegeleider", "amount": "20000"}],
        funding=[{"id": "f1", "party": "woco", "source": "V", "amount": "12000"}],
        chosen=True,
    )
    project = project_import(document=document, by=people.anna, organisation=people.woco)
    ProjectMember.objects.create(project=project, user=people.bram, role=Role.BEWERKER)
    ProjectMember.objects.create(project=project, user=people.carla, role=Role.LEZER)
    return project


def _confirm(project: Project, user: User) -> None:
    project.refresh_from_db()
    agreement_confirm(
        project=project,
        by=user,
        number=agreements_of(project)[-1].number,
        expected_version=agreements_version(project),
    )


def test_drawn_up_from_the_chosen_scenario_with_the_partners_texts(
    two_at_table: Project, people: People
) -> None:
    version = agreement_draw_up(
        project=two_at_table,
        by=people.anna,
        expected_version=0,
        changes="Samen in de stuurgroep.",
        hours={"woco": 80},
    )
    by_party = {p.party: p for p in version.content.parties}
    assert [m.amount for m in by_party["woco"].money] == [12000]
    assert by_party["woco"].hours_per_year == 80 and by_party["zorg"].hours_per_year is None
    assert "gemeente" not in by_party  # neither at the table nor paying
    assert version.content.changes == "Samen in de stuurgroep."
    entry = LogEntry.objects.filter(project=two_at_table).latest("id")
    assert "versie 1 opgesteld" in entry.what
    client = Client()
    client.force_login(people.carla)
    history = client.get(reverse("project_history", args=[two_at_table.pk])).content.decode()
    assert "Samenwerkingsafspraak versie 1" in history


def test_each_party_confirms_only_for_itself_and_all_of_them_freeze_the_version(
    two_at_table: Project, people: People
) -> None:
    agreement_draw_up(project=two_at_table, by=people.anna, expected_version=0)
    outsider = make_user("vera", people.welzijn)  # a bewerker who speaks for no party here
    ProjectMember.objects.create(project=two_at_table, user=outsider, role=Role.BEWERKER)
    with pytest.raises(PermissionDenied):
        _confirm(two_at_table, outsider)
    _confirm(two_at_table, people.anna)
    latest = agreements_of(two_at_table)[-1]
    assert [(c.party, c.by) for c in latest.confirmations] == [("woco", "Anna")]
    assert latest.confirmations[0].organisation == people.woco.name
    assert not latest.frozen
    with pytest.raises(Exception, match="al bevestigd"):
        _confirm(two_at_table, people.anna)  # once per party
    _confirm(two_at_table, people.bram)
    latest = agreements_of(two_at_table)[-1]
    assert latest.frozen
    assert {c.party for c in latest.confirmations} == {"woco", "zorg"}
    # frozen: drawing up again makes version 2, version 1 stays as it was
    agreement_draw_up(
        project=two_at_table, by=people.anna, expected_version=agreements_version(two_at_table)
    )
    versions = agreements_of(two_at_table)
    assert [v.number for v in versions] == [1, 2]
    assert versions[0] == latest and versions[1].confirmations == []


def test_the_confirm_route_refuses_a_reader_and_someone_without_a_party(
    two_at_table: Project, people: People
) -> None:
    agreement_draw_up(project=two_at_table, by=people.anna, expected_version=0)
    outsider = make_user("vera", people.welzijn)
    ProjectMember.objects.create(project=two_at_table, user=outsider, role=Role.BEWERKER)
    url = reverse("agreement_confirm", args=[two_at_table.pk, 1])
    for user in (people.carla, outsider):
        client = Client()
        client.force_login(user)
        assert client.post(url, {"version": "1"}).status_code == 403
    assert agreements_of(two_at_table)[-1].confirmations == []


def test_a_change_after_the_freeze_is_flagged_on_the_page_and_in_the_checks(
    two_at_table: Project, people: People
) -> None:
    agreement_draw_up(project=two_at_table, by=people.anna, expected_version=0)
    _confirm(two_at_table, people.anna)
    _confirm(two_at_table, people.bram)
    client = Client()
    client.force_login(people.carla)
    page = reverse("agreement_page", args=[two_at_table.pk])
    assert "wijkt af" not in client.get(page).content.decode()
    line = two_at_table.scenarios.get().funding_lines.get(key="f1")
    data = to_data(project_document(two_at_table))["scenarios"][0]["funding"][0]
    data.pop("id")
    funding_line_update(
        funding_line=line,
        by=people.anna,
        expected_version=line.version,
        **{**data, "amount": "15000"},
    )
    html = client.get(page).content.decode()
    assert "wijkt af van de vastgestelde afspraak" in html
    assert "15.000" in html and "12.000" in html
    checks = client.get(
        reverse("checks_page", args=[two_at_table.pk, line.scenario.pk])
    ).content.decode()
    assert "Het scenario wijkt af van de samenwerkingsafspraak" in checks
    overview = client.get(reverse("project_detail", args=[two_at_table.pk])).content.decode()
    assert "Het scenario wijkt af van de samenwerkingsafspraak" in overview
    assert "15.000" in overview


def test_export_and_import_keep_every_version_and_mark_its_confirmations_as_taken_over(
    two_at_table: Project, people: People
) -> None:
    agreement_draw_up(project=two_at_table, by=people.anna, expected_version=0, hours={"zorg": 4})
    _confirm(two_at_table, people.bram)
    exported = project_data(two_at_table)
    assert exported["agreements"][0]["confirmations"][0]["imported"] is False
    again = project_import(document=parse_document(exported), by=people.anna)
    kept = project_data(again)["agreements"]
    # Whoever imports cannot confirm for another party: the confirmation stays, marked as
    # taken over from the file; the content and its fingerprint stay exactly.
    assert [c["imported"] for c in kept[0]["confirmations"]] == [True]
    for data in (kept, exported["agreements"]):
        for version in data:
            for confirmation in version["confirmations"]:
                confirmation.pop("imported")
    assert kept == exported["agreements"]
    client = Client()
    client.force_login(people.anna)
    page = client.get(reverse("agreement_page", args=[again.pk])).content.decode()
    assert "uit een ingelezen bestand, niet hier bevestigd" in page
    # and a second export and import changes nothing more
    again.refresh_from_db()
    assert (
        project_data(project_import(document=parse_document(project_data(again)), by=people.anna))[
            "agreements"
        ]
        == project_data(again)["agreements"]
    )


def test_the_checks_page_links_a_departure_to_the_agreement(
    two_at_table: Project, people: People
) -> None:
    agreement_draw_up(project=two_at_table, by=people.anna, expected_version=0)
    _confirm(two_at_table, people.anna)
    _confirm(two_at_table, people.bram)
    line = two_at_table.scenarios.get().funding_lines.get(key="f1")
    data = to_data(project_document(two_at_table))["scenarios"][0]["funding"][0]
    data.pop("id")
    funding_line_update(
        funding_line=line, by=people.anna, expected_version=line.version, **{**data, "years": 2}
    )
    client = Client()
    client.force_login(people.carla)
    page = client.get(reverse("checks_page", args=[two_at_table.pk, line.scenario.pk]))
    html = page.content.decode()
    assert reverse("agreement_page", args=[two_at_table.pk]) in html
    assert "Naar de samenwerkingsafspraak" in html
    assert "de jaren of de status" in html
