"""The strategy checks of one scenario of a large project (issue 15): at most 5 ms on top of the
analysis, with every party at the table holding positions on every knob and source.

Prints the median and p95 of `departures` (the strategy checks alone), the analysis median for
scale, and the ratio of the strategy median to its 5 ms budget (below 1.0 is within budget).
"""

from __future__ import annotations

import statistics

from bench_analysis import p95, timings
from large_project import large_project

from stuurknop.engine import analyse
from stuurknop.engine.strategy import departures
from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import parse_document
from stuurknop.projectfile.positions import Positions

BUDGET_MS = 5.0


def positions_for_every_party(doc_parties: list[tuple[str, str]]) -> dict[str, Positions]:
    """Strict positions (every knob at most stand 1, every source it may pay from capped at a
    small amount per year) so that the checks find, and word, many departures."""
    model = load_model()
    return {
        pid: Positions.model_validate(
            {
                "model_version": model.version,
                "organisation": f"Organisatie {pid}",
                "party_type": ptype,
                "knobs": [
                    {"knob": k.number, "max_opening": 1, "role": "aan_anderen_laten"}
                    for k in model.knobs
                ],
                "sources": [
                    {"source": s.numeral, "pays": True, "ceiling": "1000", "basis": "per_jaar"}
                    for s in model.sources
                    if ptype in s.party_types
                ],
                "required_party_types": ["gemeente", "provincie_rijk"],
            }
        )
        for pid, ptype in doc_parties
    }


def main() -> dict[str, float]:
    model = load_model()
    doc = parse_document(large_project())
    positions = positions_for_every_party([(p.id, p.party_type) for p in doc.parties])
    found = len(departures(model, doc, positions))
    strategy_ms = timings(lambda: departures(model, doc, positions), runs=200)
    analysis_ms = timings(lambda: analyse(model, doc), runs=50)
    median = statistics.median(strategy_ms)
    print(
        f"strategiecontroles, groot project ({len(positions)} partijen met standpunten, "
        f"{found} afwijkingen)"
    )
    print(f"  strategie: mediaan {median:7.2f} ms   p95 {p95(strategy_ms):7.2f} ms")
    print(f"  analyse (ter vergelijking): mediaan {statistics.median(analysis_ms):7.2f} ms")
    print(
        f"  verhouding tot budget ({BUDGET_MS:g} ms bovenop de analyse): {median / BUDGET_MS:.2f}"
    )
    return {"strategy_median_ms": median, "ratio": median / BUDGET_MS}


if __name__ == "__main__":
    main()
