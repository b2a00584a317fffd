"""The demo's organisations have positions, and a demo project departs from one of them."""

from __future__ import annotations

from stuurknop.web.accounts.models import Organisation
from stuurknop.web.demo.loader import load_demo
from stuurknop.web.projects.models import Project
from stuurknop.web.strategy.models import StrategyChange
from stuurknop.web.strategy.selectors import positions_of, project_departures


def test_the_demo_partners_have_positions_and_a_project_departs_from_them(db: None) -> None:
    load_demo()
    corporation = Organisation.objects.get(slug="demo-woningcorporatie")
    for slug in ("demo-woningcorporatie", "demo-zorgorganisatie", "demo-gemeente"):
        positions, version = positions_of(Organisation.objects.get(slug=slug))
        assert version == 1 and positions.knobs
    found = [
        d
        for project in Project.objects.filter(parties__organisation=corporation).distinct()
        for d in project_departures(project, project.scenarios.get(chosen=True))
    ]
    assert any(d.source == "IV" and d.organisation == corporation.name for d in found)


def test_loading_the_demo_again_keeps_the_positions_as_they_are(db: None) -> None:
    load_demo()
    changes = StrategyChange.objects.count()
    load_demo()
    assert StrategyChange.objects.count() == changes
