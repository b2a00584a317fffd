"""Forms of the project pages: the basics, a party at the table, an uploaded project file."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import schema as doc
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.projects.forms.declared import declared_fields
from stuurknop.web.projects.models.project import PHASES
from stuurknop.web.projects.services.imports import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB

# Bounds a person can mean; the document itself allows a little more (0 homes, year 1990).
MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_HOMES = 100_000
MAX_HORIZON = 50
NAME_LENGTH = 200
DESCRIPTION_LENGTH = 5_000


def posted(request: HttpRequest) -> QueryDict | None:
    """The submitted fields of a POST, else None: an empty POST still binds the form, so that
    it answers with errors rather than with a blank form.
    """
    return request.POST if request.method == "POST" else None


def _only_organisation(
    form: forms.Form, organisations: QuerySet[Organisation]
) -> Organisation | None:
    """Offer the choice of organisation only to someone who works at more than one; for the
    others the field goes and their one organisation (or none) is implied.
    """
    choices = list(organisations[:2])
    if len(choices) > 1:
        field = form.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organisations
        return None
    del form.fields["organisation"]
    return choices[0] if choices else None


class BasicsForm(forms.Form):
    """The project's basics: step 1 of creating a project, and editing them later."""

    name = forms.CharField(label=gettext_lazy("Naam van het project"), max_length=NAME_LENGTH)
    municipality = forms.CharField(label=gettext_lazy("Gemeente"), max_length=NAME_LENGTH)
    neighbourhood = forms.CharField(
        label=gettext_lazy("Buurt of wijk"), max_length=NAME_LENGTH, required=False
    )
    homes = forms.IntegerField(
        label=gettext_lazy("Aantal woningen"), min_value=1, max_value=MAX_HOMES
    )
    phase = forms.ChoiceField(label=gettext_lazy("Fase"), choices=PHASES, initial="idee")
    first_year = forms.IntegerField(
        label=gettext_lazy("Eerste jaar"), min_value=MIN_YEAR, max_value=MAX_YEAR
    )
    horizon_years = forms.IntegerField(
        label=gettext_lazy("Looptijd in jaren"),
        min_value=1,
        max_value=MAX_HORIZON,
        initial=10,
        help_text=gettext_lazy("Over hoeveel jaar rekenen jullie kosten en financiering door?"),
    )
    description = forms.CharField(
        label=gettext_lazy("Omschrijving"),
        max_length=DESCRIPTION_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        first, years = data.get("first_year"), data.get("horizon_years")
        if first is not None and years is not None and first + years - 1 > MAX_YEAR:
            self.add_error(
                "horizon_years",
                _("Het project moet uiterlijk in %(year)s eindigen.") % {"year": MAX_YEAR},
            )
        return data


class CreateForm(BasicsForm):
    """Step 1 of a new project: the basics, and on whose behalf (when one works at several)."""

    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Namens organisatie"),
        queryset=Organisation.objects.none(),
        empty_label=None,
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.only_organisation = _only_organisation(self, organisations)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if "organisation" not in self.fields:
            data["organisation"] = self.only_organisation
        return data


class BasicsEditForm(BasicsForm):
    """The basics of an existing project, with the version the editor loaded."""

    version = forms.IntegerField(widget=forms.HiddenInput(), min_value=1)


class PartyForm(forms.Form):
    """A party at (or beside) the table, optionally linked to an organisation here: the fields
    of the project file's party (label, help and bounds from the declaration where not asked as
    a question here, :mod:`.declared`) and the link, which the project file does not hold."""

    schema = doc.Party
    not_edited = ("id",)  # made from the name by the service
    questions: Mapping[str, StrOrPromise] = {
        "name": gettext_lazy("Naam van de partij"),
        "party_type": gettext_lazy("Soort partij"),
        "at_table": gettext_lazy("Zit deze partij aan tafel?"),
    }
    help_texts: Mapping[str, StrOrPromise] = {
        "at_table": gettext_lazy("Nee: de partij betaalt bijvoorbeeld mee, maar praat niet mee."),
    }
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Organisatie in Stuurknop (niet verplicht)"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=gettext_lazy("Geen koppeling"),
    )

    def __init__(
        self,
        *args: Any,
        model_version: str,
        organisations: QuerySet[Organisation],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        built: dict[str, forms.Field] = {
            "party_type": forms.ChoiceField(
                choices=[(t.id, t.name) for t in load_model(model_version).party_types]
            ),
            "at_table": forms.TypedChoiceField(
                choices=[("ja", gettext_lazy("Ja, aan tafel")), ("nee", gettext_lazy("Nee"))],
                coerce=lambda value: value == "ja",
                initial="ja",
                widget=forms.RadioSelect,
            ),
        }
        declared = declared_fields(
            self.schema,
            self.edited(),
            built=built,
            labels=self.questions,
            help_texts=self.help_texts,
        )
        organisation = self.fields["organisation"]
        assert isinstance(organisation, forms.ModelChoiceField)
        organisation.queryset = organisations
        self.fields = {**declared, "organisation": organisation}

    @classmethod
    def edited(cls) -> list[str]:
        return [name for name in cls.schema.model_fields if name not in cls.not_edited]


class ImportForm(forms.Form):
    """A project file, as the command line and the export make it."""

    file = forms.FileField(
        label=gettext_lazy("Projectbestand (JSON)"),
        widget=forms.FileInput(attrs={"accept": ".json,application/json"}),
    )
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Namens organisatie"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=None,
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "Een bestand van hoogstens %(mb)s MB, zoals Stuurknop het exporteert."
        ) % {"mb": MAX_UPLOAD_MB}
        self.only_organisation = _only_organisation(self, organisations)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if "organisation" not in self.fields:
            data["organisation"] = self.only_organisation
        return data

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Het bestand is groter dan %(mb)s MB.") % {"mb": MAX_UPLOAD_MB}
            )
        return upload
