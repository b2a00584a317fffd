"""Writes to the partners' agreement: drawing up a version from the chosen scenario, and a
party's confirmation of it.

The versions are kept on the project as their validated data (``Project.agreements``, the
document's ``agreements``). An editor draws up a version: its content is derived by the engine
(:func:`stuurknop.engine.agreement.agreement_content`) from the chosen scenario with the texts
the partners write (hours, a party's own words, how they decide on changes). While the latest
version is not frozen, drawing up again replaces it (its confirmations go, since its content and
fingerprint change); once frozen, a new version is made. Only a member who speaks for a party
(:func:`~.perspectives.speaker_party`) confirms for that party, and only a version that is not
frozen yet; a confirmation says who, for which organisation and when.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stuurknop.engine.agreement import agreement_content
from stuurknop.projectfile.agreement import (
    Agreement,
    AgreementConfirmation,
    AgreementContent,
    AgreementParty,
    new_version,
)
from stuurknop.projectfile.schema import LogEntity
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Project, ProjectParty
from stuurknop.web.projects.permissions import require_editable
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services.log import display_name, entity_added, field_changes
from stuurknop.web.projects.services.meetings import recorded
from stuurknop.web.projects.services.perspectives import speaker_party
from stuurknop.web.projects.services.validation import invalid, validate_item

WHAT = "Samenwerkingsafspraak"


def agreements_of(project: Project) -> list[Agreement]:
    """The project's versions, oldest first."""
    versions = [Agreement.model_validate(a) for a in project.agreements]
    return sorted(versions, key=lambda a: a.number)


def imported_agreements(agreements: list[Agreement]) -> list[dict[str, Any]]:
    """The versions of an imported file as the project stores them: every confirmation marked
    as taken over from the file (whoever imports cannot confirm for another party); the
    content and its fingerprint stay as they were."""
    return [
        {
            **a.model_dump(mode="json"),
            "confirmations": [
                {**c.model_dump(mode="json"), "imported": True} for c in a.confirmations
            ],
        }
        for a in agreements
    ]


def agreements_version(project: Project) -> int:
    """What an editor saw: the number of versions and confirmations (0 before the first)."""
    return sum(1 + len(a.get("confirmations", [])) for a in project.agreements)


def _locked(project: Project, expected_version: int) -> Project:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    current = agreements_version(locked)
    if current != expected_version:
        raise Conflict(what=WHAT, expected_version=expected_version, current_version=current)
    return locked


def _store(project: Project, locked: Project, versions: list[Agreement]) -> None:
    data = [a.model_dump(mode="json") for a in versions]
    locked.agreements = data
    locked.save(update_fields=["agreements"])
    project.agreements = data


def _summary(agreement: Agreement) -> dict[str, Any]:
    return {
        "number": agreement.number,
        "scenario": agreement.content.scenario,
        "fingerprint": agreement.fingerprint,
    }


@transaction.atomic
def agreement_draw_up(
    *,
    project: Project,
    by: User,
    expected_version: int,
    changes: str = "",
    hours: Mapping[str, int | None] | None = None,
    commitments: Mapping[str, str] | None = None,
) -> Agreement:
    """A version of the agreement from the chosen scenario, with the partners' texts: how they
    decide on changes, and per party (by its id) hours per year and its own words. Replaces the
    latest version while that one is not frozen; else the next version."""
    require_editable(by, project)
    locked = _locked(project, expected_version)
    document = project_document(project)
    known = {p.id for p in document.parties}
    for party in [*(hours or {}), *(commitments or {})]:
        if party not in known:
            raise invalid("party", "deze partij hoort niet bij het project")
    # The partners' texts checked by their classes first (cleaned, bounded), then the rest
    # derived from the scenario.
    stub = {"party": "x", "name": "x"}
    checked_hours = {
        k: validate_item(AgreementParty, {**stub, "hours_per_year": v}).hours_per_year
        for k, v in (hours or {}).items()
    }
    checked_words = {
        k: validate_item(AgreementParty, {**stub, "commitment": v}).commitment
        for k, v in (commitments or {}).items()
    }
    years = document.project.years
    checked = validate_item(
        AgreementContent,
        {"scenario": "x", "first_year": years[0], "last_year": years[-1], "changes": changes},
    )
    content = agreement_content(
        document,
        document.scenario(),
        hours=checked_hours,
        commitments=checked_words,
        changes=checked.changes,
    )
    versions = agreements_of(locked)
    latest = versions[-1] if versions else None
    replaces = latest is not None and not latest.frozen
    earlier = versions[:-1] if replaces else versions
    version = new_version(earlier, content, at=timezone.now(), by=display_name(by))
    version = validate_item(Agreement, version.model_dump(mode="json"))
    _store(project, locked, [*earlier, version])
    key = str(version.number)
    what = f"{WHAT} versie {key} opgesteld"
    if replaces:
        what = f"{WHAT} versie {key} opnieuw opgesteld; eerdere bevestigingen vervallen"
    change = entity_added(entity=LogEntity.AGREEMENT, key=key, data=_summary(version))
    recorded(project, by, what, [change])
    return version


def _organisation(user: User, party: ProjectParty) -> str:
    """The organisation ``user`` confirms for: the party's own, else the user's organisation
    of the party's type (how :func:`speaker_party` matched them), else the party's name."""
    if party.organisation_id is not None and party.organisation is not None:
        return party.organisation.name
    same = Organisation.objects.filter(memberships__user=user, party_type=party.party_type)
    found = same.order_by("name").first()
    return found.name if found is not None else party.name


@transaction.atomic
def agreement_confirm(
    *, project: Project, by: User, number: int, expected_version: int
) -> Agreement:
    """``by`` confirms version ``number`` for the party it speaks for."""
    require_editable(by, project)
    party = speaker_party(by, project)
    locked = _locked(project, expected_version)
    versions = agreements_of(locked)
    agreement = next((a for a in versions if a.number == number), None)
    if agreement is None:
        raise invalid("number", "deze versie van de afspraak bestaat niet")
    if party is None or party.key not in {p.party for p in agreement.content.parties}:
        raise PermissionDenied(_("Je spreekt niet voor een partij van deze afspraak."))
    if agreement.frozen:
        raise invalid("number", "deze versie is al door alle partijen bevestigd")
    if number != versions[-1].number:
        raise invalid("number", "alleen de nieuwste versie kan nog bevestigd worden")
    if party.key in agreement.confirmed_parties:
        raise invalid("number", "je partij heeft deze versie al bevestigd")
    organisation = _organisation(by, party)
    confirmation = AgreementConfirmation(
        party=party.key, by=display_name(by), organisation=organisation, at=timezone.now()
    )
    confirmed = validate_item(
        Agreement,
        {
            **agreement.model_dump(mode="json"),
            "confirmations": [
                *(c.model_dump(mode="json") for c in agreement.confirmations),
                confirmation.model_dump(mode="json"),
            ],
        },
    )
    _store(project, locked, [confirmed if a.number == number else a for a in versions])
    old = [c.party for c in agreement.confirmations]
    change = field_changes(
        entity=LogEntity.AGREEMENT,
        key=str(number),
        old={"confirmations": old},
        new={"confirmations": [*old, party.key]},
    )
    what = f"{WHAT} versie {number} bevestigd voor {party.name}"
    if confirmed.frozen:
        what += "; alle partijen aan tafel hebben bevestigd"
    recorded(project, by, what, change)
    return confirmed
