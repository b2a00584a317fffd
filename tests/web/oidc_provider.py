"""A real OpenID Connect provider for the tests (tests/oidc/provider.mjs on Node.js), and the
admin configuration that points Stuurknop at it.

``make install`` runs ``npm ci`` in tests/oidc; without Node.js or that install the single
sign-on tests are skipped on a developer's machine and fail in CI (``CI=true``).
"""

from __future__ import annotations

import json
import os
import select
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import requests

if TYPE_CHECKING:
    from mozilla_django_oidc_db.models import OIDCClient

OIDC_DIR = Path(__file__).resolve().parents[1] / "oidc"
CALLBACK = "/inloggen-organisatie/terug/"
CLIENT_ID, CLIENT_SECRET = "stuurknop", "geheim-van-de-test-client"
# The test user: sub "pieter-1" at the provider, of the organisation "het-anker", a staff role.
ACCOUNTS = {
    "pieter-1": {
        "email": "pieter@anker.example",
        "given_name": "Pieter",
        "family_name": "de Vries",
        "preferred_username": "pieter",
        "organisation": ["het-anker"],
        "roles": ["stuurknop-beheer"],
    }
}
OPTIONS = {
    "organisation_claim": ["organisation"],
    "roles_claim": ["roles"],
    "staff_roles": ["stuurknop-beheer"],
}


def _node() -> str:
    node = shutil.which("node")
    installed = (OIDC_DIR / "node_modules" / "oidc-provider" / "package.json").exists()
    if node and installed:
        return node
    reason = (
        "Node.js is missing" if not node else "tests/oidc is not installed (make install)"
    ) + "; the single sign-on tests need the OIDC provider"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: a failure in CI.", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def client_metadata(client_id: str, secret: str, *redirect_uris: str) -> dict[str, Any]:
    return {"client_id": client_id, "client_secret": secret, "redirect_uris": list(redirect_uris)}


@contextmanager
def running_provider(
    clients: list[dict[str, Any]], accounts: Mapping[str, Any] = ACCOUNTS
) -> Iterator[str]:
    """Start the provider with ``clients``; yields its issuer URL, stops it afterwards."""
    port = _free_port()
    env = {
        **os.environ,
        "OIDC_PORT": str(port),
        "OIDC_CLIENTS": json.dumps(clients),
        "OIDC_ACCOUNTS": json.dumps(accounts),
    }
    process = subprocess.Popen(
        [_node(), "provider.mjs"],
        cwd=OIDC_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 30
        line = ""
        while not line.startswith("ready") and time.monotonic() < deadline:
            if select.select([process.stdout], [], [], 0.5)[0]:
                line = process.stdout.readline()
                if not line and process.poll() is not None:
                    break
        if not line.startswith("ready"):
            raise RuntimeError(f"the OIDC provider did not start (exit {process.poll()})")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def configure(
    issuer: str, *, client_id: str = CLIENT_ID, secret: str = CLIENT_SECRET
) -> OIDCClient:
    """What an administrator fills in in the admin: the provider's endpoints and our client."""
    from mozilla_django_oidc_db.models import OIDCClient, OIDCProvider

    from stuurknop.web.accounts.oidc_callback import OIDC_IDENTIFIER

    discovery = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=5).json()
    provider, _ = OIDCProvider.objects.update_or_create(
        identifier="test-idp",
        defaults={
            "oidc_op_discovery_endpoint": f"{issuer}/",
            "oidc_op_authorization_endpoint": discovery["authorization_endpoint"],
            "oidc_op_token_endpoint": discovery["token_endpoint"],
            "oidc_op_user_endpoint": discovery["userinfo_endpoint"],
            "oidc_op_jwks_endpoint": discovery["jwks_uri"],
        },
    )
    client, _ = OIDCClient.objects.update_or_create(
        identifier=OIDC_IDENTIFIER,
        defaults={
            "enabled": True,
            "oidc_provider": provider,
            "oidc_rp_client_id": client_id,
            "oidc_rp_client_secret": secret,
            "oidc_rp_scopes_list": ["openid", "email", "profile", "stuurknop"],
            "oidc_rp_sign_algo": "RS256",
            "options": OPTIONS,
        },
    )
    return client
