"""The proxy library: financial proxies ("kengetallen") and the discount rates, as model data.

``proxies.yaml`` in a model version's folder holds the discount rates with their cited source
and the ready-made financial proxies a project may use for an effect (quantity × proxy). Each
proxy carries its unit, its amount, its price year, a citable public source and the place in
it (``where``); a proxy without a source found and cited is not shipped (an empty library says
why in ``note``). ``stuurknop model check`` validates the file with the rest of the model
folder (``loader.load_model_folder``).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml
from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from stuurknop.gespreksmodel.base import Slug, Strict, Text
from stuurknop.gespreksmodel.library import Citation

PROXIES_FILE = "proxies.yaml"
MODEL_ROOT = Path(__file__).parent  # one folder per model version, as in the loader


class DiscountRates(Strict):
    standard: Decimal = Field(description="Real, % per year, for all costs and benefits.")
    risk_free: Decimal = Field(description="Real, % per year, only for wholly risk-free flows.")
    source: Slug


class ProxyEntry(Strict):
    id: Slug
    name: Text
    unit: Text
    amount: Decimal = Field(ge=0, decimal_places=2)
    price_year: int = Field(ge=1990, le=2100)
    source: Slug
    where: Text = Field(description="Table, page or figure of the source.")


class ProxyLibrary(Strict):
    discount_rates: DiscountRates
    proxies: list[ProxyEntry] = Field(default_factory=list)
    citations: list[Citation] = Field(min_length=1)
    note: Text | None = None

    @model_validator(mode="after")
    def _cited(self) -> ProxyLibrary:
        cited = {c.id for c in self.citations}
        for source in [self.discount_rates.source, *(p.source for p in self.proxies)]:
            if source not in cited:
                raise _problem(f"bron {source!r} staat niet bij de citations")
        ids = [p.id for p in self.proxies]
        if len(ids) != len(set(ids)):
            raise _problem("een kengetal-id staat er twee keer")
        return self

    def citation(self, source: str) -> Citation:
        return next(c for c in self.citations if c.id == source)

    def proxy(self, proxy_id: str) -> ProxyEntry | None:
        return next((p for p in self.proxies if p.id == proxy_id), None)


def _problem(message: str) -> PydanticCustomError:
    # A custom error keeps the message as written: `stuurknop model check` shows it as it is,
    # without pydantic's English "Value error," in front.
    return PydanticCustomError("kengetallen", message)


@cache
def load_proxies(version: str) -> ProxyLibrary:
    """The proxy library of model ``version`` (validated; raises on a bad file).

    An unknown version raises ``KeyError``, a version folder without the file
    ``FileNotFoundError``. The folder is found here rather than with ``loader.version_path``:
    the loader imports this module to check the file with the rest of the model folder.
    """
    folder = MODEL_ROOT / version
    if version != folder.name or not (folder / "model.yaml").is_file():
        raise KeyError(f"onbekende modelversie {version!r}")
    path = folder / PROXIES_FILE
    return ProxyLibrary.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
