"""Who may reach which URL: the access-control test walks every route against this table.

Every named route of the site must have an entry here (the test fails on a route without
one). URL keyword arguments are filled by the access test's fixture from these names:
``project_id``, ``scenario_id``, ``knob``, ``cost_item_id``, ``funding_line_id``,
``interest_id``, ``party_id``, ``member_id``, ``invitation_id``, ``token``.
"""

from __future__ import annotations

from . import (
    access_actuals,
    access_agreements,
    access_api,
    access_commitments,
    access_documents,
    access_effects,
    access_evidence,
    access_lessons,
    access_live,
    access_meetings,
    access_perspectives,
    access_portfolio,
    access_residents,
    access_strategy,
)
from .access import Access

ACCESS: dict[str, Access] = {
    # Signing in and out, and the password reset (Django's auth views).
    "login": Access("public"),
    "logout": Access("user", method="POST"),
    "password_reset": Access("public"),
    "password_reset_done": Access("public"),
    "password_reset_confirm": Access("public"),
    "password_reset_complete": Access("public"),
    # The account's own pages and the accessibility statement (stuurknop/web/accounts/urls.py).
    "password_change": Access("user"),
    "password_change_done": Access("user"),
    "accessibility_statement": Access("public"),
    # Two-factor sign-in: pairing an app, and the second step (stuurknop/web/accounts).
    "two_factor_setup": Access("user"),
    "two_factor_verify": Access("user"),
    # Single sign-on: start, the provider's way back, and the failure page (each public).
    "oidc_authentication_init": Access("public"),
    "oidc_authentication_callback": Access("public"),
    "oidc_failed": Access("public"),
    "project_list": Access("user"),
    "project_detail": Access("lezer"),
    "project_export": Access("lezer"),
    "scenario_switch": Access("lezer", data={"scenario": "{scenario_id}"}),
    # Project lists, creating a project, its overview, parties, archive, checks, import.
    "project_archive_list": Access("user"),
    "project_create": Access("user"),
    "project_import": Access("user"),
    "scenario_overview": Access("lezer"),
    "project_basics": Access("bewerker", editable=True),
    "project_parties": Access("lezer"),
    "project_party_add": Access(
        "beheerder",
        method="POST",
        editable=True,
        data={"name": "Fonds Noord", "party_type": "fonds", "at_table": "nee"},
    ),
    "project_party_edit": Access("beheerder", editable=True),
    "project_archive": Access("beheerder"),
    "project_unarchive": Access("beheerder"),
    "checks_page": Access("lezer"),
    "indicator_library": Access("lezer"),
    # Scenarios, comparison, history, members and invitations.
    "scenario_list": Access("lezer"),
    "scenario_create": Access("bewerker", method="POST", editable=True),
    "scenario_edit": Access("bewerker", editable=True),
    "scenario_choose": Access("bewerker", method="POST", editable=True),
    "scenario_delete": Access("bewerker", editable=True),
    "scenario_compare": Access("lezer"),
    "project_history": Access("lezer"),
    "project_members": Access("lezer"),
    "member_role": Access("beheerder", method="POST"),
    "member_remove": Access("beheerder"),
    "invitation_create": Access("beheerder", method="POST"),
    "invitation_revoke": Access("beheerder"),
    "invitation_accept": Access("public"),
    # Money.
    "money_page": Access("lezer"),
    # Values and routes: the map and figures, and one party's interests (form and save).
    "values_page": Access("lezer"),
    "interest_edit": Access("bewerker", editable=True),
    # The explorer: every knob setting (its page), and a new scenario from a design.
    "explorer_page": Access("lezer"),
    "explorer_design": Access(
        "bewerker",
        method="POST",
        editable=True,
        data={"standen": "1,1,1,1,1,1,1,1,1,1", "naam": "Uit de verkenner"},
    ),
    # The knob worksheets: the page, saving the knob, and its cost items and funding lines.
    "knob_page": Access("lezer"),
    "knob_save": Access("bewerker", method="POST", editable=True),
    "cost_item_create": Access("bewerker", method="POST", editable=True),
    "cost_item_update": Access("bewerker", method="POST", editable=True),
    "cost_item_delete": Access("bewerker", method="POST", editable=True),
    "funding_line_create": Access("bewerker", method="POST", editable=True),
    "funding_line_update": Access("bewerker", method="POST", editable=True),
    "funding_line_delete": Access("bewerker", method="POST", editable=True),
}

# Each later area keeps its own part of the table (and the URL kwargs its routes need).
AREAS = (
    access_actuals,
    access_api,
    access_agreements,
    access_commitments,
    access_documents,
    access_perspectives,
    access_live,
    access_residents,
    access_meetings,
    access_lessons,
    access_evidence,
    access_effects,
    access_portfolio,
    access_strategy,
)
for _area in AREAS:
    _twice = set(ACCESS) & set(_area.ACCESS)
    assert not _twice, f"{_area.__name__} repeats {_twice}"
    ACCESS.update(_area.ACCESS)

__all__ = ["ACCESS", "AREAS", "Access"]
