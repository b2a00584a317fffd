"""Names that XML cannot hold, and names that a spreadsheet would run as a formula, in every
document format.

The documents are built with ``model_copy``, which skips validation: the edge cleans new input,
but every renderer must stay robust on its own (an old file, a path round the schema).
"""

from __future__ import annotations

import re
from io import BytesIO

import openpyxl
import pytest

from stuurknop.engine import analyse
from stuurknop.projectfile import ProjectDocument
from stuurknop.reports import FORMATS, render
from stuurknop.reports.excel import text_cell
from stuurknop.reports.typesetting import template_data
from tests.reports.printed import pages_text
from tests.reports.test_excel import assert_matches_engine
from tests.reports.test_plan_docx import all_text, open_docx

from .plan_projects import OPTIONS, with_meetings

# What an outside probe put in names: C0 controls, DEL, a non-character, a lone surrogate.
UNSAFE = "\x01\x0b\x1b\x7f\ufffe\ud800"
PROJECT = f'=HYPERLINK("http://voorbeeld.nl","Hof{UNSAFE}zicht")'
PARTY = "=cmd|' /C calc'!A0 "
COST_PREFIXES = ("+", "@", "\t", "=")  # cost item 0 is called "-1"
PRODUCT_FORMULA = re.compile(
    r"^=(SUM|SUMIFS|SUMPRODUCT|MIN|ROUND)?\(|^=[A-Z]+\d+(-[A-Z]+\d+)?$"
    # the effects sheet: a discount factor, and a net present value
    r"|^=1/\(1\+\$B\$[23]\)\^\([A-Z]+\$6-\$B\$4\)$|^=[A-Z]+\d+\+[A-Z]+\d+-[A-Z]+\d+$"
)


def tainted(doc: ProjectDocument) -> ProjectDocument:
    """``doc`` with unsafe characters in every kind of name, and formulas as names."""
    parties = [p.model_copy(update={"name": f"{PARTY}{UNSAFE}{p.name}"}) for p in doc.parties]
    scenarios = []
    for scenario in doc.scenarios:
        costs = [
            cost.model_copy(
                update={
                    "description": "-1"
                    if i == 0
                    else f"{COST_PREFIXES[i % 4]}Koffie{UNSAFE}tafel {i}"
                }
            )
            for i, cost in enumerate(scenario.costs)
        ]
        knobs = [
            k.model_copy(update={"elaboration": f"Uit{UNSAFE}werking {k.knob}"})
            for k in scenario.knobs
        ]
        scenarios.append(
            scenario.model_copy(
                update={
                    "name": f"Plan{UNSAFE} {scenario.name}",
                    "description": f"Om{UNSAFE}schrijving",
                    "costs": costs,
                    "knobs": knobs,
                }
            )
        )
    project = doc.project.model_copy(
        update={"name": PROJECT, "municipality": f"Zw{UNSAFE}olle", "neighbourhood": "-1"}
    )
    meetings = [
        m.model_copy(update={"title": f"Stuur{UNSAFE}groep {i}"})
        for i, m in enumerate(doc.meetings)
    ]
    return doc.model_copy(
        update={
            "parties": parties,
            "scenarios": scenarios,
            "project": project,
            "meetings": meetings,
        }
    )


@pytest.fixture(scope="module")
def document() -> ProjectDocument:
    return tainted(with_meetings())  # Thuisflat with its meetings, decisions and actions


@pytest.fixture(scope="module")
def rendered(model, document):
    cache: dict[str, bytes] = {}

    def of(key: str) -> bytes:
        if key not in cache:
            cache[key] = render(key, model, document, options=OPTIONS).content
        return cache[key]

    return of


def read_back(key: str, content: bytes) -> str:
    if key in ("docx", "evaluation-docx", "agreement-docx"):
        return all_text(open_docx(content))
    if key == "xlsx":
        wb = openpyxl.load_workbook(BytesIO(content))
        return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row)
    return "\n".join(pages_text(content))


# What each format shows of the names, once the unsafe characters are gone.
SHOWN = {
    "pdf": ["Hofzicht", "Zwolle", "Plan Thuisflat-aanpak", "Koffietafel 1", "Uitwerking 1"],
    "docx": ["Hofzicht", "Zwolle", "Plan Thuisflat-aanpak", "Koffietafel 1", "Uitwerking 1"],
    "xlsx": ["Hofzicht", "Zwolle", "Plan Thuisflat-aanpak", "Koffietafel 1", "calc'!A0 "],
    "worksheets": ["Hofzicht", "Plan Thuisflat-aanpak", "Koffietafel 1", "Uitwerking 1"],
    "worksheets-blank": ["Hofzicht", "Zwolle"],
    "poster": ["Hofzicht", "Zwolle", "Plan Thuisflat-aanpak"],
    # the next meeting on the day of OPTIONS, held: its minutes and what it decided
    "agenda": ["Hofzicht", "Stuurgroep 0", "calc'!A0 Welzijn Voorbeeldhaven", "Koffietafel 5"],
    "evaluation": ["Hofzicht", "Zwolle", "Plan Thuisflat-aanpak", "Koffietafel 1", "Uitwerking 1"],
    "evaluation-docx": ["Hofzicht", "Zwolle", "Plan Thuisflat-aanpak", "Uitwerking 1"],
    # no version yet: the draft from the chosen scenario, its money per party
    "agreement": ["Hofzicht", "Zwolle", "Plan Thuisflat-aanpak", "Koffietafel 1"],
    "agreement-docx": ["Hofzicht", "Zwolle", "Plan Thuisflat-aanpak", "Koffietafel 1"],
}


def test_the_tainted_document_really_holds_the_unsafe_text(document):
    assert set(FORMATS) == set(SHOWN)
    assert UNSAFE in document.project.name and UNSAFE in document.scenario().name
    assert all(UNSAFE in p.name for p in document.parties)


@pytest.mark.parametrize("key", list(SHOWN))
def test_every_format_renders_unsafe_names_without_them_and_keeps_the_rest(key, rendered):
    text = read_back(key, rendered(key))

    for shown in SHOWN[key]:
        assert shown in text, shown
    assert not set(UNSAFE) & set(text.replace("\ufffe", "-"))


def test_no_text_from_the_project_becomes_a_formula_in_the_workbook(rendered):
    wb = openpyxl.load_workbook(BytesIO(rendered("xlsx")))
    formulas = [c for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas  # the product's own totals are still formulas
    for cell in formulas:
        assert PRODUCT_FORMULA.match(cell.value), (cell.parent.title, cell.coordinate, cell.value)

    user = [
        c
        for ws in wb
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str)
        and (c.value.startswith(("=HYPERLINK", PARTY, *COST_PREFIXES)) or c.value == "-1")
        and not PRODUCT_FORMULA.match(c.value)
    ]
    assert {c.parent.title for c in user} == set(wb.sheetnames)  # all five sheets
    assert len(user) >= 20
    for cell in user:
        assert cell.data_type == "s" and cell.quotePrefix, (cell.parent.title, cell.coordinate)
    costs = wb["Kostenposten"]
    assert costs["B2"].value == "-1" and costs["B2"].data_type == "s"
    assert costs["B4"].value == "\tKoffietafel 2"


def test_the_workbook_of_the_tainted_document_still_adds_up(tmp_path, model, document, rendered):
    path = tmp_path / "geld.xlsx"
    path.write_bytes(rendered("xlsx"))
    money = analyse(model, document).money
    assert_matches_engine(path, money, list(document.project.years))


@pytest.mark.parametrize(
    ("text", "stored", "quoted"),
    [
        ("=1+1", "=1+1", True),
        ("-1", "-1", True),
        ("+31 6 12345678", "+31 6 12345678", True),
        ("@SUM(A1)", "@SUM(A1)", True),
        ("\t=1", "\t=1", True),
        ("\r\n=1", "\r\n=1", True),
        ("1.5", "1.5", False),
        ("Café\x01 ‘De Hoek’\ud800", "Café ‘De Hoek’", False),
    ],
)
def test_a_text_cell_holds_text_never_a_formula_or_a_number(text, stored, quoted):
    ws = openpyxl.Workbook().active
    cell = text_cell(ws, 1, 1, text)
    assert (cell.value, cell.data_type, bool(cell.quotePrefix)) == (stored, "s", quoted)


def test_the_typesetter_gets_no_unsafe_character_and_long_words_can_break():
    data = {"name": f"a{UNSAFE}<b>", "rows": [[f"b{UNSAFE}", 3, None]], "svg": "x" * 40}

    assert template_data(data) == {
        "name": "a<b>",
        "rows": [["b", 3, None]],
        "svg": "x" * 40,  # verbatim: only cleaned
    }
    assert template_data({"word": "y" * 61}) == {"word": "\u200b".join(["y" * 30] * 2 + ["y"])}
