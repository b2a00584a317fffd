"""Realised money in the web app: entered by hand or read from a CSV or Excel file (each bad
row refused with its row and column, nothing stored from a file with errors), stored as rows,
validated as a whole project, logged, carried by the project file both ways, and shown planned
against realised on the money tab's "Gerealiseerd" page.

The shared project (De Linde, 2025–2029): k1 "Activiteitenbegeleider", € 20.000 per year,
paid by the gemeente from III (temporary) for 2025–2026 as f1.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from stuurknop.projectfile import DocumentInvalid, dump_document, parse_json
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Actual, LogEntry, Project, Scenario
from stuurknop.web.projects.project_file import project_data
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services import (
    cost_item_delete,
    funding_line_delete,
    project_import,
)
from stuurknop.web.projects.services.actuals import actual_create, actual_delete, actual_update
from stuurknop.web.projects.services.scenarios import scenario_copy, scenario_delete

if TYPE_CHECKING:
    from tests.web.conftest import People


def scenario_of(project: Project) -> Scenario:
    return project.scenarios.get()


def page(project: Project) -> str:
    return reverse("actuals_page", args=[project.pk, scenario_of(project).pk])


def upload(client: Client, project: Project, name: str, data: bytes):
    url = reverse("actuals_upload", args=[project.pk, scenario_of(project).pk])
    return client.post(url, {"file": io_file(name, data)})


def io_file(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def csv_bytes(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_entered_by_hand_shown_against_the_plan_and_logged(
    project: Project, people: People, client: Client
) -> None:
    scenario = scenario_of(project)
    actual_create(
        scenario=scenario, by=people.bram, cost_item="k1", year=2025, amount=Decimal("21500")
    )
    actual_create(
        scenario=scenario, by=people.bram, funding_line="f1", year=2025, amount=Decimal("15000")
    )
    client.force_login(people.carla)  # a reader sees it all, without forms
    html = client.get(page(project)).content.decode()
    assert "Gerealiseerd tot en met" in html and "2025" in html
    assert "€ 21.500 tegen € 20.000 gepland (+ € 1.500)" in html
    # the reason in words: f1 paid € 5.000 less than planned in 2025
    assert (
        "Gemeente (bron III) voor &#x27;Activiteitenbegeleider&#x27;: € 5.000 minder ontvangen"
        in html
    )
    assert "Bedrag vastleggen" not in html and "Bedragen inlezen" not in html
    assert "<svg" in html and "Gerealiseerd tegenover het plan, per jaar" in html
    entry = LogEntry.objects.filter(project=project).order_by("-id").first()
    assert (
        entry is not None
        and entry.what == "Ontvangen in 2025 voor 'Activiteitenbegeleider' toegevoegd"
    )
    history = client.get(reverse("project_history", args=[project.pk])).content.decode()
    assert "Uitgegeven in 2025 aan kostenpost" in history


def test_the_form_adds_one_and_refuses_both_or_neither_or_a_year_outside(
    project: Project, people: People, client: Client
) -> None:
    client.force_login(people.bram)
    both = {"cost_item": "k1", "funding_line": "f1", "year": "2025", "amount": "10"}
    response = client.post(page(project), both)
    assert response.status_code == 400
    assert "Kies een kostenpost óf een financiering" in response.content.decode()
    outside = {"cost_item": "k1", "year": "2031", "amount": "10"}
    response = client.post(page(project), outside)
    assert response.status_code == 400
    assert "binnen de looptijd van het project (2025–2029)" in response.content.decode()
    assert not Actual.objects.exists()
    response = client.post(
        page(project), {"cost_item": "k1", "year": "2026", "amount": "1.234,50", "note": "factuur"}
    )
    assert response.status_code == 302
    (actual,) = Actual.objects.all()
    assert (actual.cost_item.key, actual.year, actual.amount, actual.note) == (
        "k1",
        2026,
        Decimal("1234.50"),
        "factuur",
    )
    again = client.post(page(project), {"cost_item": "k1", "year": "2026", "amount": "5"})
    assert again.status_code == 400
    assert "Voor deze kostenpost staat in 2026 al een bedrag" in again.content.decode()


def test_edit_with_its_version_and_delete(project: Project, people: People, client: Client) -> None:
    scenario = scenario_of(project)
    actual = actual_create(
        scenario=scenario, by=people.bram, cost_item="k1", year=2025, amount=Decimal("100")
    )
    actual_update(
        actual=actual,
        by=people.bram,
        expected_version=1,
        cost_item="k1",
        year=2025,
        amount=Decimal("150"),
    )
    with pytest.raises(Conflict):
        actual_update(
            actual=actual,
            by=people.bram,
            expected_version=1,
            cost_item="k1",
            year=2025,
            amount=Decimal("1"),
        )
    client.force_login(people.bram)
    edit = reverse("actual_edit", args=[project.pk, scenario.pk, actual.pk])
    assert client.get(edit).status_code == 200
    response = client.post(
        edit, {"version": "2", "cost_item": "k1", "year": "2027", "amount": "200"}
    )
    assert response.status_code == 302
    actual.refresh_from_db()
    assert (actual.year, actual.amount, actual.version) == (2027, Decimal("200.00"), 3)
    delete = reverse("actual_delete", args=[project.pk, scenario.pk, actual.pk])
    assert client.post(delete, {"version": "3"}).status_code == 302
    assert not Actual.objects.exists()


def test_a_file_with_errors_stores_nothing_and_says_each_row_and_column(
    project: Project, people: People, client: Client
) -> None:
    client.force_login(people.bram)
    data = csv_bytes(
        "kostenpost;financiering;jaar;bedrag;notitie",
        "k1;;2025;20000;goed",
        "k1;;2026;twintig;",  # bad amount
        "k9;;2026;100;",  # unknown cost item
        ";f1;2031;100;",  # year outside the horizon
        "Activiteitenbegeleider;;2025;5;",  # the same cost item and year as row 2
        "k1;;2027;10,005;",  # three decimals
    )
    response = upload(client, project, "bedragen.csv", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Er zijn 5 fouten in het bestand; er is niets opgeslagen." in html
    assert "Rij 3, kolom bedrag: vul een bedrag in euro in" in html
    assert "Rij 4, kolom kostenpost: onbekende kostenpost &#x27;k9&#x27;" in html
    assert "Rij 5, kolom jaar: 2031 valt buiten de looptijd van het project (2025–2029)" in html
    assert "Rij 6, kolom kostenpost: voor dit jaar staat al een bedrag in rij 2" in html
    assert "Rij 7, kolom bedrag" in html
    assert not Actual.objects.exists()
    assert not LogEntry.objects.filter(project=project, what__startswith="Gerealiseerde").exists()


def test_a_good_file_is_read_and_replaces_what_was_there(
    project: Project, people: People, client: Client
) -> None:
    scenario = scenario_of(project)
    actual_create(scenario=scenario, by=people.bram, cost_item="k1", year=2025, amount=Decimal("1"))
    client.force_login(people.bram)
    book = Workbook()
    sheet = book.active
    sheet.append(["omschrijving", "jaar", "kostenpost", "financiering", "bedrag"])
    sheet.append(["begeleider", 2025, "k1", None, 19999.5])
    sheet.append(["gemeente", 2025, None, "f1", "20.000"])
    sheet.append(["gemeente", 2026, None, "f1", 20000])
    sheet.append(["nog niet", None, "k1", None, None])  # a template row not filled in: skipped
    out = io.BytesIO()
    book.save(out)
    response = upload(client, project, "bedragen.xlsx", out.getvalue())
    assert response.status_code == 302
    stored = sorted(
        (a.cost_item.key if a.cost_item else a.funding_line.key, a.year, a.amount)
        for a in Actual.objects.select_related("cost_item", "funding_line")
    )
    assert stored == [
        ("f1", 2025, Decimal("20000.00")),
        ("f1", 2026, Decimal("20000.00")),
        ("k1", 2025, Decimal("19999.50")),
    ]
    entry = LogEntry.objects.filter(project=project).order_by("-id").first()
    assert entry is not None
    assert (
        entry.what == "Gerealiseerde bedragen ingelezen uit 'bedragen.xlsx': 2 nieuw, 1 vervangen"
    )
    assert len(entry.changes) == 3


def test_the_template_lists_every_cost_item_and_funding_line_and_reads_back_empty(
    project: Project, people: People, client: Client
) -> None:
    client.force_login(people.carla)
    scenario = scenario_of(project)
    xlsx = client.get(reverse("actuals_template", args=[project.pk, scenario.pk, "xlsx"]))
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("kostenpost", "financiering", "jaar", "bedrag", "notitie", "omschrijving")
    assert [r[:2] for r in rows[1:]] == [("k1", None), (None, "f1")]
    csv = client.get(reverse("actuals_template", args=[project.pk, scenario.pk, "csv"]))
    assert csv.content.decode("utf-8-sig").splitlines()[1].startswith("k1;;;;;Uitgegeven aan")
    client.force_login(people.bram)
    response = upload(client, project, "leeg.xlsx", xlsx.content)  # nothing filled in
    assert response.status_code == 302 and not Actual.objects.exists()


def test_an_unreadable_or_wrong_kind_of_file_is_refused_plainly(
    project: Project, people: People, client: Client
) -> None:
    client.force_login(people.bram)
    assert (
        "Kies een .csv- of .xlsx-bestand."
        in upload(client, project, "x.pdf", b"%PDF").content.decode()
    )
    broken = upload(client, project, "x.xlsx", b"not a workbook").content.decode()
    assert "Dit bestand is niet te lezen als CSV of Excel." in broken
    missing = upload(
        client, project, "x.csv", csv_bytes("kostenpost,bedrag", "k1,5")
    ).content.decode()
    assert "Rij 1, kolom jaar: deze kolom ontbreekt in de eerste rij." in missing


def test_what_has_actuals_cannot_vanish_but_a_scenario_copies_and_deletes_them(
    project: Project, people: People
) -> None:
    scenario = scenario_of(project)
    actual_create(
        scenario=scenario, by=people.bram, funding_line="f1", year=2025, amount=Decimal("9")
    )
    line = scenario.funding_lines.get()
    with pytest.raises(DocumentInvalid, match="gerealiseerd bedrag op deze financieringsregel"):
        funding_line_delete(funding_line=line, by=people.bram, expected_version=line.version)
    copy = scenario_copy(source=scenario, by=people.bram, name="Kopie")
    copied = copy.actuals.select_related("funding_line").get()
    assert copied.funding_line.scenario_id == copy.pk and copied.amount == Decimal("9")
    scenario_delete(scenario=copy, by=people.bram, expected_version=copy.version)
    assert Actual.objects.count() == 1
    item = scenario.cost_items.get()
    actual_create(scenario=scenario, by=people.bram, cost_item="k1", year=2025, amount=Decimal("9"))
    actual = scenario.actuals.get(cost_item=item)
    with pytest.raises(DocumentInvalid):
        cost_item_delete(cost_item=item, by=people.bram, expected_version=item.version)
    actual_delete(actual=actual, by=people.bram, expected_version=actual.version)


def test_the_project_file_carries_actuals_both_ways(project: Project, people: People) -> None:
    scenario = scenario_of(project)
    actual_create(
        scenario=scenario,
        by=people.bram,
        cost_item="k1",
        year=2026,
        amount=Decimal("12.34"),
        note="x",
    )
    actual_create(
        scenario=scenario, by=people.bram, funding_line="f1", year=2026, amount=Decimal("5")
    )
    document = project_document(project)
    assert [(a.ref, a.year, str(a.amount)) for a in document.scenario().actuals] == [
        ("k1", 2026, "12.34"),
        ("f1", 2026, "5.00"),
    ]
    again = project_import(
        document=parse_json(dump_document(document)), by=people.anna, organisation=people.woco
    )
    assert project_data(again)["scenarios"] == project_data(project)["scenarios"]


def test_a_reader_cannot_enter_nor_import(project: Project, people: People, client: Client) -> None:
    client.force_login(people.carla)
    assert (
        client.post(page(project), {"cost_item": "k1", "year": "2025", "amount": "1"}).status_code
        == 403
    )
    assert (
        upload(
            client, project, "x.csv", csv_bytes("kostenpost;jaar;bedrag", "k1;2025;1")
        ).status_code
        == 403
    )
    assert not Actual.objects.exists()
