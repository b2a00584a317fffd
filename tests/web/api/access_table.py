"""Who may call which API endpoint with which method: ``test_access.py`` runs every entry for
anonymous / outsider / lezer / bewerker / beheerder and fails on an endpoint or a method that
is not listed here.

Roles as in ``tests/web/access.py``: ``"public"`` anyone, ``"user"`` any signed-in user (by
token), ``"organisation"`` the people of the world's organisation (anna's), else the least
project role. Path arguments come from the world by name; ``kwargs``
overrides one (``{"key": "funding_key"}``: the funding line's id instead of the cost item's).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ApiAccess:
    methods: dict[str, str]  # method → least role
    kwargs: dict[str, str] = field(default_factory=dict)


READ = {"GET": "lezer"}
ROW = {"GET": "lezer", "PUT": "bewerker", "DELETE": "bewerker"}
LIST_AND_ADD = {"GET": "lezer", "POST": "bewerker"}
READ_AND_SET = {"GET": "lezer", "PUT": "bewerker"}

API_ACCESS: dict[str, ApiAccess] = {
    "api:schema": ApiAccess({"GET": "public"}),
    "api:docs": ApiAccess({"GET": "public"}),
    "api:project_list": ApiAccess({"GET": "user", "POST": "user"}),
    "api:project_detail": ApiAccess(READ),
    "api:scenario_analysis": ApiAccess(READ),
    "api:history": ApiAccess(READ),
    "api:basics": ApiAccess(READ_AND_SET),
    "api:party_list": ApiAccess({"GET": "lezer", "POST": "beheerder"}),
    "api:party": ApiAccess({"GET": "lezer", "PUT": "beheerder"}),
    "api:project_archive": ApiAccess({"POST": "beheerder"}),
    "api:scenario_list": ApiAccess(LIST_AND_ADD),
    "api:scenario": ApiAccess(ROW),
    "api:scenario_copy": ApiAccess({"POST": "bewerker"}),
    "api:cost_item_list": ApiAccess(LIST_AND_ADD),
    "api:cost_item": ApiAccess(ROW),
    "api:funding_line_list": ApiAccess(LIST_AND_ADD),
    "api:funding_line": ApiAccess(ROW, kwargs={"key": "funding_key"}),
    "api:knob_setting_list": ApiAccess(READ),
    "api:knob_setting": ApiAccess(READ_AND_SET),
    "api:interest_list": ApiAccess(READ),
    "api:interest": ApiAccess(READ_AND_SET),
    "api:perspectives_list": ApiAccess(READ),
    # One party's own view: read where shown (404 otherwise), given by a bewerker.
    "api:perspective": ApiAccess(READ_AND_SET, kwargs={"party": "own_party"}),
    "api:resident_input_list": ApiAccess(READ),
    "api:meetings_list": ApiAccess(READ),
    "api:decision_list": ApiAccess(LIST_AND_ADD),
    "api:decision": ApiAccess(ROW, kwargs={"key": "decision_key"}),
    "api:action_list": ApiAccess(LIST_AND_ADD),
    "api:action": ApiAccess(ROW, kwargs={"key": "action_key"}),
    "api:lesson_list": ApiAccess(LIST_AND_ADD),
    "api:lesson": ApiAccess(ROW, kwargs={"key": "lesson_key"}),
    "api:agreements_list": ApiAccess(READ),
    "api:effect_list": ApiAccess(LIST_AND_ADD),
    "api:effect": ApiAccess(ROW, kwargs={"effect_id": "effect_id"}),
    "api:effect_settings": ApiAccess(READ_AND_SET),
    "api:evidence_list": ApiAccess(READ),
    "api:measurements": ApiAccess({"POST": "bewerker"}),
    "api:evidence_need_list": ApiAccess({"POST": "bewerker"}),
    "api:evidence_need": ApiAccess(ROW),
    "api:indicator_list": ApiAccess({"POST": "bewerker"}),
    "api:indicator": ApiAccess(ROW),
    "api:actual_list": ApiAccess(LIST_AND_ADD),
    "api:actual": ApiAccess(ROW, kwargs={"key": "actual_key"}),
    # A document is read from the project: a lezer starts it, also on an archived project.
    "api:documents": ApiAccess({"POST": "lezer"}),
    "api:job": ApiAccess(READ),
    "api:job_file": ApiAccess(READ),
    # An organisation's own people (anna's organisation in the world); others get 404.
    "api:organisation_list": ApiAccess({"GET": "user"}),
    "api:portfolio": ApiAccess({"GET": "organisation"}),
    "api:positions": ApiAccess({"GET": "organisation", "PUT": "organisation"}),
}
