"""Demo data: organisations of each WWZ party type, people with known passwords, and the
example projects shared between them with different roles.

Safe to run again: what exists is reused (and the demo passwords are set anew), so a demo
database can be restarted as often as one likes. Only for a local demo (``STUURKNOP_DEV=1``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from stuurknop.projectfile import DocumentInvalid, parse_json
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.accounts.services import membership_add, organisation_create
from stuurknop.web.demo.portfolio import portfolio_variants
from stuurknop.web.demo.strategy import load_demo_positions
from stuurknop.web.projects.models import Project, ProjectMember
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services import invitation_accept, invitation_create, project_import
from stuurknop.web.residents.models import Questionnaire
from stuurknop.web.residents.services import questionnaire_create

DEMO_PASSWORD = "stuurknop-demo"  # printed on start-up; a demo database is never a real one

# (slug, name, party type): one organisation per WWZ partner type, and the residents.
ORGANISATIONS = (
    ("demo-woningcorporatie", "Woonstichting De Voorbeeldhaven", "woningcorporatie"),
    ("demo-zorgorganisatie", "Zorggroep Voorbeeld", "zorgorganisatie"),
    ("demo-welzijn", "Welzijn Voorbeeld", "sociaal_werkorganisatie"),
    ("demo-gemeente", "Gemeente Voorbeeld", "gemeente"),
    ("demo-bewoners", "Bewonersvereniging Voorbeeld", "bewoners"),
)


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    organisation: str  # slug
    role: Role | None  # in every example project; None: member of none (sees no project)


USERS = (
    DemoUser("anna", "Anna", "de Vries", "demo-woningcorporatie", Role.BEHEERDER),
    DemoUser("bram", "Bram", "Jansen", "demo-zorgorganisatie", Role.BEWERKER),
    DemoUser("carla", "Carla", "Bakker", "demo-welzijn", Role.LEZER),
    DemoUser("dirk", "Dirk", "Visser", "demo-gemeente", Role.BEWERKER),
    DemoUser("eva", "Eva", "Smit", "demo-bewoners", None),
)


@dataclass(frozen=True)
class DemoSummary:
    logins: tuple[tuple[str, str, str], ...]  # (username, password, what they can do)
    projects: tuple[str, ...]


@transaction.atomic
def load_demo() -> DemoSummary:
    """Create or reuse the demo organisations, users and example projects."""
    organisations = {slug: _organisation(slug, name, ptype) for slug, name, ptype in ORGANISATIONS}
    users = {u.username: _user(u, organisations[u.organisation]) for u in USERS}
    owner_spec = USERS[0]
    owner, own_org = users[owner_spec.username], organisations[owner_spec.organisation]
    by_type = {o.party_type: o for o in organisations.values()}
    projects = []
    for text in example_files():
        try:
            document = parse_json(text)
        except DocumentInvalid:
            continue  # an example being written right now; the demo shows the others
        project = Project.objects.filter(
            name=document.project.name, created_by_organisation=own_org
        ).first()
        if project is None:
            links = {
                p.id: by_type[p.party_type] for p in document.parties if p.party_type in by_type
            }
            project = project_import(
                document=document, by=owner, organisation=own_org, party_organisations=links
            )
        for spec in USERS[1:]:
            if spec.role is not None:
                _invite(project, owner, users[spec.username], spec.role)
        if not Questionnaire.objects.filter(project=project).exists():
            # An open residents' questionnaire, so its link and poster can be tried at once.
            questionnaire_create(project=project, by=owner)
        projects.append(project.name)
    members = {organisations[u.organisation].party_type: users[u.username] for u in USERS}
    load_demo_positions(list(organisations.values()), members)
    logins = tuple(
        (u.username, DEMO_PASSWORD, _describe(u, organisations[u.organisation])) for u in USERS
    )
    return DemoSummary(logins=logins, projects=tuple(projects))


def example_files() -> list[str]:
    """The texts of the example projects shipped in ``stuurknop/examples`` (if any).

    Thuisflat comes with a partner meeting's paper trail (``stuurknop.examples.meetings``: a
    held meeting with its minutes, decisions and actions, and the next meeting's agenda), so
    that a new user finds the Overleg tab, the decisions and the open actions filled in; the
    running project De Esch (``stuurknop.examples.running``) comes last.
    """
    try:
        folder = resources.files("stuurknop.examples")
    except ModuleNotFoundError:
        return []
    texts = []
    for f in sorted(folder.iterdir(), key=lambda f: f.name):
        if not f.name.endswith(".json"):
            continue
        if f.name == "thuisflat.json":
            texts.append(json.dumps(_thuisflat_with_meetings(), ensure_ascii=False))
        else:
            texts.append(f.read_text(encoding="utf-8"))
    texts += portfolio_variants()  # the demo organisations' portfolio: five projects and more
    texts.append(json.dumps(_running_project(), ensure_ascii=False))
    return texts


def _running_project() -> dict[str, Any]:
    """Ontmoetingsruimte De Esch, in its evaluation: measurements over four years, residents'
    rounds, actuals, lessons (two shared: they show beside knobs 2, 6 and 10 in the other demo
    projects, whose tables seat the same organisations), decisions and the verdict."""
    from stuurknop.examples.running import running_project

    return running_project()


def _thuisflat_with_meetings() -> dict[str, Any]:
    from stuurknop.examples.meetings import thuisflat_with_meetings

    return thuisflat_with_meetings()


def _organisation(slug: str, name: str, party_type: str) -> Organisation:
    existing = Organisation.objects.filter(slug=slug).first()
    return existing or organisation_create(name=name, party_type=party_type, slug=slug)


def _user(spec: DemoUser, organisation: Organisation) -> User:
    user, _created = User.objects.get_or_create(
        username=spec.username,
        defaults={"first_name": spec.first_name, "last_name": spec.last_name},
    )
    user.set_password(DEMO_PASSWORD)
    user.save(update_fields=["password"])
    membership_add(user=user, organisation=organisation)
    return user


def _invite(project: Project, owner: User, user: User, role: Role) -> None:
    # Through the real invitation flow, so the demo's log shows how people joined.
    if ProjectMember.objects.filter(project=project, user=user).exists():
        return
    party = project.parties.filter(organisation__memberships__user=user).first()
    _invitation, token = invitation_create(
        project=project,
        by=owner,
        email=f"{user.username}@example.org",
        role=role,
        party=party.key if party else None,
    )
    invitation_accept(token=token, user=user)


def _describe(spec: DemoUser, organisation: Organisation) -> str:
    if spec.role is None:
        return f"{organisation.name}; geen lid van een project"
    return f"{organisation.name}; {spec.role.value} in de voorbeeldprojecten"
