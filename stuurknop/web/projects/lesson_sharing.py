"""Shared lessons: what other projects learned, beside the model's lessons on a knob's page.

A lesson its project shares (``shared``) is shown in every project of the organisations at that
project's table: a project sees it when one of its own parties at the table is one of those
organisations. It shows the lesson's words and its origin — the project's name and the
organisations the two tables share — and nothing else of that project: no money, no parties'
views, no link into it (a viewer may have no access there).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any

from stuurknop.web.projects.models import Lesson, Project, ProjectParty


@dataclass(frozen=True)
class SharedLesson:
    key: str  # for a stable order and the page's cache
    title: str
    happened: str
    learned: str
    knobs: tuple[int, ...]
    themes: tuple[str, ...]
    project: str  # the origin: the project's name …
    organisations: tuple[str, ...]  # … and the organisations at both tables
    version: int


def _organisations_at_table(project_ids: Any) -> dict[int, dict[int, str]]:
    """Per project: its parties' organisations at the table, id → name."""
    found: dict[int, dict[int, str]] = {}
    rows = ProjectParty.objects.filter(
        project_id__in=project_ids, at_table=True, organisation__isnull=False
    ).values_list("project_id", "organisation_id", "organisation__name")
    for project_id, organisation_id, name in rows:
        found.setdefault(project_id, {})[organisation_id] = name
    return found


def shared_lessons(project: Project, knob: int | None = None) -> list[SharedLesson]:
    """The lessons other projects share with ``project`` (about ``knob``, if given), newest
    project first, each with its origin."""
    own = _organisations_at_table([project.pk]).get(project.pk, {})
    if not own:
        return []
    origins = (
        Project.objects.filter(
            parties__at_table=True, parties__organisation_id__in=list(own), archived=False
        )
        .exclude(pk=project.pk)
        .filter(lessons__shared=True)
        .distinct()
        .values_list("pk", "name")
    )
    names = dict(origins)
    if not names:
        return []
    tables = _organisations_at_table(list(names))
    lessons = Lesson.objects.filter(project_id__in=list(names), shared=True).order_by(
        "-project_id", "position", "id"
    )
    found = []
    for lesson in lessons:
        if knob is not None and knob not in lesson.knobs:
            continue
        common = sorted(
            name for org, name in tables.get(lesson.project_id, {}).items() if org in own
        )
        found.append(
            SharedLesson(
                key=f"{lesson.project_id}/{lesson.key}",
                title=lesson.title,
                happened=lesson.happened,
                learned=lesson.learned,
                knobs=tuple(lesson.knobs),
                themes=tuple(lesson.themes),
                project=names[lesson.project_id],
                organisations=tuple(common),
                version=lesson.version,
            )
        )
    return found


def fingerprint(lessons: list[SharedLesson]) -> str:
    """Changes when a shared lesson is added, edited, unshared or removed: part of the cache
    key of a page that shows them."""
    text = ";".join(f"{x.key}:{x.version}:{x.project}:{','.join(x.organisations)}" for x in lessons)
    return f"{len(lessons)}-{zlib.crc32(text.encode()):x}"
