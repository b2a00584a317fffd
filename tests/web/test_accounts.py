"""Organisations: one party type each, from the model; people may work at several."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.core.exceptions import ValidationError

from stuurknop.web.accounts.models import Membership
from stuurknop.web.accounts.selectors import organisations_for_user
from stuurknop.web.accounts.services import membership_add, organisation_create
from stuurknop.web.accounts.validators import party_type_ids

if TYPE_CHECKING:
    from tests.web.conftest import People


def test_party_types_come_from_the_model(db: None) -> None:
    assert {"woningcorporatie", "gemeente", "bewoners", "fonds"} <= party_type_ids()


def test_an_organisation_of_an_unknown_party_type_is_refused(db: None) -> None:
    with pytest.raises(ValidationError) as invalid:
        organisation_create(name="Bank", party_type="bank")
    assert "party_type" in invalid.value.message_dict


def test_organisations_get_a_unique_slug(db: None) -> None:
    first = organisation_create(name="Gemeente Zwolle", party_type="gemeente")
    second = organisation_create(name="Gemeente Zwolle", party_type="gemeente")
    assert (first.slug, second.slug) == ("gemeente-zwolle", "gemeente-zwolle-2")


def test_a_person_may_work_at_more_than_one_organisation(people: People) -> None:
    membership_add(user=people.anna, organisation=people.zorg)
    membership_add(user=people.anna, organisation=people.zorg)  # twice is once
    assert Membership.objects.filter(user=people.anna).count() == 2
    assert set(organisations_for_user(people.anna)) == {people.woco, people.zorg}
