"""The API's rate setting: a sound value is taken as it is, anything else stops the start."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from stuurknop.web.api.config import api_rate


@pytest.mark.parametrize("value", ["600/minute", "5/second", "10000/day"])
def test_a_rate_per_period_is_taken(value: str) -> None:
    assert api_rate(value) == value


@pytest.mark.parametrize("value", ["", "600", "600/min", "many/minute", "-1/hour"])
def test_anything_else_stops_the_start(value: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="STUURKNOP_API_RATE"):
        api_rate(value)
