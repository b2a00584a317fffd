"""The money page: the engine's figures, the cliff, charts with the same figures as their
tables, the balance with its caveat; lezers read it, outsiders get 404."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

import pytest
from django.test import Client
from django.urls import reverse

from stuurknop.charts import money as money_charts_module
from stuurknop.presentation.numbers import euro, percent
from stuurknop.presentation.reasons import text
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.selectors import cached_for_revision, scenario_analysis
from stuurknop.web.projects.services import cost_item_create, project_import

if TYPE_CHECKING:
    from tests.web.conftest import People


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def page_url(project: Project, scenario: Scenario | None = None) -> str:
    scenario = scenario or project.scenarios.get()
    return reverse("money_page", args=[project.pk, scenario.pk])


class Tables(HTMLParser):
    """Every table of a page as {caption: [[cell, …], …]} (header row first)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._rows: list[list[str]] | None = None
        self._caption: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "table":
            self._rows = []
        elif tag == "caption":
            self._caption = []
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption" and self._caption is not None:
            self._title = " ".join("".join(self._caption).split())
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None and self._rows:
            self._rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table" and self._rows is not None:
            self.tables[self._title] = self._rows
            self._rows = None

    def handle_data(self, data: str) -> None:
        for part in (self._caption, self._cell):
            if part is not None:
                part.append(data)


def tables_of(html: str) -> dict[str, list[list[str]]]:
    parser = Tables()
    parser.feed(html)
    return parser.tables


@pytest.fixture
def page(project: Project, people: People) -> str:
    response = client_for(people.carla).get(page_url(project))
    assert response.status_code == 200
    return response.content.decode()


def test_a_lezer_sees_the_engines_key_figures(project: Project, page: str) -> None:
    money = scenario_analysis(project, project.scenarios.get()).money
    # De Linde: € 20.000 a year for 5 years; the municipality pays 2 years from source III
    assert money.total_costs == Decimal("100000")
    figures = dict(
        re.findall(r"<dt>(.*?)</dt>\s*<dd><span class=\"figure-value\">(.*?)</span>", page)
    )
    assert figures == {
        "Totale kosten": euro(money.total_costs),
        "Totale financiering": euro(money.total_funding),
        "Tekort": euro(money.total_uncovered),
        "Toegezegd": euro(money.committed),
        "Nog niet toegezegd": euro(money.open),
        "Structureel gedekt": percent(money.structural_share),
    }
    assert figures["Tekort"] == "€ 60.000" and figures["Structureel gedekt"] == "0%"
    assert "<h1>Geld" in page and page.count("<h1") == 1


def test_the_cliff_is_shown_with_the_engines_reason(project: Project, page: str) -> None:
    (cliff,) = scenario_analysis(project, project.scenarios.get()).money.cliffs
    assert cliff.year == 2027
    assert "Klif in 2027" in page
    assert text(cliff.reason) in page
    rows = tables_of(page)["Kosten en financiering per jaar"]
    assert rows[3][0] == "2027" and rows[3][-1] == f"Klif: {text(cliff.reason)}"


def test_the_year_table_has_the_figures_of_the_chart_and_the_engine(
    project: Project, page: str
) -> None:
    money = scenario_analysis(project, project.scenarios.get()).money
    header, *rows = tables_of(page)["Kosten en financiering per jaar"]
    assert header == [
        "Jaar",
        "Structurele financiering",
        "Tijdelijke financiering",
        "Tekort",
        "Kosten",
        "Opmerking",
    ]
    assert rows == [
        [
            str(y.year),
            euro(y.funding - y.temporary),
            euro(y.temporary),
            euro(y.uncovered),
            euro(y.costs),
            f"Klif: {text(money.cliffs[0].reason)}" if y.year == 2027 else "",
        ]
        for y in money.years
    ]
    # the chart on the page (cached by the view) drew these very figures
    scenario = project.scenarios.get()
    charts = cached_for_revision(
        project, f"chart:money:{scenario.pk}", lambda: pytest.fail("the page cached no charts")
    )
    drawing = charts.per_year.drawing
    assert drawing is not None
    drawn = dict(drawing.bars) | dict(drawing.lines)
    assert [euro(Decimal(repr(v))) for v in drawn["Tijdelijke financiering"]] == [
        row[2] for row in rows
    ]
    assert [euro(Decimal(repr(v))) for v in drawn["Tekort"]] == [row[3] for row in rows]
    assert [euro(Decimal(repr(v))) for v in drawn["Kosten"]] == [row[4] for row in rows]


def test_per_party_tables_show_costs_funding_and_gap_per_year(project: Project, page: str) -> None:
    money = scenario_analysis(project, project.scenarios.get()).money
    tables = tables_of(page)
    payer = next(p for p in money.parties if p.party == "gemeente")
    header, *rows = tables[f"{payer.name}: geld per jaar"]
    assert header[-1] == "Opmerking"  # the year a cliff hits the costs the party carries
    assert rows[0] == [
        str(payer.years[0].year),
        euro(payer.years[0].costs),
        euro(payer.years[0].received),
        euro(payer.years[0].uncovered),
        euro(payer.years[0].paid),
        "",
    ]
    assert rows[-1] == ["Totaal", "€ 0", "€ 0", "€ 0", "€ 40.000", ""]
    # the gap sits with the party that carries the cost (here: nobody yet)
    gap = tables["Tekort per partij per jaar"]
    assert gap[0][:2] == ["Jaar", "Nog geen partij"]
    assert [row[1] for row in gap[1:]] == ["€ 0", "€ 0", "€ 20.000", "€ 20.000", "€ 20.000"]


def test_the_balance_splits_the_funded_total_and_its_verdicts_agree_with_the_tables(
    project: Project, page: str
) -> None:
    balance = scenario_analysis(project, project.scenarios.get()).balance
    assert balance.value_known
    tables = tables_of(page)
    shares = tables["Deel van de financiering (€ 40.000) en deel van de waarde per partij"]
    split = tables["Verdeling van de financiering (€ 40.000) naar het deel van de waarde"]
    share_rows = {row[0]: row for row in shares[1:]}
    split_rows = {row[0]: row for row in split[1:]}
    for party in balance.parties:
        assert share_rows[party.name][1] == percent(party.funding_share)
        assert split_rows[party.name][1:] == [
            euro(party.paid, cents=True),
            euro(party.split, cents=True),
            euro(party.difference, cents=True),
        ]
    # the split divides what is paid, to the cent; the gap is said apart and not split
    assert split_rows["Totaal"][1:] == ["€ 40.000,00", "€ 40.000,00", "€ 0,00"]
    assert "Het tekort van € 60.000 (kosten die niemand betaalt) wordt niet verdeeld" in page
    # "meer dan haar deel" only beside positive differences, "minder" beside negative ones
    findings = re.findall(r"<li>([^<]*?) betaalt [^<]*? (meer|minder) dan haar deel", page)
    assert findings
    for name, more in findings:
        points, difference = share_rows[name][3], split_rows[name][3]
        assert points.startswith("-") == difference.startswith("€ -") == (more == "minder")
    assert "Een begin voor het gesprek, geen advies" in page
    assert "wie alles minder belangrijk noemt, verandert haar deel niet" in page


def test_every_chart_is_inline_svg_safe_under_the_csp_with_a_text_alternative(page: str) -> None:
    svgs = re.findall(r"<svg\b.*?</svg>", page, flags=re.DOTALL)
    wide = [svg for svg in svgs if "-telefoon-title" not in svg]
    assert len(wide) == 5  # per year, per party, gap per party, two balance charts
    assert len(svgs) == 10  # each bar chart drawn for a phone too (chart_images.py)
    ids: list[str] = []
    for svg in svgs:
        root = ET.fromstring(svg)
        assert root.get("role") == "img"
        labels = root.get("aria-labelledby", "").split()
        assert len(labels) == 2
        ids += [e.get("id", "") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))  # several charts on one page, no id twice
    assert "style=" not in page and "<style" not in page and "<script>" not in page
    # every chart has its table, the balance charts too: the plan's blocks
    assert page.count('<details class="chart-table">') == 5


def test_the_charts_are_cached_until_the_project_changes(
    project: Project, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = money_charts_module.money_charts

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr("stuurknop.web.projects.views.money.money_charts", counting)
    client = client_for(people.carla)
    client.get(page_url(project))
    client.get(page_url(project))
    assert len(calls) == 1
    cost_item_create(
        scenario=project.scenarios.get(),
        by=people.bram,
        knob=2,
        description="Inrichting ontmoetingsruimte",
        kind="eenmalig",
        amount=Decimal("15000"),
        first_year=2026,
    )
    page = client.get(page_url(project)).content.decode()
    assert len(calls) == 2
    assert "Inrichting ontmoetingsruimte" in page and "€ 115.000" in page


def test_the_cost_items_link_to_the_knob_where_they_are_edited(project: Project, page: str) -> None:
    scenario = project.scenarios.get()
    knob_url = reverse("knob_page", args=[project.pk, scenario.pk, 4])
    assert f'<a href="{knob_url}">4.' in page
    assert "Activiteitenbegeleider" in page


def test_a_bewerker_is_told_where_to_edit_and_a_lezer_where_to_look(
    project: Project, people: People, page: str
) -> None:
    editor = client_for(people.bram).get(page_url(project)).content.decode()
    assert "Kosten en financiering bewerken:" in editor
    assert "Kosten en financiering bewerken:" not in page
    assert "Kosten en financiering per stuurknop:" in page


def test_an_outsider_gets_404_and_an_anonymous_visitor_the_login_page(
    project: Project, people: People
) -> None:
    assert client_for(people.olaf).get(page_url(project)).status_code == 404
    response = Client().get(page_url(project))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_scenario_of_another_project_is_not_found(
    project: Project, people: People, make_document: Any
) -> None:
    other = project_import(
        document=make_document(name="Elders"), by=people.olaf, organisation=people.elders
    )
    url = reverse("money_page", args=[project.pk, other.scenarios.get().pk])
    assert client_for(people.anna).get(url).status_code == 404


def test_a_project_without_money_or_interests_says_so(people: People, make_document: Any) -> None:
    empty = project_import(document=make_document(), by=people.anna, organisation=people.woco)
    page = client_for(people.anna).get(page_url(empty)).content.decode()
    assert "nog geen kosten en geen financiering" in page
    assert "Nog geen partij heeft ingevuld welke waarden voor haar tellen" in page
    assert page.count("<svg") == 6  # no balance charts without interests; each also for a phone
    assert "Er is geen klif" in page


def test_the_pages_charts_and_tables_are_the_blocks_of_the_plans_money_chapters(
    project: Project, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from stuurknop.gespreksmodel import load_model
    from stuurknop.presentation import money as money_blocks
    from stuurknop.presentation.blocks import Figure, PlanTable
    from stuurknop.reports.plan import build_plan
    from stuurknop.web.projects.selectors import project_document

    made: list[tuple[str, PlanTable]] = []
    real = money_blocks.party_year_table

    def recording(*args: Any) -> PlanTable:
        made.append((face, real(*args)))
        return made[-1][1]

    monkeypatch.setattr(money_blocks, "party_year_table", recording)
    face = "page"
    response = client_for(people.carla).get(page_url(project))
    face = "plan"
    document = project_document(project)
    plan = build_plan(
        load_model(project.model_version),
        document,
        document.scenario(project.scenarios.get().name),
        today=dt.date(2026, 1, 1),
    )
    # one function made the tables per party for both faces, and they came out the same
    page_made = [table for who, table in made if who == "page"]
    assert page_made and page_made == [table for who, table in made if who == "plan"]

    def tables(blocks: Any) -> list[PlanTable]:
        found: list[PlanTable] = []
        for block in blocks:
            if isinstance(block, Figure) and block.table is not None:
                found.append(block.table)
            elif isinstance(block, PlanTable):
                found.append(block)
        return found

    page = response.context
    page_tables = tables(
        [page["per_year"], *page["party_figures"], *page["party_tables"], *page["balance_figures"]]
    )
    plan_tables = tables(
        block
        for anchor in ("geld", "geld-partijen", "balans")
        for block in plan.section(anchor).blocks
    )
    assert page_tables == plan_tables
    assert len(page_tables) == 3 + len(page["party_tables"]) + 2  # two balance tables


def test_money_that_comes_a_year_late_is_a_timing_gap_not_a_shortfall(
    people: People, make_document: Any
) -> None:
    late = project_import(
        document=make_document(
            costs=[
                {"id": "bouw", "description": "Verbouwing", "knob": 2, "kind": "eenmalig"}
                | {"amount": "8000", "first_year": 2027}
            ],
            funding=[
                {"cost_item": "bouw", "party": "woco", "source": "V", "amount": "8000"}
                | {"first_year": 2028}
            ],
        ),
        by=people.anna,
        organisation=people.woco,
    )
    said = "Geld komt later dan de kosten: 'Verbouwing' mist € 8.000 in 2027, gedekt in 2028."
    client = client_for(people.anna)
    money_page = client.get(page_url(late)).content.decode()
    rows = tables_of(money_page)["Kostenposten over de hele periode"]
    assert rows[0][-4:] == ["Gedekt", "Tekort", "Geld komt later", "Niet gedekt in"]
    assert rows[1][-4:] == ["€ 0", "€ 0", "€ 8.000", "2027"]
    assert said.replace("'", "&#x27;") in money_page
    scenario = late.scenarios.get()
    knob_page = client.get(reverse("knob_page", args=[late.pk, scenario.pk, 2])).content.decode()
    assert said.replace("'", "&#x27;") in knob_page
    overview = client.get(reverse("project_detail", args=[late.pk])).content.decode()
    assert '<dd data-figure="gap">€ 0</dd>' in overview
    assert '<dd data-figure="timing_gap">€ 8.000</dd>' in overview
    checks = client.get(reverse("checks_page", args=[late.pk, scenario.pk])).content.decode()
    assert "zonder dekking" not in checks
    assert "Op tijd gedekt: Verbouwing" in checks
