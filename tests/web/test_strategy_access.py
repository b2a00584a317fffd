"""Who opens an organisation's strategy pages, beside the access table (which has no staff):
its members and staff get in, anyone else signed in gets 404, anonymous people sign in first;
the comparison only with an organisation at a shared table, whoever asks."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stuurknop.web.projects.models import Project
from tests.web.conftest import People
from tests.web.two_factor_steps import second_step_passed

PAGES = ["strategy_page", "strategy_edit", "strategy_history", "strategy_export"]


def _get(user: User | None, name: str, *args: Any) -> int:
    client = Client()
    if user is not None and user.is_staff:
        second_step_passed(client, user)  # staff sign in with a second step
    elif user is not None:
        client.force_login(user)
    return client.get(reverse(name, args=args)).status_code


@pytest.mark.parametrize("name", PAGES)
def test_members_and_staff_get_in_others_get_404_and_anonymous_signs_in(
    people: People, name: str
) -> None:
    staff = User.objects.create_user(username="sam", is_staff=True)
    slug = people.woco.slug
    assert _get(people.anna, name, slug) == 200
    assert _get(staff, name, slug) == 200
    assert _get(people.olaf, name, slug) == 404
    assert _get(people.bram, name, slug) == 404  # a partner's people see their own only
    assert _get(None, name, slug) == 302


def test_compare_is_404_for_an_organisation_not_at_a_shared_table_even_for_staff(
    people: People, project: Project
) -> None:
    staff = User.objects.create_user(username="sam", is_staff=True)
    project.parties.filter(key="woco").update(organisation=people.woco)
    project.parties.filter(key="zorg").update(organisation=people.zorg)
    shared = (people.woco.slug, people.zorg.slug)
    apart = (people.woco.slug, people.elders.slug)
    assert _get(people.anna, "strategy_compare", *shared) == 200
    assert _get(staff, "strategy_compare", *shared) == 200
    assert _get(people.anna, "strategy_compare", *apart) == 404
    assert _get(staff, "strategy_compare", *apart) == 404
    assert _get(people.olaf, "strategy_compare", *shared) == 404
