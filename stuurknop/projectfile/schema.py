"""The project document: one WWZ project with its scenarios, perspectives and log.

This is the interchange format (export, import, the CLI) and exactly the engine's input.
Money is ``Decimal`` with at most two decimals, so sums are exact; JSON carries it as a string.
References to the model (knobs, routes, values, sources, party types) and to the document's own
parties are checked against a model version in :mod:`stuurknop.projectfile.references`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from stuurknop.gespreksmodel.schema import Numeral
from stuurknop.projectfile.actuals import MAX_ACTUALS, Actual
from stuurknop.projectfile.agreement import MAX_AGREEMENTS, Agreement, AgreementContent
from stuurknop.projectfile.commitments import (
    Commitment,
    CommitmentHow,
    CommitmentRequest,
    RequestState,
)
from stuurknop.projectfile.effects import EffectEstimate, EffectSettings, Proxy
from stuurknop.projectfile.evidence import (
    Direction,
    EvidenceFile,
    EvidenceNeed,
    EvidencePlan,
    EvidenceStatus,
    Frequency,
    Indicator,
    Measurement,
    MeasurementSource,
)
from stuurknop.projectfile.fields import (
    MAX_COST_ITEMS,
    MAX_FUNDING_LINES,
    MAX_INTERESTS,
    MAX_MEASUREMENTS,
    MAX_PARTIES,
    MAX_SCENARIOS,
    ActionStatus,
    AgendaOrigin,
    CostKind,
    Date,
    Doc,
    EvidenceKind,
    FundingStatus,
    Id,
    KnobNumber,
    KnobStatus,
    LongText,
    Measured,
    Money,
    Name,
    Opening,
    PerspectiveOrigin,
    Phase,
    ShortText,
    Timestamp,
    Weight,
    Year,
    Years,
)
from stuurknop.projectfile.lessons import MAX_LESSONS, Lesson, ScaleUp, ScaleUpVerdict
from stuurknop.projectfile.log import (
    LOG_VALUE_LENGTH,
    MAX_LOG_CHANGES,
    ChangeAction,
    LogChange,
    LogEntity,
    LogEntry,
    LogKey,
    LogValue,
)
from stuurknop.projectfile.meetings import (
    MAX_ACTIONS,
    MAX_DECISIONS,
    MAX_MEETINGS,
    Action,
    AgendaPoint,
    Decision,
    Meeting,
)
from stuurknop.projectfile.residents import (
    MAX_INSTRUMENTS,
    HelpCounts,
    InstrumentResult,
    ResidentInput,
)

# 2: the log stores each change as data (entity, key, action, field, old, new) instead of two
# JSON texts; 3: meetings with their agenda and minutes, decisions and actions.
# stuurknop.projectfile.migrate reads the files of every earlier version.
SCHEMA_VERSION = 3
FORMAT = "stuurknop-project"


class Basics(Doc):
    name: Name = Field(title="naam")
    municipality: Name = Field(title="gemeente")
    neighbourhood: ShortText = Field("", title="buurt")
    homes: int = Field(ge=0, le=100_000, title="aantal woningen")
    phase: Phase = Field(Phase.IDEE, title="fase")
    first_year: Year = Field(title="eerste jaar")
    horizon_years: int = Field(ge=1, le=50, title="looptijd in jaren")
    description: LongText = Field("", title="omschrijving")

    @property
    def years(self) -> range:
        return range(self.first_year, self.first_year + self.horizon_years)


class Party(Doc):
    id: Id = Field(title="id")
    name: Name = Field(title="naam")
    party_type: Id = Field(title="partijtype")
    at_table: bool = Field(
        default=True,
        title="aan tafel",
        description="Nee: genoemd (bijvoorbeeld als betaler), maar niet aan tafel.",
    )


class KnobSetting(Doc):
    knob: KnobNumber = Field(title="stuurknop")
    status: KnobStatus = Field(KnobStatus.NIET_BESPROKEN, title="status")
    opening: Opening | None = Field(None, title="stand")
    elaboration: LongText = Field("", title="uitwerking")
    lead_party: Id | None = Field(None, title="trekker")
    routes: list[Id] = Field(
        default_factory=list,
        max_length=10,
        title="routes",
        description="De routes waarlangs de knop moet werken.",
    )
    answers: list[LongText] = Field(
        default_factory=list,
        max_length=3,
        title="antwoorden",
        description="De antwoorden op de drie gespreksvragen.",
    )


class Interest(Doc):
    party: Id = Field(title="partij")
    value: Id = Field(title="waarde")
    weight: Weight = Field(title="gewicht")
    reason: ShortText = Field("", title="toelichting")


class CostItem(Doc):
    id: Id = Field(title="id")
    knob: KnobNumber = Field(title="stuurknop")
    description: Name = Field(title="omschrijving")
    kind: CostKind = Field(title="soort")
    amount: Money = Field(title="bedrag", description="Eenmalig, of het bedrag per jaar.")
    first_year: Year = Field(title="eerste jaar")
    years: Years | None = Field(
        default=None,
        title="aantal jaren",
        description="Alleen per jaar. Leeg laten: de kosten lopen door (structureel).",
    )
    # Empty: the knob's lead party.
    party: Id | None = Field(default=None, title="wie maakt de kosten")


class FundingLine(Doc):
    id: Id = Field(title="id")
    cost_item: Id = Field(title="kostenpost")
    party: Id = Field(title="wie betaalt")
    source: Numeral = Field(
        title="bron",
        description="De tien bronnen I–X van het model; ‘tijdelijk’ geld stopt op een dag.",
    )
    amount: Money = Field(
        title="bedrag", description="Per jaar als de kostenpost per jaar is, anders eenmalig."
    )
    first_year: Year | None = Field(
        default=None,
        title="eerste jaar",
        description="Leeg laten: vanaf het eerste jaar van de kostenpost.",
    )
    years: Years | None = Field(
        default=None,
        title="aantal jaren",
        description="Leeg laten: zolang de kostenpost loopt. Niet bij een eenmalige kostenpost.",
    )
    status: FundingStatus = Field(FundingStatus.IDEE, title="status")
    commitment: Commitment | None = Field(
        None,
        title="toezegging",
        description="Wie het geld toezegde: de partij zelf of namens haar.",
    )
    request: CommitmentRequest | None = Field(None, title="verzoek om bevestiging")

    @model_validator(mode="after")
    def _committed_only(self) -> FundingLine:
        if self.commitment is not None and self.status is not FundingStatus.TOEGEZEGD:
            raise ValueError("alleen een toegezegde regel heeft een toezegging")
        return self


class Scenario(Doc):
    name: Name = Field(title="naam")
    chosen: bool = Field(False, title="gekozen")
    description: LongText = Field("", title="omschrijving")
    knobs: list[KnobSetting] = Field(default_factory=list, max_length=10, title="stuurknoppen")
    interests: list[Interest] = Field(
        default_factory=list, max_length=MAX_INTERESTS, title="belangen"
    )
    costs: list[CostItem] = Field(
        default_factory=list,
        max_length=MAX_COST_ITEMS,
        description=f"Ten hoogste {MAX_COST_ITEMS} per scenario.",
        title="kostenposten",
    )
    funding: list[FundingLine] = Field(
        default_factory=list,
        max_length=MAX_FUNDING_LINES,
        description=f"Ten hoogste {MAX_FUNDING_LINES} per scenario.",
        title="financiering",
    )
    effects: list[EffectEstimate] = Field(
        default_factory=list, max_length=MAX_COST_ITEMS, title="effectschattingen"
    )
    evidence: list[EvidencePlan] = Field(default_factory=list, max_length=20, title="bewijsvoering")
    actuals: list[Actual] = Field(
        default_factory=list, max_length=MAX_ACTUALS, title="gerealiseerd"
    )

    def setting(self, knob: int) -> KnobSetting:
        """The setting of ``knob``; a knob the scenario does not mention is not discussed."""
        for setting in self.knobs:
            if setting.knob == knob:
                return setting
        return KnobSetting(knob=knob)


class Perspective(Doc):
    party: Id = Field(title="partij")
    date: Date | None = Field(None, title="datum")
    origin: PerspectiveOrigin = Field(PerspectiveOrigin.EIGEN, title="herkomst")
    session: ShortText = Field("", title="sessie")
    knobs: dict[KnobNumber, Annotated[int, Field(ge=0, le=3)]] = Field(
        default_factory=dict,
        title="stuurknoppen",
        description="Hoe ver deze partij elke knop zou opendraaien; 0 is uit.",
    )
    values: dict[Id, Weight] = Field(default_factory=dict, title="waarden")
    remarks: LongText = Field("", title="opmerkingen")


class ProjectDocument(Doc):
    format: Literal["stuurknop-project"] = Field("stuurknop-project", title="formaat")
    schema_version: Literal[3] = Field(3, title="schemaversie")
    model_version: Name = Field(title="modelversie")
    project: Basics = Field(title="project")
    parties: list[Party] = Field(default_factory=list, max_length=MAX_PARTIES, title="partijen")
    scenarios: list[Scenario] = Field(min_length=1, max_length=MAX_SCENARIOS, title="scenario's")
    perspectives: list[Perspective] = Field(
        default_factory=list, max_length=2_000, title="perspectieven"
    )
    resident_input: list[ResidentInput] = Field(
        default_factory=list, max_length=200, title="bewonersinbreng"
    )
    meetings: list[Meeting] = Field(
        default_factory=list, max_length=MAX_MEETINGS, title="overleggen"
    )
    decisions: list[Decision] = Field(
        default_factory=list, max_length=MAX_DECISIONS, title="besluiten"
    )
    actions: list[Action] = Field(default_factory=list, max_length=MAX_ACTIONS, title="acties")
    lessons: list[Lesson] = Field(default_factory=list, max_length=MAX_LESSONS, title="lessen")
    scale_up: ScaleUp | None = Field(None, title="opschaling")
    effect_settings: EffectSettings = Field(
        default_factory=EffectSettings, title="effecten in geld"
    )
    agreements: list[Agreement] = Field(
        default_factory=list, max_length=MAX_AGREEMENTS, title="samenwerkingsafspraken"
    )
    # Not bounded: every save appends a line, so a bound would one day refuse all edits. What
    # prints the log (the plan) shows its most recent lines only.
    log: list[LogEntry] = Field(default_factory=list, title="logboek")

    def scenario(self, name: str | None = None) -> Scenario:
        """The scenario called ``name``; without a name the chosen one (or else the first)."""
        if name is None:
            return next((s for s in self.scenarios if s.chosen), self.scenarios[0])
        for scenario in self.scenarios:
            if scenario.name == name:
                return scenario
        raise KeyError(name)

    def party(self, party_id: str) -> Party:
        for party in self.parties:
            if party.id == party_id:
                return party
        raise KeyError(party_id)


# The whole declaration from one place: the building stones (fields) and the log (log) too.
__all__ = [
    "FORMAT",
    "LOG_VALUE_LENGTH",
    "MAX_ACTIONS",
    "MAX_ACTUALS",
    "MAX_AGREEMENTS",
    "MAX_COST_ITEMS",
    "MAX_DECISIONS",
    "MAX_FUNDING_LINES",
    "MAX_INSTRUMENTS",
    "MAX_INTERESTS",
    "MAX_LESSONS",
    "MAX_LOG_CHANGES",
    "MAX_MEASUREMENTS",
    "MAX_MEETINGS",
    "MAX_PARTIES",
    "MAX_SCENARIOS",
    "SCHEMA_VERSION",
    "Action",
    "ActionStatus",
    "Actual",
    "AgendaOrigin",
    "AgendaPoint",
    "Agreement",
    "AgreementContent",
    "Basics",
    "ChangeAction",
    "Commitment",
    "CommitmentHow",
    "CommitmentRequest",
    "CostItem",
    "CostKind",
    "Date",
    "Decision",
    "Direction",
    "Doc",
    "EffectEstimate",
    "EffectSettings",
    "EvidenceFile",
    "EvidenceKind",
    "EvidenceNeed",
    "EvidencePlan",
    "EvidenceStatus",
    "Frequency",
    "FundingLine",
    "FundingStatus",
    "HelpCounts",
    "Id",
    "Indicator",
    "InstrumentResult",
    "Interest",
    "KnobNumber",
    "KnobSetting",
    "KnobStatus",
    "Lesson",
    "LogChange",
    "LogEntity",
    "LogEntry",
    "LogKey",
    "LogValue",
    "LongText",
    "Measured",
    "Measurement",
    "MeasurementSource",
    "Meeting",
    "Money",
    "Name",
    "Opening",
    "Party",
    "Perspective",
    "PerspectiveOrigin",
    "Phase",
    "ProjectDocument",
    "Proxy",
    "RequestState",
    "ResidentInput",
    "ScaleUp",
    "ScaleUpVerdict",
    "Scenario",
    "ShortText",
    "Timestamp",
    "Weight",
    "Year",
    "Years",
]
