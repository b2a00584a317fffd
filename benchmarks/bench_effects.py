"""Effects in money (issue 14): the Monte Carlo of 10,000 seeded PERT draws over every effect
estimate of a large project (200 effects, the most a scenario holds, spread over its parties),
the deterministic present values, the tornado (the project's and each party's) and the
redistribution.

Prints the median time of each part and of the whole report.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from large_project import large_project

from stuurknop.engine.effect_report import effect_report
from stuurknop.engine.effect_uncertainty import party_tornados, tornado, uncertainty
from stuurknop.engine.effects import effects_of
from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import parse_document

EFFECTS = 200
PAIRS = [("minder_zorgvraag", "beter_zien"), ("goed_wonen", "zorgen_voor_elkaar")]


def median_s(fn: Callable[[], object], runs: int = 7) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def with_effects(data: dict, seed: int = 11) -> dict:
    rnd = random.Random(seed)
    parties = [p["id"] for p in data["parties"]]
    first = data["project"]["first_year"]
    effects = []
    for i in range(EFFECTS):
        value, route = PAIRS[i % len(PAIRS)]
        low = rnd.randint(0, 5_000)
        expected = low + rnd.randint(0, 10_000)
        effects.append(
            {
                "id": f"e{i}",
                "value": value,
                "route": route,
                "beneficiary": rnd.choice(parties),
                "low": str(low),
                "expected": str(expected),
                "high": str(expected + rnd.randint(0, 20_000)),
                "first_year": first + rnd.randint(0, 4),
                "drop_off": rnd.choice([0, 10, 25]),
                "deadweight": rnd.choice([0, 25, 50]),
            }
        )
    data["scenarios"][0]["effects"] = effects
    return data


def main() -> None:
    model = load_model()
    doc = parse_document(with_effects(large_project()))
    scenario = doc.scenarios[0]
    result = effects_of(model, doc, scenario)
    print(f"effects: {len(scenario.effects)} estimates, {len(result.parties)} parties")
    print(f"  present values         {median_s(lambda: effects_of(model, doc, scenario)):.4f} s")
    print(f"  Monte Carlo 10,000     {median_s(lambda: uncertainty(result)):.4f} s")
    print(f"  tornado                {median_s(lambda: tornado(result)):.4f} s")
    print(f"  tornado per party      {median_s(lambda: party_tornados(result)):.4f} s")
    print(f"  whole report           {median_s(lambda: effect_report(model, doc, scenario)):.4f} s")


if __name__ == "__main__":
    main()
