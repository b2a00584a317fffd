"""10,000 generated projects among 500 organisations, for bench_portfolio.py.

A realistic spread (seeded, so every run builds the same data): 150 municipalities, 150
housing corporations, 100 care and 100 welfare organisations; each project has one of each at
its table, chosen with a heavy tail (a few large corporations are in hundreds of projects, most
organisations in a few dozen), plus residents and sometimes a fund. One organisation, a
zorgkantoor, is at the table of every project: the worst case of an organisation in 10,000
projects. Each project has one chosen scenario with 3–8 knobs on, 2–5 cost items and their
funding lines (temporary sources among them, so there are cliffs), interests and a log entry.

Rows are written with ``bulk_create``. Each project's portfolio summary is computed by the
engine from the same data as a document (what the page would store on its first read), so
the benchmark measures the steady state: summaries up to date.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from stuurknop.engine.portfolio import project_summary
from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import ProjectDocument
from stuurknop.web.accounts.models import Membership, Organisation
from stuurknop.web.portfolio.models import (
    PortfolioEntry,
    ProjectSummary,
    SummaryCliff,
    SummaryMoney,
)
from stuurknop.web.portfolio.services import Seat, summary_rows
from stuurknop.web.projects.models import (
    CostItem,
    FundingLine,
    Interest,
    KnobSetting,
    LogEntry,
    Project,
    ProjectParty,
    Scenario,
)

PROJECTS = 10_000
KINDS = (
    ("gemeente", "Gemeente", 150),
    ("woningcorporatie", "Woonstichting", 150),
    ("zorgorganisatie", "Zorggroep", 100),
    ("sociaal_werkorganisatie", "Welzijn", 99),
)
EVERYWHERE = ("zorgkantoor_zorgverzekeraar", "Zorgkantoor Landelijk")
PHASES = ("idee", "plan", "uitvoering", "evaluatie")
VALUES = ("goed_wonen", "minder_zorgvraag", "efficient_werken", "werkplezier")
STATUSES = ("idee", "in_gesprek", "toegezegd")
BATCH = 500


def organisations() -> dict[str, list[Organisation]]:
    """The 500 organisations by party type (the zorgkantoor under its own type)."""
    rows = [
        Organisation(name=f"{word} {i:03d}", slug=f"{key[:8]}-{i:03d}", party_type=key)
        for key, word, count in KINDS
        for i in range(count)
    ]
    rows.append(Organisation(name=EVERYWHERE[1], slug="zorgkantoor", party_type=EVERYWHERE[0]))
    Organisation.objects.bulk_create(rows)
    by_type: dict[str, list[Organisation]] = {}
    for row in Organisation.objects.order_by("id"):
        by_type.setdefault(row.party_type, []).append(row)
    return by_type


def _pick(rng: random.Random, rows: list[Organisation]) -> Organisation:
    # A heavy tail: index ~ Pareto, so the first few are in many projects.
    i = int(rng.paretovariate(1.1)) - 1
    return rows[i % len(rows)]


def _document(rng: random.Random, n: int, parties: list[dict[str, Any]]) -> dict[str, Any]:
    first = rng.randint(2022, 2027)
    horizon = rng.randint(5, 12)
    knobs = rng.sample(range(1, 11), rng.randint(3, 8))
    payers = [p["id"] for p in parties if p["party_type"] != "bewoners"]
    costs, funding = [], []
    for c in range(rng.randint(2, 5)):
        knob = rng.choice(knobs)
        yearly = rng.random() < 0.7
        amount = Decimal(rng.randrange(2_000, 80_000, 500))
        costs.append(
            {
                "id": f"k{c}",
                "knob": knob,
                "description": f"Kostenpost {c}",
                "kind": "jaarlijks" if yearly else "eenmalig",
                "amount": str(amount),
                "first_year": first,
                "years": None,
            }
        )
        for f in range(rng.randint(1, 2)):
            source = rng.choice(("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"))
            temporary = source in ("I", "III")
            funding.append(
                {
                    "id": f"f{c}-{f}",
                    "cost_item": f"k{c}",
                    "party": rng.choice(payers),
                    "source": source,
                    "amount": str((amount / (f + 1)).quantize(Decimal(1))),
                    "years": rng.randint(1, 3) if temporary and yearly else None,
                    "status": rng.choice(STATUSES),
                }
            )
    return {
        "format": "stuurknop-project",
        "schema_version": 3,
        "model_version": "2025-concept",
        "project": {
            "name": f"Project {n:05d}",
            "municipality": parties[0]["name"].removeprefix("Gemeente "),
            "homes": rng.randint(20, 400),
            "phase": rng.choice(PHASES),
            "first_year": first,
            "horizon_years": horizon,
        },
        "parties": [{k: v for k, v in p.items() if k != "org"} for p in parties],
        "scenarios": [
            {
                "name": "Basis",
                "chosen": True,
                "knobs": [{"knob": k, "status": "aan", "opening": rng.randint(1, 3)} for k in knobs]
                + [{"knob": k, "status": "uit"} for k in range(1, 11) if k not in knobs][:2],
                "interests": [
                    {"party": p, "value": v, "weight": rng.randint(0, 3)}
                    for p in payers
                    for v in rng.sample(VALUES, 2)
                ],
                "costs": costs,
                "funding": funding,
            }
        ],
    }


def generate(*, seed: int = 15) -> None:
    """Write the data (in one transaction; a failure leaves nothing)."""
    rng = random.Random(seed)
    model = load_model()
    with transaction.atomic():
        by_type = organisations()
        everywhere = by_type[EVERYWHERE[0]][0]
        for start in range(0, PROJECTS, BATCH):
            docs = []
            for n in range(start, min(PROJECTS, start + BATCH)):
                parties = [
                    {
                        "id": key[:8],
                        "name": org.name,
                        "party_type": key,
                        "at_table": True,
                        "org": org,
                    }
                    for key, org in ((k, _pick(rng, by_type[k])) for k, _w, _c in KINDS)
                ]
                parties.append(
                    {
                        "id": "zorgkantoor",
                        "name": everywhere.name,
                        "party_type": EVERYWHERE[0],
                        "at_table": True,
                        "org": everywhere,
                    }
                )
                parties.append(
                    {
                        "id": "bewoners",
                        "name": "Bewoners",
                        "party_type": "bewoners",
                        "at_table": True,
                        "org": None,
                    }
                )
                docs.append((_document(rng, n, parties), parties))
            _write(model, docs)


def _write(model: Any, docs: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> None:
    projects = Project.objects.bulk_create(
        [Project(**d["project"], model_version=d["model_version"]) for d, _p in docs]
    )
    party_rows = ProjectParty.objects.bulk_create(
        [
            ProjectParty(
                project=pr,
                key=p["id"],
                name=p["name"],
                party_type=p["party_type"],
                at_table=True,
                organisation=p["org"],
                position=i,
            )
            for pr, (_d, parties) in zip(projects, docs, strict=True)
            for i, p in enumerate(parties)
        ]
    )
    party_of = {(row.project_id, row.key): row for row in party_rows}
    seats_of: dict[int, dict[str, Seat]] = {}
    for row in party_rows:
        if row.organisation_id is not None:
            seats_of.setdefault(row.project_id, {})[row.key] = Seat(row.organisation_id, True)
    scenarios = Scenario.objects.bulk_create(
        [Scenario(project=pr, name="Basis", chosen=True) for pr in projects]
    )
    knobs, costs, interests = [], [], []
    for pr, sc, (d, _p) in zip(projects, scenarios, docs, strict=True):
        s = d["scenarios"][0]
        knobs += [
            KnobSetting(
                scenario=sc,
                knob=k["knob"],
                status=k["status"],
                opening=k.get("opening"),
                position=i,
            )
            for i, k in enumerate(s["knobs"])
        ]
        costs += [
            CostItem(
                scenario=sc,
                key=c["id"],
                knob=c["knob"],
                description=c["description"],
                kind=c["kind"],
                amount=c["amount"],
                first_year=c["first_year"],
                position=i,
            )
            for i, c in enumerate(s["costs"])
        ]
        interests += [
            Interest(
                scenario=sc,
                party=party_of[(pr.pk, it["party"])],
                value=it["value"],
                weight=it["weight"],
                position=i,
            )
            for i, it in enumerate(s["interests"])
        ]
    KnobSetting.objects.bulk_create(knobs)
    Interest.objects.bulk_create(interests)
    cost_of = {(c.scenario_id, c.key): c for c in CostItem.objects.bulk_create(costs)}
    FundingLine.objects.bulk_create(
        [
            FundingLine(
                scenario=sc,
                key=f["id"],
                cost_item=cost_of[(sc.pk, f["cost_item"])],
                party=party_of[(pr.pk, f["party"])],
                source=f["source"],
                amount=f["amount"],
                years=f["years"],
                status=f["status"],
                position=i,
            )
            for pr, sc, (d, _p) in zip(projects, scenarios, docs, strict=True)
            for i, f in enumerate(d["scenarios"][0]["funding"])
        ]
    )
    now = timezone.now()
    logs = LogEntry.objects.bulk_create(
        [LogEntry(project=pr, at=now, who="generator", what="Project gemaakt") for pr in projects]
    )
    heads, entries, money, cliffs = [], [], [], []
    for pr, sc, log, (d, _p) in zip(projects, scenarios, logs, docs, strict=True):
        document = ProjectDocument.model_validate(d)
        summary = project_summary(model, document, document.scenarios[0])
        rows = summary_rows(
            project=pr, revision=log.pk, scenario=sc, summary=summary, seats=seats_of[pr.pk]
        )
        heads.append(rows.head)
        entries += rows.entries
        money += rows.money
        cliffs += rows.cliffs
    ProjectSummary.objects.bulk_create(heads)
    PortfolioEntry.objects.bulk_create(entries, batch_size=5000)
    SummaryMoney.objects.bulk_create(money, batch_size=5000)
    SummaryCliff.objects.bulk_create(cliffs, batch_size=5000)


def bench_user(organisation_slugs: list[str]) -> User:
    """A user who works at the given organisations."""
    user, _ = User.objects.get_or_create(username="portefeuille-bench")
    for org in Organisation.objects.filter(slug__in=organisation_slugs):
        Membership.objects.get_or_create(user=user, organisation=org)
    return user
