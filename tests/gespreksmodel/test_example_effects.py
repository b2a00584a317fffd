"""The shipped examples value their effects with the model's cited proxies, and say so."""

from __future__ import annotations

from pathlib import Path

import pytest

from stuurknop.engine.effects import effects_of
from stuurknop.gespreksmodel import load_model
from stuurknop.gespreksmodel.proxies import load_proxies
from stuurknop.projectfile.io import load_document

EXAMPLES = sorted((Path(__file__).parents[2] / "stuurknop" / "examples").glob("*.json"))


def _estimates(path: Path):
    doc = load_document(path)  # validates, references included (proxies, evidence needs)
    return doc, [(s, e) for s in doc.scenarios for e in s.effects]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_example_validates_and_names_only_library_proxies(path):
    doc, estimates = _estimates(path)
    library = {p.id for p in load_proxies(doc.model_version).proxies}
    assert estimates, "an example without effect estimates shows no money balance"
    assert not doc.effect_settings.proxies  # the examples use the model's cited library only
    named = {e.proxy for _, e in estimates if e.proxy is not None}
    assert named and named <= library


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_estimate_says_its_assumption_and_where_its_price_comes_from(path):
    doc, estimates = _estimates(path)
    library = load_proxies(doc.model_version)
    for _, effect in estimates:
        assert effect.assumption and effect.evidence, effect.id
        if effect.proxy is None:  # an amount that is no published price says whose figure it is
            assert "eigen cijfer" in effect.assumption, effect.id
            assert "geen gepubliceerde bron" in effect.evidence, effect.id
            continue
        # the quantities are the example's own: said to be an assumption, never a fact
        assert "aanname van dit voorbeeldproject" in effect.assumption, effect.id
        proxy = library.proxy(effect.proxy)
        assert proxy is not None
        cited = library.citation(proxy.source)
        # the price and its source are in the words the partners read
        assert cited.publisher in effect.evidence and str(cited.year) in effect.evidence
        assert f"{proxy.amount:.2f}".replace(".", ",") in effect.evidence, effect.id
        assert str(proxy.price_year) in effect.evidence, effect.id


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_example_shows_a_money_balance_per_party(path):
    doc, estimates = _estimates(path)
    scenario = next(s for s, _ in estimates)
    result = effects_of(load_model(doc.model_version), doc, scenario)
    beneficiaries = {e.beneficiary for e in scenario.effects}
    benefiting = {p.party for p in result.parties if p.pv_benefits > 0}
    assert benefiting == beneficiaries  # the benefits land with the parties the estimates name
    assert any(p.pv_paid > 0 for p in result.parties)  # opposite what the parties pay
    assert result.total.pv_benefits == pytest.approx(sum(p.pv_benefits for p in result.parties))
