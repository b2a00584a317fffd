"""Documents: the plan as PDF and as Word, the worksheets (filled in and blank), the map poster,
the money tables as Excel and a meeting's agenda, for the largest shipped example. Targets:
every PDF within 0.5 s (issue "one vocabulary, one presentation … documents in a fraction of a
second": Typst from the presentation blocks), Word and Excel within 3 s (the plan "in a few
seconds at most").

Renders through the one table of formats (``stuurknop.reports.render``), exactly as the
download view and ``stuurknop report`` do, without the web app's cache. Prints per format the
first render in this process (imports and fonts included: the first download after a start)
and the median (wall clock, and CPU time) and slowest of the repeats after it, with the
median's ratio to the target (below 1.0 is within budget); then the same for the large project
of ``large_project.py`` (8 parties, 50 cost items, 100 funding lines, 15 years), for scale.
The agenda, and the plan once more, are timed on Thuisflat with its paper trail (a held meeting
with minutes, two decisions, three actions: ``stuurknop.examples.meetings``), since the shipped
files have no meetings.
"""

from __future__ import annotations

import statistics
import time
from importlib import resources
from typing import Any

from large_project import large_project

from stuurknop.examples.meetings import thuisflat_with_meetings
from stuurknop.gespreksmodel import Model, load_model
from stuurknop.projectfile import ProjectDocument, parse_document, parse_json
from stuurknop.reports import FORMATS, Options, render

# Seconds per format: the PDFs are typeset by Typst, Word and Excel built cell by cell.
TARGETS_S = {
    "pdf": 0.5,
    "worksheets": 0.5,
    "worksheets-blank": 0.5,
    "poster": 0.5,
    "docx": 3.0,
    "xlsx": 3.0,
    "agenda": 0.5,
}
TIMED = tuple(key for key in TARGETS_S if key != "agenda")
MEETING_TIMED = ("agenda", "pdf", "docx")


def largest_example() -> tuple[str, ProjectDocument]:
    """The shipped example with the most in it (by the size of its file)."""
    files = [f for f in resources.files("stuurknop.examples").iterdir() if f.name.endswith(".json")]
    biggest = max(files, key=lambda f: len(f.read_bytes()))
    return biggest.name, parse_json(biggest.read_text(encoding="utf-8"))


def time_format(
    key: str, model: Model, document: ProjectDocument, runs: int
) -> tuple[float, list[float], list[float], int]:
    """Seconds of the first render, of each repeat (wall clock and this process's CPU), and the
    file's size in bytes. CPU beside wall clock shows when a busy machine slowed a run down."""
    options = Options(meeting="stuurgroep-januari") if key == "agenda" else Options()
    start = time.perf_counter()
    size = len(render(key, model, document, None, options).content)
    first = time.perf_counter() - start
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        render(key, model, document, None, options)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return first, wall, cpu, size


def report(
    title: str, model: Model, document: ProjectDocument, runs: int, keys: tuple[str, ...] = TIMED
) -> dict[str, float]:
    print(title)
    medians: dict[str, float] = {}
    for key in keys:
        first, wall, cpu, size = time_format(key, model, document, runs)
        median = statistics.median(wall)
        medians[key] = median
        target = TARGETS_S[key]
        print(
            f"  {FORMATS[key].label:<28} eerste {first:6.2f} s   mediaan {median:6.2f} s"
            f" (cpu {statistics.median(cpu):5.2f} s)   traagste {max(wall):6.2f} s"
            f"   {size / 1024:5.0f} kB   verhouding tot {target:g} s: {median / target:.2f}"
        )
    return medians


def main() -> dict[str, Any]:
    model = load_model()
    name, example = largest_example()
    medians = report(f"documenten, grootste voorbeeld ({name}), 5 herhalingen", model, example, 5)
    large = parse_document(large_project())
    report("documenten, groot project (large_project.py), 3 herhalingen", model, large, 3)
    meetings = parse_document(thuisflat_with_meetings())
    with_meetings = report(
        "agenda en plan, Thuisflat met overleg, besluiten en acties, 5 herhalingen",
        model,
        meetings,
        5,
        MEETING_TIMED,
    )
    medians["agenda"] = with_meetings["agenda"]
    return {
        **{f"{key}_median_s": seconds for key, seconds in medians.items()},
        "ratio": max(medians[key] / TARGETS_S[key] for key in medians),
    }


if __name__ == "__main__":
    main()
