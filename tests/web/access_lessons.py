"""Lessons and the scale-up verdict: their part of the access table.

Every member sees the lessons and the verdict; bewerkers and beheerders write them (the lessons
page and the verdict page take their form's POST themselves: a reader's POST is refused there,
tested in test_lessons.py). A lesson shared by another project is shown only in the projects of
the organisations at its table (test_lessons.py).
"""

from __future__ import annotations

from typing import Any

from .access import Access

ACCESS: dict[str, Access] = {
    "lessons_page": Access("lezer"),
    "lesson_edit": Access("bewerker", editable=True),
    "lesson_delete": Access("bewerker", method="POST", editable=True),
    "scale_up_page": Access("lezer"),
}


def world_kwargs(project: Any, people: dict[str, Any]) -> dict[str, Any]:
    """A lesson of the world's project, for the routes that name one."""
    from stuurknop.web.projects.services.lessons import lesson_create

    lesson = lesson_create(project=project, by=people["anna"], title="Matrixles", knobs=[4])
    return {"lesson_id": lesson.pk}
