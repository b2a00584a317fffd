"""Confirming a party's money: its part of the access table.

Every member reads the project's commitments page; the list across projects is any signed-in
person's (it holds only their own party's requests). Confirming and declining take a member
who may edit *and* speaks for the paying party: the world's line is paid by the housing
corporation, for which anna (beheerder) speaks, so bram — a bewerker who speaks for the care
organisation — gets 403, as a reader does. That is why these rows say ``beheerder``: not the
role, the party. Recording on a party's behalf is the beheerder's. ``test_commitments_pages.py``
proves the same for a bewerker who speaks for the paying party (in) and through an import.
"""

from __future__ import annotations

from typing import Any

from .access import Access

ACCESS: dict[str, Access] = {
    "commitments_page": Access("lezer"),
    "commitments_mine": Access("user"),
    "commitment_file": Access("lezer"),
    "funding_line_confirm": Access("beheerder", method="POST", editable=True),
    "funding_line_decline": Access(
        "beheerder", method="POST", editable=True, data={"remark": "Geen budget"}
    ),
    "funding_line_on_behalf": Access(
        "beheerder",
        method="POST",
        editable=True,
        data={"evidence_reference": "FZ-1", "evidence_date": "2025-03-14"},
    ),
}


def world_kwargs(project: Any, people: dict[str, Any]) -> dict[str, Any]:
    """A line of the housing corporation that bram asked it to confirm (in the variant, so
    the basis keeps one line per cost item)."""
    from stuurknop.web.projects.services.money import cost_item_create, funding_line_create

    scenario = project.scenarios.get(name="Variant")
    cost = cost_item_create(
        scenario=scenario, by=people["anna"], knob=2, description="Ruimte", kind="eenmalig",
        amount="1000", first_year=2025,
    )  # fmt: skip
    line = funding_line_create(
        scenario=scenario, by=people["bram"], cost_item=cost.key, party="woco", source="IV",
        amount="1000", status="toegezegd",
    )  # fmt: skip
    # A fund's commitment recorded on its behalf, with its letter (a stored PDF).
    import datetime as dt
    import io

    from stuurknop.web.projects.evidence_files import checked_file, store
    from stuurknop.web.projects.services.commitments import funding_line_record_on_behalf

    fund = funding_line_create(
        scenario=scenario, by=people["anna"], cost_item=cost.key, party="gemeente",
        source="III", amount="500", status="in_gesprek",
    )  # fmt: skip
    fund.refresh_from_db()
    pdf = b"%PDF-1.4\n% brief\n"
    described, data = checked_file("brief.pdf", io.BytesIO(pdf), len(pdf))
    funding_line_record_on_behalf(
        funding_line=fund, by=people["anna"], expected_version=fund.version,
        evidence_reference="FZ-1", evidence_date=dt.date(2025, 3, 14), evidence_file=described,
    )  # fmt: skip
    store(project.pk, described, data)
    return {"line_id": line.pk, "on_behalf_line_id": fund.pk}
