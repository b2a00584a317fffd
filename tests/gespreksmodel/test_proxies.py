"""The proxy library is model data: validated, every figure with a cited public source."""

from __future__ import annotations

from decimal import Decimal

import pytest

from stuurknop.gespreksmodel.proxies import ProxyLibrary, load_proxies
from stuurknop.projectfile.effects import RISK_FREE_RATE, STANDARD_RATE


def test_the_shipped_library_validates_and_cites_the_discount_rates():
    library = load_proxies("2025-concept")
    # the project file's defaults are the library's cited rates
    assert library.discount_rates.standard == STANDARD_RATE == Decimal("2.25")
    assert library.discount_rates.risk_free == RISK_FREE_RATE
    cited = library.citation(library.discount_rates.source)
    assert cited.url and cited.url.startswith("https://")
    for proxy in library.proxies:  # none is shipped without its source
        assert library.citation(proxy.source).url
    if not library.proxies:
        assert library.note  # an empty library says why


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
