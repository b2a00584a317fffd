"""The proxy library is model data: validated, every figure with a cited public source."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from stuurknop.gespreksmodel import ModelError, check_model_folder
from stuurknop.gespreksmodel.loader import DEFAULT_VERSION, MODEL_ROOT
from stuurknop.gespreksmodel.proxies import PROXIES_FILE, ProxyLibrary, load_proxies
from stuurknop.projectfile.effects import RISK_FREE_RATE, STANDARD_RATE

LIBRARY = load_proxies(DEFAULT_VERSION)


def test_the_shipped_library_validates_and_cites_the_discount_rates():
    # the project file's defaults are the library's cited rates
    assert LIBRARY.discount_rates.standard == STANDARD_RATE == Decimal("2.25")
    assert LIBRARY.discount_rates.risk_free == RISK_FREE_RATE
    cited = LIBRARY.citation(LIBRARY.discount_rates.source)
    assert cited.url and cited.url.startswith("https://")


def test_the_library_ships_proxies_and_no_note_that_it_is_empty():
    assert LIBRARY.proxies
    assert LIBRARY.note is None


@pytest.mark.parametrize("proxy", LIBRARY.proxies, ids=lambda p: p.id)
def test_every_proxy_has_unit_amount_price_year_and_a_source_with_its_place_and_url(proxy):
    assert proxy.unit.startswith("per ")  # said after the amount: "€ 30,87 per consult"
    assert proxy.amount > 0
    assert proxy.amount == proxy.amount.quantize(Decimal("0.01"))  # exact cents, as published
    assert 1990 <= proxy.price_year <= 2100
    assert proxy.where  # the table, page or row of the source
    source = LIBRARY.citation(proxy.source)
    assert source.url and source.url.startswith("https://")
    assert source.publisher and source.year


def test_a_proxy_is_at_most_as_recent_as_its_source():
    for proxy in LIBRARY.proxies:
        year = LIBRARY.citation(proxy.source).year
        assert year is not None and proxy.price_year <= year, proxy.id


def test_a_proxy_without_a_cited_source_is_refused():
    data = {
        "discount_rates": {"standard": "2.25", "risk_free": "-1", "source": "a"},
        "citations": [{"id": "a", "title": "T", "publisher": "P", "supports": "S"}],
        "proxies": [
            {"id": "p", "name": "N", "unit": "per jaar", "amount": "10", "price_year": 2024,
             "source": "b", "where": "tabel 1"}
        ],
    }  # fmt: skip
    with pytest.raises(ValueError, match="bron 'b'"):
        ProxyLibrary.model_validate(data)


def _broken_copy(tmp_path: Path, change) -> Path:
    folder = Path(shutil.copytree(MODEL_ROOT / DEFAULT_VERSION, tmp_path / "model"))
    path = folder / PROXIES_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def test_model_check_names_a_proxy_without_its_price_year(tmp_path):
    folder = _broken_copy(tmp_path, lambda d: d["proxies"][1].pop("price_year"))
    [error] = check_model_folder(folder)
    assert (error.file, error.path) == (PROXIES_FILE, "proxies[1].price_year")


def test_model_check_refuses_a_proxy_whose_source_is_not_cited(tmp_path):
    folder = _broken_copy(tmp_path, lambda d: d["proxies"][0].update(source="uit_het_hoofd"))
    [error] = check_model_folder(folder)
    assert error == ModelError(PROXIES_FILE, "", "bron 'uit_het_hoofd' staat niet bij de citations")


def test_model_check_reports_a_missing_library(tmp_path):
    folder = Path(shutil.copytree(MODEL_ROOT / DEFAULT_VERSION, tmp_path / "model"))
    (folder / PROXIES_FILE).unlink()
    assert check_model_folder(folder) == [ModelError(PROXIES_FILE, "", "bestand ontbreekt")]
