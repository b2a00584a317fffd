"""The references of the effect estimates (:mod:`stuurknop.projectfile.effects`) beyond value,
route and beneficiary: a proxy of the model's library or of the project, each knob once, and an
evidence need of the scenario's evidence plan for the same value. The project's own proxies have
an id of their own (not one of the library's).

Returned as (place, message) pairs; :mod:`stuurknop.projectfile.references` adds them."""

from __future__ import annotations

from stuurknop.gespreksmodel.proxies import load_proxies
from stuurknop.projectfile.effects import EffectSettings
from stuurknop.projectfile.schema import Scenario

Found = list[tuple[list[int | str], str]]


def _library(version: str) -> set[str]:
    """The ids of the model version's proxies (none for a model folder without a library)."""
    try:
        return {p.id for p in load_proxies(version).proxies}
    except (FileNotFoundError, KeyError):
        return set()


def proxy_ids(settings: EffectSettings, version: str) -> set[str]:
    """Every proxy an effect may name: the model version's library and the project's own."""
    return _library(version) | {p.id for p in settings.proxies}


def settings_errors(settings: EffectSettings, version: str) -> Found:
    found: Found = []
    library = _library(version)
    seen: set[str] = set()
    for i, proxy in enumerate(settings.proxies):
        loc: list[int | str] = ["effect_settings", "proxies", i, "id"]
        if proxy.id in library:
            found.append((loc, f"kengetal {proxy.id!r} staat al in de bibliotheek van het model"))
        elif proxy.id in seen:
            found.append((loc, f"kengetal {proxy.id!r} staat er twee keer"))
        seen.add(proxy.id)
    return found


def effect_reference_errors(loc: list[int | str], scenario: Scenario, proxies: set[str]) -> Found:
    """The proxies, knobs and evidence needs the effects of the scenario at ``loc`` name."""
    found: Found = []
    needs = {
        (plan.value, need.description)
        for plan in scenario.evidence
        for need in plan.before_decision
    }
    seen: set[str] = set()
    for i, effect in enumerate(scenario.effects):
        here = [*loc, "effects", i]
        if effect.id in seen:
            found.append(([*here, "id"], f"effect-id {effect.id!r} staat er twee keer"))
        seen.add(effect.id)
        if effect.proxy is not None and effect.proxy not in proxies:
            found.append(([*here, "proxy"], f"onbekend kengetal {effect.proxy!r}"))
        if len(set(effect.knobs)) != len(effect.knobs):
            found.append(([*here, "knobs"], "elke stuurknop één keer"))
        if effect.evidence_need is not None and (effect.value, effect.evidence_need) not in needs:
            found.append(
                (
                    [*here, "evidence_need"],
                    f"het bewijsplan van waarde {effect.value!r} vraagt geen bewijs "
                    f"{effect.evidence_need!r}",
                )
            )
    return found
