"""API clients for the named people of ``tests/web/conftest.py``: each with a personal token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from stuurknop.web.api.models import TokenScope
from stuurknop.web.api.tokens import token_create

ApiFor = Callable[..., APIClient]


def token_client(user: User, scope: str = TokenScope.WRITE) -> APIClient:
    _token, secret = token_create(user=user, name="test", scope=scope)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


@pytest.fixture
def api_for(db: None) -> ApiFor:
    """``api_for(user, scope="schrijven")``: a client that calls the API with a new token."""
    return token_client


def url(path: str, **kwargs: Any) -> str:
    from django.urls import reverse

    return reverse(f"api:{path}", kwargs=kwargs)
