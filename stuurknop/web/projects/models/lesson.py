"""What a running project learned (the document's ``lessons``) and the partners' scale-up
assessment (``scale_up``, one per project, kept on the project as its validated JSON data);
see :mod:`stuurknop.projectfile.lessons`."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from stuurknop.web.projects.models.fields import Positioned, Versioned, key_field
from stuurknop.web.projects.models.project import Project


class Lesson(Positioned, Versioned):
    """A lesson learned: what happened, what we learned, its knobs and themes, shared or not."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="lessons")
    key = key_field()
    title = models.CharField(_("onderwerp"), max_length=200)
    happened = models.TextField(_("wat er gebeurde"), blank=True)
    learned = models.TextField(_("wat we leerden"), blank=True)
    knobs = models.JSONField(_("stuurknoppen"), default=list, blank=True)
    themes = models.JSONField(_("thema's"), default=list, blank=True)
    date = models.DateField(_("datum"), null=True, blank=True)
    shared = models.BooleanField(_("delen"), default=False)

    class Meta(Positioned.Meta):
        constraints = [models.UniqueConstraint(fields=["project", "key"], name="lesson_key")]
        verbose_name = _("les")
        verbose_name_plural = _("lessen")

    def __str__(self) -> str:
        return self.title
