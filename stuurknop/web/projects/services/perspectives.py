"""Writes to a project's perspectives (each party's own view) and residents' input.

Both are lists stored on the project row (``Project.perspectives``, ``Project.resident_input``)
in the document's own JSON shape. Appends lock the project row first, so two sessions closing
at once cannot drop each other's results; the whole document is validated before the
transaction commits (a perspective of a party the project does not have is refused).

Hidden until revealed (the model's second use, without group-think): a party's *own* view
(origin ``eigen``, or ``namens`` when someone filled it in on the party's behalf) is seen by
nobody but the people who speak for that party, until a beheerder reveals the answers; hiding
them again starts a new round. Views from a live session (origin ``sessie``) were shown in the
room already, and the residents' input is anonymous and aggregated: both are always visible.
A new project starts hidden. Projects that already held perspectives when the reveal came in
were revealed by the migration (everyone with the file had seen them); an imported file with
perspectives is meant to start revealed too (``project_import`` sets the flag). The log never
holds a party's scores, since every member reads the log.

Who speaks for a party (:func:`speaker_party`): the party set on the person's membership of the
project; else the party at the table linked to an organisation the person works at; else the
only party at the table of the party type of the person's organisation (when no organisation is
linked to it). A bewerker may also fill in the view of another party at the table, *namens*
that party, but never replace the view the party gave itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stuurknop.projectfile import ProjectDocument
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.schema import LogEntity
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Project, ProjectMember, ProjectParty
from stuurknop.web.projects.permissions import AnyUser, require_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.log import display_name, entity_added, log_append
from stuurknop.web.projects.services.validation import (
    invalid,
    party_by_key,
    validate_item,
    validate_project,
)

# A party's own view: what is hidden until the beheerder reveals the answers. A view entered
# on someone's behalf *in a live session* (origin namens with a session) was shown in the room.
OWN_ORIGINS = frozenset({doc.PerspectiveOrigin.EIGEN, doc.PerspectiveOrigin.NAMENS})


def is_own_view(perspective: doc.Perspective) -> bool:
    """A party's own view, given outside a live session: hidden until the reveal."""
    return perspective.origin in OWN_ORIGINS and not perspective.session


def _require_open(by: User, project: Project, role: Role) -> None:
    require_role(by, project, role)
    if project.archived:
        raise PermissionDenied(_("Dit project is gearchiveerd; haal het eerst uit het archief."))


def _locked(project: Project) -> Project:
    """The project row, locked for this transaction (PostgreSQL; SQLite writes one at a time)."""
    return Project.objects.select_for_update().get(pk=project.pk)


@transaction.atomic
def perspectives_add(
    *,
    project: Project,
    by: User,
    perspectives: Sequence[doc.Perspective],
    what: str,
    role: Role = Role.BEHEERDER,
) -> Project:
    """Append ``perspectives`` (e.g. a closed live session's results) and log ``what``.

    ``role`` is the least project role ``by`` needs (the facilitator: beheerder).
    """
    _require_open(by, project, role)
    row = _locked(project)
    added = [validate_item(doc.Perspective, p.model_dump()) for p in perspectives]
    row.perspectives = [*row.perspectives, *(p.model_dump(mode="json") for p in added)]
    row.save(update_fields=["perspectives"])
    validate_project(row)
    log_append(
        project=row,
        by=by,
        what=what,
        changes=[
            entity_added(
                entity=LogEntity.PERSPECTIVE,
                key=p.party,
                # Never the scores: every member reads the log.
                data={"party": p.party, "origin": p.origin.value, "session": p.session},
            )
            for p in added
        ],
    )
    project.perspectives = row.perspectives
    return row


@transaction.atomic
def resident_input_add(
    *, project: Project, by: User, resident_input: doc.ResidentInput, what: str
) -> Project:
    """Append the residents' aggregated answers (a questionnaire taken in by a beheerder)."""
    _require_open(by, project, Role.BEHEERDER)
    row = _locked(project)
    checked = validate_item(doc.ResidentInput, resident_input.model_dump())
    row.resident_input = [*row.resident_input, checked.model_dump(mode="json")]
    row.save(update_fields=["resident_input"])
    validate_project(row)
    log_append(
        project=row,
        by=by,
        what=what,
        changes=[
            entity_added(
                entity=LogEntity.RESIDENT_INPUT,
                key=checked.date.isoformat(),
                data={"date": checked.date.isoformat(), "respondents": checked.respondents},
            )
        ],
    )
    project.resident_input = row.resident_input
    return row


# --- who speaks for whom, and what may be seen ---------------------------------------------


def speaker_party(user: AnyUser, project: Project) -> ProjectParty | None:
    """The party at the table ``user`` speaks for in ``project`` (see the module doc), or None."""
    if not user.is_authenticated:
        return None
    member = (
        ProjectMember.objects.filter(project=project, user=user).select_related("party").first()
    )
    if member is None:
        return None
    if member.party is not None:
        return member.party
    parties = list(project.parties.filter(at_table=True).order_by("position", "id"))
    organisations = list(Organisation.objects.filter(memberships__user=user).order_by("name"))
    linked = [p for p in parties if p.organisation_id in {o.pk for o in organisations}]
    if linked:
        return linked[0]
    for organisation in organisations:
        same = [p for p in parties if p.party_type == organisation.party_type]
        if len(same) == 1 and same[0].organisation_id is None:
            return same[0]
    return None


def own_views(perspectives: Iterable[Mapping[str, object]]) -> dict[str, doc.Perspective]:
    """Each party's own view (``eigen`` or ``namens``) from the project's stored list.

    Writes keep one own view per party; of older data with several, the last one counts.
    """
    views: dict[str, doc.Perspective] = {}
    for data in perspectives:
        perspective = doc.Perspective.model_validate(data)
        if is_own_view(perspective):
            views[perspective.party] = perspective
    return views


def visible_document(document: ProjectDocument, *, revealed: bool) -> ProjectDocument:
    """``document`` as the divergence may show it: before the reveal without the own views."""
    if revealed:
        return document
    shown = [p for p in document.perspectives if not is_own_view(p)]
    return document.model_copy(update={"perspectives": shown})


def perspective_version(project: Project, party: str) -> int:
    """The version of ``party``'s own view that an editor loads (1 before the first save)."""
    return int(project.perspective_versions.get(party, 0)) + 1


# --- writes of the perspectives pages ------------------------------------------------------


@transaction.atomic
def perspective_set(
    *,
    project: Project,
    by: User,
    party: str,
    knobs: Mapping[int, int],
    values: Mapping[str, int],
    remarks: str,
    expected_version: int,
) -> doc.Perspective:
    """Give ``party``'s own view, replacing its previous own view (session views stay).

    ``knobs``: how far the party would open each knob (0–3); ``values``: how much each value
    matters to it (0–3); a knob or value left out has no answer. Origin ``eigen`` when ``by``
    speaks for the party, else ``namens``. :class:`Conflict` when someone saved this party's
    view after the editor loaded version ``expected_version``.
    """
    _require_open(by, project, Role.BEWERKER)
    row = _locked(project)
    target = party_by_key(row, party, field="party")
    assert target is not None  # party_by_key only returns None for None
    if not target.at_table:
        raise invalid("party", _("%(party)s zit niet aan tafel") % {"party": target.name})
    current = perspective_version(row, party)
    if current != expected_version:
        raise Conflict(
            what=_("Het perspectief van %(party)s") % {"party": target.name},
            expected_version=expected_version,
            current_version=current,
        )
    speaker = speaker_party(by, row)
    origin = (
        doc.PerspectiveOrigin.EIGEN
        if speaker is not None and speaker.key == party
        else doc.PerspectiveOrigin.NAMENS
    )
    previous = own_views(p for p in row.perspectives if p.get("party") == party).get(party)
    replaces_own = previous is not None and previous.origin is doc.PerspectiveOrigin.EIGEN
    if origin is doc.PerspectiveOrigin.NAMENS and replaces_own:
        raise invalid(
            "party",
            _("%(party)s heeft zelf een perspectief gegeven; dat vervang je niet namens hen")
            % {"party": target.name},
        )
    perspective = validate_item(
        doc.Perspective,
        {
            "party": party,
            "date": timezone.localdate().isoformat(),
            "origin": origin.value,
            "knobs": {str(knob): opening for knob, opening in knobs.items()},
            "values": dict(values),
            "remarks": remarks,
        },
    )
    kept = [p for p in row.perspectives if not _is_own_view_of(p, party)]
    row.perspectives = [*kept, perspective.model_dump(mode="json")]
    row.perspective_versions = {**row.perspective_versions, party: current}
    row.save(update_fields=["perspectives", "perspective_versions"])
    validate_project(row)
    # Never the scores: every member reads the log, and the views may still be hidden.
    what = f"Perspectief van {target.name} ingevuld"
    if origin is doc.PerspectiveOrigin.NAMENS:
        what += " (namens de partij)"
    log_append(project=row, by=by, what=what)
    project.perspectives = row.perspectives
    project.perspective_versions = row.perspective_versions
    return perspective


@transaction.atomic
def perspectives_reveal(*, project: Project, by: User) -> bool:
    """Show every party's own view to all members; False when they were shown already."""
    return _set_revealed(project, by, revealed=True)


@transaction.atomic
def perspectives_hide(*, project: Project, by: User) -> bool:
    """Hide the own views again, for a new round; False when they were hidden already."""
    return _set_revealed(project, by, revealed=False)


def _set_revealed(project: Project, by: User, *, revealed: bool) -> bool:
    _require_open(by, project, Role.BEHEERDER)
    row = _locked(project)
    if row.perspectives_revealed == revealed:
        return False
    row.perspectives_revealed = revealed
    row.perspectives_revealed_at = timezone.now() if revealed else None
    row.perspectives_revealed_by = display_name(by) if revealed else ""
    row.save(
        update_fields=[
            "perspectives_revealed",
            "perspectives_revealed_at",
            "perspectives_revealed_by",
        ]
    )
    log_append(
        project=row,
        by=by,
        what=(
            "Perspectieven van de partijen getoond aan alle deelnemers"
            if revealed
            else "Perspectieven weer verborgen voor een nieuwe ronde"
        ),
    )
    for field in ("perspectives_revealed", "perspectives_revealed_at", "perspectives_revealed_by"):
        setattr(project, field, getattr(row, field))
    return True


def _is_own_view_of(data: Mapping[str, object], party: str) -> bool:
    return (
        data.get("party") == party
        and data.get("origin", "eigen") in OWN_ORIGINS
        and not data.get("session")
    )
