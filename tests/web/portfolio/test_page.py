"""The portfolio page: who sees it, what it shows, its filters and sorting."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from tests.web.conftest import People
from tests.web.portfolio.conftest import Portfolio
from tests.web.two_factor_steps import second_step_passed

pytestmark = pytest.mark.django_db


def _get(user: User | None, slug: str, query: str = "") -> tuple[int, str]:
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(reverse("portfolio_page", args=[slug]) + query)
    return response.status_code, response.content.decode()


def test_a_member_sees_every_project_of_the_organisation_and_no_other(
    people: People, portfolio_world: Portfolio
) -> None:
    status, html = _get(people.anna, people.woco.slug)
    assert status == 200
    for name in ("De Linde", "De Eik", "De Beuk"):
        assert name in html
    assert "Geheim Hof" not in html
    assert "zit aan tafel in 3 projecten" in html


def test_the_cliffs_of_all_projects_are_said_in_one_sentence_per_year(
    people: People, portfolio_world: Portfolio
) -> None:
    # De Linde: € 20.000 a year from source III for 2025–2026; De Eik: € 10.000 from source I.
    _status, html = _get(people.anna, people.woco.slug)
    assert "In 2027 stopt € 30.000 tijdelijk geld in 2 projecten." in html


def test_an_outsider_gets_a_404_and_never_the_names(
    people: People, portfolio_world: Portfolio
) -> None:
    status, html = _get(people.bram, people.woco.slug)
    assert status == 404
    assert "De Linde" not in html


def test_staff_see_an_organisations_portfolio(people: People, portfolio_world: Portfolio) -> None:
    staff = User.objects.create_user(username="beheer", password="x", is_staff=True)
    client = second_step_passed(Client(), staff)  # staff sign in with a second step
    response = client.get(reverse("portfolio_page", args=[people.woco.slug]))
    assert response.status_code == 200 and "De Linde" in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(people: People) -> None:
    client = Client()
    response = client.get(reverse("portfolio_page", args=[people.woco.slug]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_municipality_sees_its_projects_with_a_corporation_and_never_one_it_is_not_in(
    people: People, portfolio_world: Portfolio
) -> None:
    # Elders is at the table of De Linde and De Eik (with Het Anker) and of Geheim Hof; it is
    # not in De Beuk, which Het Anker has alone.
    query = f"?partner={people.woco.pk}"
    status, html = _get(people.olaf, people.elders.slug, query)
    assert status == 200
    assert "De Linde" in html and "De Eik" in html
    assert "Geheim Hof" not in html  # not with this partner
    assert "De Beuk" not in html  # never: Elders is not in it
    _status, everything = _get(people.olaf, people.elders.slug)
    assert "Geheim Hof" in everything and "De Beuk" not in everything


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("?fase=plan", {"De Beuk"}, {"De Linde", "De Eik"}),
        ("?gemeente=Anderstad", {"De Beuk"}, {"De Linde", "De Eik"}),
        ("?stuurknop=2", {"De Linde"}, {"De Eik", "De Beuk"}),
        ("?bron=I", {"De Eik"}, {"De Linde", "De Beuk"}),
    ],
)
def test_the_filters_narrow_the_grid(
    people: People, portfolio_world: Portfolio, query: str, shown: set[str], hidden: set[str]
) -> None:
    status, html = _get(people.anna, people.woco.slug, query)
    assert status == 200
    grid = html.split('id="projecten"', 1)[1].split("</section>", 1)[0]
    assert all(name in grid for name in shown)
    assert not any(name in grid for name in hidden)


def test_sorting_by_municipality_puts_anderstad_first(
    people: People, portfolio_world: Portfolio
) -> None:
    _status, html = _get(people.anna, people.woco.slug, "?sorteer=gemeente")
    assert html.index("De Beuk") < html.index("De Eik") < html.index("De Linde")


def test_a_bad_filter_shows_the_whole_portfolio_with_a_message(
    people: People, portfolio_world: Portfolio
) -> None:
    status, html = _get(people.anna, people.woco.slug, "?stuurknop=99")
    assert status == 200
    assert "Een filter is niet geldig" in html
    assert "De Beuk" in html and "De Linde" in html


def test_a_change_to_a_project_shows_on_the_next_read(
    people: People, portfolio_world: Portfolio
) -> None:
    from stuurknop.web.projects.services import project_archive

    _get(people.anna, people.woco.slug)
    project_archive(project=portfolio_world.beuk, by=people.anna)
    _status, html = _get(people.anna, people.woco.slug)
    assert "De Beuk" not in html
    assert "zit aan tafel in 2 projecten" in html


def test_the_project_list_links_to_the_portfolio_of_the_persons_organisation(
    people: People,
) -> None:
    client = Client()
    client.force_login(people.anna)
    html = client.get(reverse("project_list")).content.decode()
    assert reverse("portfolio_page", args=[people.woco.slug]) in html
    assert reverse("portfolio_page", args=[people.elders.slug]) not in html


def test_money_from_a_project_without_the_organisation_at_the_table_is_not_in_its_portfolio(
    people: People, portfolio_world: Portfolio, make_document: Any
) -> None:
    from stuurknop.web.projects.models import ProjectParty
    from stuurknop.web.projects.services import project_import

    _status, before = _get(people.anna, people.woco.slug)
    document = make_document(
        not_at_table=["woco"],
        costs=[{"amount": "999"}],
        funding=[{"party": "woco", "source": "II", "amount": "999", "status": "toegezegd"}],
        chosen=True,
    )
    project = project_import(document=document, by=people.anna)
    ProjectParty.objects.filter(project=project, key="woco").update(organisation=people.woco)
    _status, after = _get(people.anna, people.woco.slug)
    money = 'id="geld-per-jaar"'
    assert (
        before.split(money, 1)[1].split("</section>")[0]
        == after.split(money, 1)[1].split("</section>")[0]
    )
    assert "zit aan tafel in 3 projecten" in after


def test_the_form_keeps_the_chosen_filters(people: People, portfolio_world: Portfolio) -> None:
    _status, html = _get(people.anna, people.woco.slug, f"?fase=plan&partner={people.elders.pk}")
    assert '<option value="plan" selected>' in html
    assert f'<option value="{people.elders.pk}" selected>Gemeente Elders</option>' in html
    assert '<label for="id_fase">' in html and '<select name="fase" id="id_fase">' in html
