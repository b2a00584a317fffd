"""Every PDF is tagged and passes the machine-checkable part of PDF/UA-1: the plan, the
worksheets (filled in and blank) and the map poster. The residents' poster is checked with its
view (tests/web/residents/test_manage.py)."""

from __future__ import annotations

import pytest

from stuurknop.reports import Options, render

from .plan_projects import OPTIONS, example
from .printed import assert_accessible, structure


@pytest.fixture(scope="module")
def thuisflat():
    return example("thuisflat")


def test_the_plan_is_pdf_ua_with_headings_tables_and_every_chart_described(
    model, thuisflat, tmp_path
):
    content = render("pdf", model, thuisflat, options=OPTIONS).content

    assert_accessible(content, tmp_path, figures=6)
    roles, alts, _ = structure(content)
    assert roles["H1"] >= 10 and roles["H2"] >= 10
    assert roles["Table"] >= 20 and roles["TH"] >= roles["Table"]
    assert any(alt.startswith("De kaart toont") for alt in alts)


@pytest.mark.parametrize("key", ["worksheets", "worksheets-blank"])
def test_the_worksheets_are_pdf_ua(model, thuisflat, tmp_path, key):
    content = render(key, model, thuisflat, options=OPTIONS).content

    assert_accessible(content, tmp_path)
    roles, _, _ = structure(content)
    assert roles["H1"] >= 11 and roles["Table"] >= 11


@pytest.mark.parametrize("paper", ["A3", "A1"])
def test_the_map_poster_is_pdf_ua_with_the_map_described(model, thuisflat, tmp_path, paper):
    content = render("poster", model, thuisflat, options=Options(paper=paper)).content

    assert_accessible(content, tmp_path, figures=1)
