"""Properties that hold for every scenario, checked on generated ones."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from stuurknop.engine.money import money_over_time
from stuurknop.engine.routes import route_activation
from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile.schema import (
    Basics,
    CostItem,
    FundingLine,
    KnobSetting,
    Party,
    ProjectDocument,
    Scenario,
)

MODEL = load_model()
FIRST_YEAR = 2025
PARTIES = [
    Party(id="woco", name="Woco", party_type="woningcorporatie"),
    Party(id="zorg", name="Zorg", party_type="zorgorganisatie"),
    Party(id="gemeente", name="Gemeente", party_type="gemeente"),
]
PARTY_IDS = [p.id for p in PARTIES]
NUMERALS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]

# How far each knob is open: 0 is off.
openings = st.fixed_dictionaries({k: st.integers(0, 3) for k in range(1, 11)})
money = st.decimals(min_value=0, max_value=100_000, places=2)


def scenario_with(opened: dict[int, int]) -> Scenario:
    return Scenario(
        name="S",
        knobs=[KnobSetting(knob=k, status="aan", opening=o) for k, o in opened.items() if o],
    )


@settings(max_examples=100)
@given(openings, st.integers(1, 10), st.integers(1, 3))
def test_route_activation_stays_within_0_and_1_and_never_drops_when_a_knob_opens_further(
    opened, knob, step
):
    before = route_activation(MODEL, scenario_with(opened))
    wider = {**opened, knob: min(3, opened[knob] + step)}
    after = route_activation(MODEL, scenario_with(wider))
    for a, b in zip(before, after, strict=True):
        assert 0.0 <= a.activation <= 1.0
        assert 0.0 <= b.activation <= 1.0
        assert b.activation >= a.activation
        assert a.achieved == sum(c.opening for c in a.contributions)


@st.composite
def projects(draw: st.DrawFn) -> ProjectDocument:
    """A valid project with a few cost items and funding lines, each in the horizon."""
    horizon = draw(st.integers(1, 6))
    years = st.integers(FIRST_YEAR, FIRST_YEAR + horizon - 1)
    leads = draw(st.dictionaries(st.integers(1, 10), st.sampled_from(PARTY_IDS), max_size=3))
    costs = []
    for i in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["eenmalig", "jaarlijks"]))
        costs.append(
            CostItem(
                id=f"c{i}",
                knob=draw(st.integers(1, 10)),
                description=f"kosten {i}",
                kind=kind,
                amount=draw(money),
                first_year=draw(years),
                years=None if kind == "eenmalig" else draw(st.none() | st.integers(1, 8)),
                party=draw(st.none() | st.sampled_from(PARTY_IDS)),
            )
        )
    funding = []
    for i in range(draw(st.integers(0, 6)) if costs else 0):
        cost = draw(st.sampled_from(costs))
        funding.append(
            FundingLine(
                id=f"f{i}",
                cost_item=cost.id,
                party=draw(st.sampled_from(PARTY_IDS)),
                source=draw(st.sampled_from(NUMERALS)),
                amount=draw(money),
                first_year=draw(st.none() | years),
                years=None if cost.kind == "eenmalig" else draw(st.none() | st.integers(1, 8)),
                status=draw(st.sampled_from(["idee", "in_gesprek", "toegezegd"])),
            )
        )
    knobs = [
        KnobSetting(knob=k, status="aan", opening=1, lead_party=party) for k, party in leads.items()
    ]
    return ProjectDocument(
        model_version=MODEL.version,
        project=Basics(
            name="P", municipality="M", homes=10, first_year=FIRST_YEAR, horizon_years=horizon
        ),
        parties=PARTIES,
        scenarios=[Scenario(name="S", knobs=knobs, costs=costs, funding=funding)],
    )


def total(amounts) -> Decimal:
    return sum(amounts, Decimal(0))


@settings(max_examples=100, deadline=None)
@given(projects())
def test_money_adds_up_every_way(doc: ProjectDocument):
    money = money_over_time(MODEL, doc, doc.scenario())

    for row in money.years:  # the docstring's identity, per year
        assert row.uncovered - row.surplus == row.costs - row.funding
        assert row.uncovered >= 0 and row.surplus >= 0
        assert total(row.by_source.values()) == row.funding
        assert row.committed <= row.funding and row.temporary <= row.funding

    assert total(r.costs for r in money.years) == money.total_costs
    assert total(r.funding for r in money.years) == money.total_funding
    assert total(r.uncovered for r in money.years) == money.total_uncovered
    assert total(r.surplus for r in money.years) == money.total_surplus

    assert total(y.costs for p in money.parties for y in p.years) == money.total_costs
    assert total(p.costs for p in money.parties) == money.total_costs
    assert total(p.paid for p in money.parties) == money.total_funding
    assert total(p.uncovered for p in money.parties) == money.total_uncovered

    assert total(i.costs for i in money.cost_items) == money.total_costs
    assert total(i.covered + i.uncovered for i in money.cost_items) == money.total_costs
    assert total(money.funding_by_status.values()) == money.total_funding
    assert money.committed + money.open == money.total_funding
    assert 0.0 <= money.structural_share <= 1.0


def rows_by_the_docstring(
    doc: ProjectDocument,
) -> list[tuple[int, Decimal, Decimal, Decimal, Decimal]]:
    """(year, costs, funding, uncovered, surplus), computed straight from money.py's docstring."""
    scenario, horizon = doc.scenario(), doc.project.years
    forever = 10**4

    def cost_runs(cost: CostItem, year: int) -> bool:
        if cost.kind == "eenmalig":
            return year == cost.first_year
        return cost.first_year <= year < cost.first_year + (cost.years or forever)

    def line_pays(line: FundingLine, cost: CostItem, year: int) -> bool:
        start = line.first_year or cost.first_year
        if cost.kind == "eenmalig":
            return year == start
        end = start + line.years if line.years else cost.first_year + (cost.years or forever)
        return start <= year < end

    rows = []
    for year in horizon:
        costs = funding = uncovered = surplus = Decimal(0)
        for cost in scenario.costs:
            c = cost.amount if cost_runs(cost, year) else Decimal(0)
            f = total(
                line.amount
                for line in scenario.funding
                if line.cost_item == cost.id and line_pays(line, cost, year)
            )
            covered = min(c, f)
            costs, funding = costs + c, funding + f
            uncovered, surplus = uncovered + c - covered, surplus + f - covered
        rows.append((year, costs, funding, uncovered, surplus))
    return rows


@settings(max_examples=100, deadline=None)
@given(projects())
def test_money_per_year_follows_the_algorithm_in_the_docstring(doc: ProjectDocument):
    money = money_over_time(MODEL, doc, doc.scenario())
    engine = [(r.year, r.costs, r.funding, r.uncovered, r.surplus) for r in money.years]
    assert engine == rows_by_the_docstring(doc)
