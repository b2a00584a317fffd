"""Evidence and monitoring in the web app: evidence needs with their finding (text, link, file),
indicators (from the library or new), measurements by hand and from a CSV or Excel file (a bad
row refuses the whole file, named by row and column), each status with its rule; written as a
whole valid document, logged, carried losslessly by the project file."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from stuurknop.projectfile import DocumentInvalid, dump_document, parse_json
from stuurknop.projectfile.evidence import EvidenceStatus
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import LogEntry, Project
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services import project_import
from stuurknop.web.projects.services.evidence import (
    evidence_need_delete,
    evidence_need_save,
    evidence_plans,
    indicator_save,
    measurements_add,
)

if TYPE_CHECKING:
    from tests.web.conftest import People

VALUE = "minder_zorgvraag"  # aimed by the shared project's care organisation

INDICATOR = {
    "name": "Tevredenheid bewoners",
    "unit": "rapportcijfer",
    "direction": "hoger_beter",
    "baseline": Decimal("6"),
    "baseline_date": dt.date(2024, 1, 1),
    "target": Decimal("8"),
    "target_date": dt.date(2026, 1, 1),
    "owner": "zorg",
    "knobs": [4],
}


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


def _scenario(project: Project) -> Any:
    return project.scenarios.get()


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _indicator(project: Project, people: People) -> str:
    scenario = _scenario(project)
    saved = indicator_save(
        scenario=scenario,
        by=people.bram,
        expected_version=scenario.version,
        value=VALUE,
        indicator_id=None,
        data=INDICATOR,
    )
    return saved.id


def test_an_evidence_need_is_added_changed_and_deleted_with_its_log(
    project: Project, people: People
) -> None:
    scenario = _scenario(project)
    need = {"kind": "pilot", "description": "Proef in één flat", "gatherer": "zorg"}
    evidence_need_save(
        scenario=scenario,
        by=people.bram,
        expected_version=scenario.version,
        value=VALUE,
        index=None,
        data=need,
    )
    with pytest.raises(Conflict):  # a page loaded before the first save is stale
        evidence_need_save(
            scenario=scenario,
            by=people.bram,
            expected_version=scenario.version - 1,
            value=VALUE,
            index=0,
            data={**need, "status": "binnen"},
        )
    evidence_need_save(
        scenario=scenario,
        by=people.bram,
        expected_version=scenario.version,
        value=VALUE,
        index=0,
        data={**need, "status": "binnen", "link": "https://example.org/rapport"},
    )
    [plan] = evidence_plans(scenario)
    assert plan.before_decision[0].status is EvidenceStatus.BINNEN
    entry = LogEntry.objects.filter(project=project).order_by("-id").first()
    assert entry is not None and {c["field"] for c in entry.changes} == {"status", "link"}
    with pytest.raises(DocumentInvalid):  # a party the project does not have
        evidence_need_save(
            scenario=scenario,
            by=people.bram,
            expected_version=scenario.version,
            value=VALUE,
            index=0,
            data={**need, "gatherer": "niemand"},
        )
    scenario.refresh_from_db()
    with pytest.raises(DocumentInvalid):
        evidence_need_save(
            scenario=scenario,
            by=people.bram,
            expected_version=scenario.version,
            value=VALUE,
            index=0,
            data={**need, "link": "javascript:alert(1)"},
        )
    scenario.refresh_from_db()  # the refused writes were rolled back
    assert evidence_plans(scenario)[0].before_decision[0].gatherer == "zorg"
    evidence_need_delete(
        scenario=scenario, by=people.bram, expected_version=scenario.version, value=VALUE, index=0
    )
    assert evidence_plans(scenario) == []


def test_the_page_shows_status_rule_chart_and_table(project: Project, people: People) -> None:
    key = _indicator(project, people)
    scenario = _scenario(project)
    measurements_add(
        scenario=scenario,
        by=people.bram,
        expected_version=scenario.version,
        rows=[(key, {"date": dt.date(2025, 1, 1), "value": Decimal("6.4")})],
    )
    page = _client(people.carla).get(reverse("evidence_page", args=[project.pk, scenario.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Status: uit koers" in html and "minder dan de helft" in html
    assert "Regel: de lijn loopt recht" in html
    assert "<svg" in html and "Tevredenheid bewoners: nulmeting, metingen en streefwaarde" in html
    assert "6,4" in html and "Meting toevoegen" not in html  # a reader does not edit
    history = _client(people.carla).get(reverse("project_history", args=[project.pk]))
    said = history.content.decode()
    assert "Indicator &#x27;Tevredenheid bewoners&#x27;" in said
    assert "toegevoegd: 6,4 op 1 januari 2025" in said


def _xlsx(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [["indicator", "datum", "waarde", "notitie"], *rows]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_file_with_one_bad_row_stores_nothing_and_a_good_one_stores_all(
    project: Project, people: People
) -> None:
    key = _indicator(project, people)
    scenario = _scenario(project)
    url = reverse("measurements_import", args=[project.pk, scenario.pk])
    client = _client(people.bram)
    bad = _xlsx(
        [
            [key, dt.datetime(2024, 7, 1), 6.8, "eerste ronde"],
            ["Tevredenheid bewoners", "31-12-2024", "zeven", ""],
        ]
    )
    answer = client.post(
        url,
        {"version": scenario.version, "file": SimpleUploadedFile("metingen.xlsx", bad)},
    )
    assert answer.status_code == 400
    assert "Rij 3, kolom waarde: geen getal" in answer.content.decode()
    assert evidence_plans(_scenario(project))[0].indicators[0].measurements == []
    good = b"indicator;datum;waarde;notitie\n" + f"{key};2024-07-01;6,8;\n".encode()
    good += b"Tevredenheid bewoners;31-12-2024;7,4;tweede ronde\n"
    answer = client.post(
        url,
        {"version": _scenario(project).version, "file": SimpleUploadedFile("m.csv", good)},
    )
    assert answer.status_code == 302
    [indicator] = evidence_plans(_scenario(project))[0].indicators
    assert [(m.value, m.origin.value) for m in indicator.measurements] == [
        (Decimal("6.8"), "bestand"),
        (Decimal("7.4"), "bestand"),
    ]
    template = client.get(reverse("measurements_template", args=[project.pk, scenario.pk]))
    assert template.status_code == 200 and template.content.startswith(b"PK")


def test_a_finding_file_is_checked_by_its_content_and_travels_by_reference(
    project: Project, people: People
) -> None:
    scenario = _scenario(project)
    client = _client(people.bram)
    url = reverse("evidence_need_add", args=[project.pk, scenario.pk, VALUE])
    form = {"version": scenario.version, "kind": "onderzoek", "description": "Effectstudie"}
    form |= {"status": "binnen"}
    fake = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf")
    answer = client.post(url, {**form, "file": fake})
    assert answer.status_code == 400 and "Dit bestandstype kan niet" in answer.content.decode()
    pdf = b"%PDF-1.4\n% a small file\n"
    answer = client.post(url, {**form, "file": SimpleUploadedFile("rapport.pdf", pdf)})
    assert answer.status_code == 302
    [plan] = evidence_plans(_scenario(project))
    described = plan.before_decision[0].file
    assert described is not None and described.size == len(pdf)
    download = client.get(reverse("evidence_file", args=[project.pk, scenario.pk, VALUE, 0]))
    assert download.content == pdf and download["Content-Type"] == "application/pdf"
    # Export and import: the reference travels losslessly; the copy has no bytes (404).
    document = project_document(project)
    copy = project_import(
        document=parse_json(dump_document(document)), by=people.anna, organisation=people.woco
    )
    assert project_document(copy).scenarios[0].evidence == document.scenarios[0].evidence
    other = copy.scenarios.get()
    missing = _client(people.anna).get(reverse("evidence_file", args=[copy.pk, other.pk, VALUE, 0]))
    assert missing.status_code == 404


def test_an_indicator_from_the_library_prefills_the_form(project: Project, people: People) -> None:
    scenario = _scenario(project)
    model_indicators = __import__("stuurknop.gespreksmodel", fromlist=["load_model"]).load_model(
        project.model_version
    )
    library = list(getattr(model_indicators, "indicators", ()))
    if not library:
        pytest.skip("the model has no indicator library yet")
    first = library[0]
    url = reverse("indicator_add", args=[project.pk, scenario.pk, VALUE])
    page = _client(people.bram).get(url, {"bibliotheek": first.id})
    assert page.status_code == 200
    assert f'value="{first.id}" selected' in page.content.decode()


def test_the_running_example_shows_its_indicators_with_status_and_chart(people: People) -> None:
    from stuurknop.examples.running import running_project
    from stuurknop.projectfile import parse_document

    project = project_import(
        document=parse_document(running_project()), by=people.anna, organisation=people.woco
    )
    scenario = project.scenarios.order_by("-chosen", "position", "id").first()
    assert scenario is not None
    page = _client(people.anna).get(reverse("evidence_page", args=[project.pk, scenario.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    plans = evidence_plans(scenario)
    indicators = [i for p in plans for i in p.indicators]
    assert indicators and html.count('class="indicator"') == len(indicators)
    assert html.count("Status: ") >= len(indicators)
    assert html.count("<svg") >= len(indicators)
