"""The Kengetallen page of the effects: every member sees the model's proxies with their price,
price year, source (a link) and place in it, the project's own proxies with their source, and
the discount rates; the effects page and the effect form link to it; an estimate priced with a
proxy shows the proxy in words, never its id."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.numbers import euro
from stuurknop.presentation.proxies import model_library, proxy_phrase
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.services.effects import effect_save, effect_settings_save
from tests.web.test_effects import DATA

if TYPE_CHECKING:
    from tests.web.conftest import People

OWN = {"id": "uur-hulp", "name": "Uur huishoudelijke hulp", "unit": "per uur",
       "amount": "32.50", "price_year": 2025, "source": "Tarief uit de eigen Wmo-inkoop 2025",
       "url": "https://example.org/inkoop"}  # fmt: skip


def _page(user, project: Project, route: str = "effect_proxies") -> str:
    client = Client()
    client.force_login(user)
    scenario = project.scenarios.get()
    response = client.get(reverse(route, args=[project.pk, scenario.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_reader_sees_every_proxy_with_its_price_source_and_link(
    project: Project, people: People
) -> None:
    effect_settings_save(project=project, by=people.anna, expected_version=project.version,
                         data={"discount_rate": "3.00", "proxies": [OWN]})  # fmt: skip
    library = model_library(load_model().version)
    assert library is not None
    page = _page(people.carla, project).replace("&nbsp;", " ")
    for proxy in library.proxies:
        assert escape(proxy.name) in page
        assert euro(proxy.amount, cents=True) in page
    for citation in library.citations:
        assert f'href="{citation.url}"' in page
    assert OWN["name"] in page and OWN["source"] in page and f'href="{OWN["url"]}"' in page
    assert "3,00%" in page and "2,25%" in page and "−1,00%" in page
    assert "Eigen kengetal toevoegen" not in page  # a reader cannot add


def test_the_effects_page_and_the_form_link_to_it_and_say_the_proxy_in_words(
    project: Project, people: People
) -> None:
    scenario = project.scenarios.get()
    effect_save(scenario=scenario, by=people.bram, expected_version=scenario.version,
                effect_id=None, data={**DATA, "proxy": "verpleging_thuis_uur",
                                      "expected": "40", "high": "60"})  # fmt: skip
    target = reverse("effect_proxies", args=[project.pk, scenario.pk])
    page = _page(people.bram, project, "effects_page")
    assert f'href="{target}"' in page
    form = _page(people.bram, project, "effect_add")
    assert f'href="{target}"' in form
    library = model_library(load_model().version)
    phrase = proxy_phrase("verpleging_thuis_uur", library, project_settings(project))
    assert escape(phrase) in page.replace("&nbsp;", " ")
    # the form's choice says the proxy the same way
    assert f'<option value="verpleging_thuis_uur">{escape(phrase)}</option>' in form
    assert "× kengetal" not in page


def project_settings(project: Project):
    from stuurknop.web.projects.selectors import project_document

    project.refresh_from_db()
    return project_document(project).effect_settings
