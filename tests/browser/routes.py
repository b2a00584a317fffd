"""URLs by name, with only the arguments each route needs.

A test names the page it visits and the values it has (``project_id``, ``scenario_id``,
``knob`` …), and the route takes what it needs. A page whose route is gone fails the test.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse


def route_params(name: str) -> list[str] | None:
    """The keyword arguments of the route ``name``, or None when no such route exists."""
    possibilities = get_resolver().reverse_dict.getlist(name)
    if not possibilities:
        return None
    bits = possibilities[0][0]
    return list(bits[0][1])


def url_of(name: str, **values: Any) -> str:
    """The path of route ``name`` with the values it needs."""
    params = route_params(name)
    if params is None:
        raise AssertionError(f"page {name!r} has no route")
    missing = [p for p in params if p not in values]
    if missing:
        raise AssertionError(f"route {name!r} needs {missing}, the test gave {sorted(values)}")
    try:
        return reverse(name, kwargs={p: values[p] for p in params})
    except NoReverseMatch as exc:  # pragma: no cover - a value of the wrong form
        raise AssertionError(f"route {name!r}: {exc}") from None


# --- every page of the app, in one list ------------------------------------------------------


@dataclass(frozen=True)
class AppPage:
    """A page a person opens, as the width tests (``test_widths.py``) visit it.

    ``user``: who is signed in (None: nobody); ``values``: a route parameter taken from another
    of the world's values than its own name (``{"token": "invitation_token"}``); ``query``:
    added to the path; ``phone``: False for a screen that is only ever shown on a beamer;
    ``participant``: the page of someone who joined the live session (joined first).
    """

    route: str
    name: str
    user: str | None = "anna"
    values: Mapping[str, str] = field(default_factory=dict)
    query: str = ""
    phone: bool = True
    participant: bool = False

    def path(self, world: Mapping[str, Any]) -> str:
        params = route_params(self.route) or []
        given = {p: world[self.values.get(p, p)] for p in params if self.values.get(p, p) in world}
        return url_of(self.route, **given) + self.query.format_map(world)


def _knob_pages() -> list[AppPage]:
    return [
        AppPage("knob_page", f"stuurknop-{n}", values={"knob": f"knob_{n}"}) for n in range(1, 11)
    ]


# To add a page: one line here. ``test_every_route_is_a_page_or_said_not_to_be`` fails on a
# route that is in neither this list nor NOT_PAGES.
APP_PAGES: list[AppPage] = [
    # Signing in and the password
    AppPage("login", "inloggen", user=None),
    AppPage("password_reset", "wachtwoord-vergeten", user=None),
    AppPage("password_reset_done", "wachtwoord-verstuurd", user=None),
    AppPage(
        "password_reset_confirm",
        "wachtwoord-herstellen",
        user=None,
        values={"uidb64": "reset_uidb64", "token": "reset_token"},
    ),
    AppPage("password_reset_complete", "wachtwoord-hersteld", user=None),
    AppPage("password_change", "wachtwoord-wijzigen"),
    AppPage("password_change_done", "wachtwoord-gewijzigd"),
    AppPage("accessibility_statement", "toegankelijkheid", user=None),
    AppPage("two_factor_setup", "tweestapsverificatie"),
    AppPage("oidc_failed", "inloggen-organisatie-mislukt", user=None),
    AppPage("invitation_accept", "uitnodiging", user=None, values={"token": "invitation_token"}),
    # Projects
    AppPage("project_list", "projecten"),
    AppPage("project_archive_list", "archief"),
    AppPage("project_create", "project-nieuw"),
    AppPage("project_import", "importeren"),
    AppPage("project_detail", "project"),
    AppPage("project_basics", "projectgegevens"),
    AppPage("project_parties", "partijen"),
    AppPage("project_party_edit", "partij-wijzigen"),
    AppPage("project_archive", "archiveren"),
    AppPage("api_tokens", "api-sleutels"),
    # A scenario's pages, every worksheet among them
    AppPage("scenario_overview", "overzicht"),
    *_knob_pages(),
    AppPage("knob_page", "stuurknop-4-kostenpost-wijzigen", query="?wijzig={cost_dom_id}"),
    AppPage("values_page", "waarden-en-routes"),
    AppPage("interest_edit", "belangen-invullen"),
    AppPage("explorer_page", "verkenner"),
    AppPage("money_page", "geld"),
    AppPage("checks_page", "controles"),
    AppPage("documents_page", "documenten"),
    AppPage("scenario_list", "scenarios"),
    AppPage("scenario_edit", "scenario-wijzigen"),
    AppPage("scenario_delete", "scenario-verwijderen"),
    AppPage("scenario_compare", "scenarios-vergelijken"),
    # The project's people, history and perspectives
    AppPage("project_history", "geschiedenis"),
    AppPage("project_members", "leden"),
    AppPage("perspectives_page", "perspectieven"),
    AppPage("perspective_edit", "perspectief-invullen"),
    AppPage("divergence_page", "verschillen"),
    # Meetings: the agenda, its minutes, decisions and actions (world: tests/browser/meeting_world)
    AppPage("meetings_page", "overleg"),
    AppPage("meeting_page", "overleg-agenda"),
    AppPage("meeting_page", "overleg-agenda-lezer", user="carla"),
    AppPage("meeting_edit", "overleg-wijzigen"),
    AppPage("point_follow_up", "besluit-vastleggen"),
    AppPage("point_edit", "agendapunt-wijzigen"),
    AppPage("decision_edit", "besluit-wijzigen"),
    AppPage("action_edit", "actie-wijzigen"),
    AppPage("decisions_page", "besluiten-en-acties"),
    # Confirming a party's money: the project's page (a beheerder's, with the form to record on
    # a party's behalf, and a reader's) and the list across a person's projects
    AppPage("commitments_page", "toezeggingen"),
    AppPage("commitments_page", "toezeggingen-lezer", user="carla"),
    AppPage("commitments_mine", "te-bevestigen"),
    # Lessons and the scale-up verdict (world: tests/browser/lesson_world)
    AppPage("lessons_page", "lessen"),
    AppPage("lessons_page", "lessen-lezer", user="carla"),
    AppPage("lesson_edit", "les-wijzigen"),
    AppPage("scale_up_page", "opschalen"),
    # The partners' agreement (world: tests/browser/agreement_world)
    AppPage("agreement_page", "samenwerkingsafspraak"),
    AppPage("agreement_page", "samenwerkingsafspraak-lezer", user="carla"),
    # Realised money (world: tests/browser/actual_world)
    AppPage("actuals_page", "gerealiseerd"),
    AppPage("actuals_page", "gerealiseerd-lezer", user="carla"),
    AppPage("actual_edit", "gerealiseerd-wijzigen"),
    # Effects in money (the example's chosen scenario has effect estimates)
    AppPage("effects_page", "effecten-in-geld"),
    AppPage("effects_page", "effecten-in-geld-lezer", user="carla"),
    AppPage("effect_add", "effect-toevoegen"),
    AppPage("effect_edit", "effect-wijzigen"),
    AppPage("effect_settings", "discontovoet"),
    AppPage("effect_proxy_add", "kengetal-toevoegen"),
    AppPage("effect_proxies", "kengetallen"),
    # Evidence and monitoring (world: tests/browser/evidence_world)
    AppPage("evidence_page", "bewijs-en-monitoring"),
    AppPage("evidence_page", "bewijs-en-monitoring-lezer", user="carla"),
    AppPage("evidence_need_add", "bewijs-toevoegen"),
    AppPage("evidence_need_edit", "bewijs-wijzigen"),
    AppPage("indicator_add", "indicator-toevoegen", query="?bibliotheek=burenhulp"),
    AppPage("indicator_edit", "indicator-wijzigen"),
    AppPage("measurements_import", "metingen-inlezen"),
    AppPage("indicator_library", "indicatorbibliotheek"),
    # Live sessions
    AppPage("live_sessions", "live-sessies"),
    AppPage("live_control", "live-leiden"),
    AppPage("live_behalf", "live-namens"),
    AppPage("live_close", "live-sluiten"),
    AppPage("live_beamer", "live-scherm", phone=False),
    AppPage("live_enter", "live-meedoen", user=None),
    AppPage("live_join", "live-aanmelden", user=None),
    AppPage("live_vote_page", "live-stemmen", user=None, participant=True),
    # The residents' questionnaire
    AppPage("residents_manage", "bewoners"),
    AppPage("residents_form", "bewonersvragenlijst", user=None),
    AppPage("residents_thanks", "bewoners-bedankt", user=None),
    # An organisation's strategy (world: organisation_slug, other_slug its partner)
    AppPage("strategy_page", "strategie"),
    AppPage("strategy_edit", "strategie-wijzigen"),
    AppPage("strategy_history", "strategie-geschiedenis"),
    AppPage("strategy_compare", "strategie-vergelijken"),
    # An organisation's portfolio (world: organisation_slug, anna's housing corporation)
    AppPage("portfolio_page", "portefeuille"),
]

# Routes that are no page of their own, each with the reason.
NOT_PAGES: dict[str, str] = {
    "effect_delete": "a POST that deletes an effect estimate",
    "effect_proxy_delete": "a POST that deletes a proxy of the project's own",
    "logout": "a POST that signs out",
    "two_factor_verify": "without a paired app a redirect to pairing; test_two_factor.py",
    "oidc_authentication_init": "a redirect to the organisation's identity provider",
    "oidc_authentication_callback": "the identity provider's redirect back (test_single_sign_on)",
    "set_language": "a POST that switches the language",
    "project_export": "a JSON download",
    "portfolio_excel": "an Excel download of the portfolio page",
    "portfolio_pdf": "a PDF download of the portfolio page",
    "strategy_export": "a JSON download of the positions",
    "strategy_import": "a POST of the strategy page (the file upload)",
    "project_unarchive": "only for an archived project; its page is archive_confirm's twin",
    "project_party_add": "a POST of the parties page",
    "scenario_switch": "a redirect to the other scenario's page",
    "knob_save": "a POST of the knob page",
    "cost_item_create": "a POST of the knob page",
    "cost_item_update": "a POST of the knob page",
    "cost_item_delete": "a POST of the knob page",
    "funding_line_create": "a POST of the knob page",
    "funding_line_update": "a POST of the knob page",
    "funding_line_delete": "a POST of the knob page",
    "scenario_create": "a POST of the scenarios page",
    "explorer_design": "a POST of the explorer page",
    "scenario_choose": "a POST of the scenarios page",
    "member_role": "a POST of the members page",
    "member_remove": "a POST of the members page",
    "invitation_create": "a POST of the members page",
    "invitation_revoke": "a POST of the members page",
    "document_download": "a file download",
    "job_page": "a job's own page, walked at 320 px with axe in tests/browser/test_jobs.py",
    "job_download": "a file download",
    "job_again": "a POST of the job's page",
    "perspectives_reveal": "a POST of the perspectives page",
    "perspectives_hide": "a POST of the perspectives page",
    "agenda_point_add": "a POST of the divergence page",
    "point_create": "a POST of the meeting page",
    "point_reorder": "a POST of the meeting page",
    "point_minutes": "a POST of the meeting page",
    "point_remove": "a POST of the meeting page",
    "action_done": "a POST of the decisions page",
    "lesson_delete": "a POST of the lessons page",
    "agreement_confirm": "a POST of the agreement page",
    "funding_line_confirm": "a POST of the commitments page",
    "funding_line_decline": "a POST of the commitments page",
    "funding_line_on_behalf": "a POST of the commitments page",
    "commitment_file": "a file download",
    "actual_delete": "a POST of the realised money page",
    "actuals_upload": "a POST of the realised money page",
    "actuals_template": "an Excel or CSV download",
    "evidence_need_delete": "a POST of the evidence page",
    "evidence_file": "a file download",
    "indicator_delete": "a POST of the evidence page",
    "measurement_add": "a POST of the evidence page",
    "measurement_delete": "a POST of the evidence page",
    "measurements_template": "an Excel download",
    "checks_agenda_add": "a POST of the checks page",
    "live_session_start": "a POST of the live sessions page",
    "live_control_action": "a POST of the facilitator's page",
    "live_participant_remove": "a POST of the facilitator's page",
    "live_screen_state": "JSON for the beamer's script",
    "live_beamer_link": "a POST of the facilitator's page",
    "live_beamer_link_screen": "the beamer through its link: test_beamer.py, 1280×720, 1920×1080",
    "live_beamer_link_state": "JSON for the beamer's script",
    "live_state": "JSON for the phone's script",
    "live_vote": "a POST of the vote page",
    "residents_create": "a POST of the residents page",
    "residents_open": "a POST of the residents page",
    "residents_close": "a POST of the residents page",
    "residents_new_link": "a POST of the residents page",
    "residents_take_in": "a POST of the residents page",
    "residents_round_start": "a POST of the residents page",
    "residents_round_close": "a POST of the residents page",
    "residents_poster": "a PDF download",
}


def app_route_names() -> set[str]:
    """The names of the app's routes (the admin's, Django's own, are left out)."""
    names: set[str] = set()

    def walk(patterns: list[Any], admin: bool) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                # The JSON API (/api/v1/) has no pages: tests/web/api/test_access.py covers it.
                walk(p.url_patterns, admin or p.app_name in ("admin", "api"))
            elif isinstance(p, URLPattern) and p.name and not admin:
                names.add(p.name)

    walk(get_resolver().url_patterns, False)
    return names
