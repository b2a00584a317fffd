"""Single sign-on against a real OpenID Connect provider (node-oidc-provider, started here):
the authorisation-code flow with PKCE signs a user in, matched on ``sub``, with organisation and
staff status from the claims; a token made for another application is refused."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import pytest
import requests
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import SuspiciousOperation
from django.test import Client
from django.urls import reverse

if not settings.SINGLE_SIGN_ON:
    pytest.skip(
        "single sign-on needs PostgreSQL (mozilla-django-oidc-db's array fields); "
        "the PostgreSQL pass of make test runs it",
        allow_module_level=True,
    )

from stuurknop.web.accounts.models import ExternalIdentity
from stuurknop.web.accounts.oidc_backend import StuurknopOIDCBackend
from stuurknop.web.accounts.services import organisation_create

from .oidc_provider import CALLBACK, CLIENT_ID, CLIENT_SECRET, client_metadata, configure
from .oidc_provider import running_provider as start_provider

if TYPE_CHECKING:
    from mozilla_django_oidc_db.models import OIDCClient

pytestmark = pytest.mark.postgres

OTHER_ID, OTHER_SECRET = "andere-app", "geheim-van-de-andere-app"
OTHER_CALLBACK = "http://andere-app.example/terug"


@pytest.fixture(scope="module")
def issuer() -> Iterator[str]:
    clients = [
        client_metadata(CLIENT_ID, CLIENT_SECRET, f"http://testserver{CALLBACK}"),
        client_metadata(OTHER_ID, OTHER_SECRET, OTHER_CALLBACK),
    ]
    with start_provider(clients) as url:
        yield url


@pytest.fixture
def configured(issuer: str, db: None) -> OIDCClient:
    return configure(issuer)


def sign_in_at_provider(auth_url: str, login: str, stop_at: str) -> str:
    """Follow the provider's pages as a browser would; the URL it sends us back to."""
    session = requests.Session()
    page = session.get(auth_url, timeout=10)
    action = re.search(r'<form[^>]*action="([^"]+)"', page.text)
    assert action, f"no sign-in form at {page.url}"
    response = session.post(
        urljoin(page.url, action.group(1)),
        data={"prompt": "login", "login": login, "password": "wat dan ook"},
        allow_redirects=False,
        timeout=10,
    )
    for _ in range(10):
        location = urljoin(response.url, response.headers["Location"])
        if location.startswith(stop_at):
            return location
        response = session.get(location, allow_redirects=False, timeout=10)
    raise AssertionError("the provider never sent the browser back")


def sign_in_through_stuurknop(client: Client, login: str = "pieter-1") -> str:
    start = client.get(reverse("oidc_authentication_init") + "?next=/projecten/archief/")
    assert start.status_code == 302
    back = sign_in_at_provider(start["Location"], login, "http://testserver/")
    parts = urlsplit(back)
    response = client.get(f"{parts.path}?{parts.query}")
    return str(response["Location"])


def test_the_login_page_offers_the_organisation_only_when_it_is_configured(
    configured: OIDCClient,
) -> None:
    link = "Inloggen met je organisatie"
    assert link in Client().get(reverse("login")).content.decode()
    configured.enabled = False
    configured.save()
    assert link not in Client().get(reverse("login")).content.decode()
    response = Client().get(reverse("oidc_authentication_init"), follow=True)
    assert "staat op deze installatie niet aan" in response.content.decode()


def test_the_flow_with_pkce_signs_in_a_new_user_with_organisation_and_staff_from_claims(
    configured: OIDCClient,
) -> None:
    anker = organisation_create(name="Het Anker", party_type="woningcorporatie", slug="het-anker")
    client = Client()
    start = client.get(reverse("oidc_authentication_init"))
    query = parse_qs(urlsplit(start["Location"]).query)
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) >= 43

    assert sign_in_through_stuurknop(client) == "/projecten/archief/"

    user = User.objects.get(external_identities__subject="pieter-1")
    assert (user.username, user.email, user.get_full_name()) == (
        "pieter",
        "pieter@anker.example",
        "Pieter de Vries",
    )
    assert user.is_staff and not user.has_usable_password()
    assert list(user.memberships.values_list("organisation", flat=True)) == [anker.pk]
    assert client.session["_auth_user_id"] == str(user.pk)
    # Staff by the roles claim: next comes the second step (pairing an app), as for all staff.
    assert client.get(reverse("project_list"))["Location"].startswith(reverse("two_factor_setup"))


def test_a_second_sign_in_finds_the_user_by_sub_even_after_a_rename(
    configured: OIDCClient,
) -> None:
    sign_in_through_stuurknop(Client())
    User.objects.filter(username="pieter").update(username="p.devries", email="oud@example.nl")
    sign_in_through_stuurknop(Client())
    assert User.objects.count() == 1
    assert User.objects.get().email == "pieter@anker.example"


def test_a_local_account_with_the_same_name_is_never_taken_over(configured: OIDCClient) -> None:
    local = User.objects.create_user("pieter", password="lokaal wachtwoord 123")
    sign_in_through_stuurknop(Client())
    sso = ExternalIdentity.objects.get(subject="pieter-1").user
    assert sso != local and sso.username == "pieter-2"


def test_a_callback_without_a_known_state_goes_to_the_dutch_failure_page(
    configured: OIDCClient,
) -> None:
    response = Client().get(reverse("oidc_authentication_callback") + "?code=x&state=y")
    assert response.status_code == 302
    page = Client().get(response["Location"])
    assert "Inloggen met je organisatie is niet gelukt" in page.content.decode()
    assert not User.objects.exists()


def _foreign_id_token(issuer: str) -> tuple[str, str]:
    """An ID token the provider really made, but for the other application."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
    nonce = secrets.token_urlsafe(16)
    query = {
        "client_id": OTHER_ID,
        "response_type": "code",
        "scope": "openid email",
        "redirect_uri": OTHER_CALLBACK,
        "state": "s",
        "nonce": nonce,
        "code_challenge": challenge.decode(),
        "code_challenge_method": "S256",
    }
    back = sign_in_at_provider(f"{issuer}/auth?{urlencode(query)}", "pieter-1", OTHER_CALLBACK)
    code = parse_qs(urlsplit(back).query)["code"][0]
    tokens = requests.post(
        f"{issuer}/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": OTHER_CALLBACK,
            "client_id": OTHER_ID,
            "client_secret": OTHER_SECRET,
            "code_verifier": verifier,
        },
        timeout=10,
    ).json()
    return tokens["id_token"], nonce


def test_an_id_token_made_for_another_application_is_refused(
    issuer: str, configured: OIDCClient
) -> None:
    token, nonce = _foreign_id_token(issuer)
    backend = StuurknopOIDCBackend()
    backend.config = configured
    with pytest.raises(SuspiciousOperation, match="audience"):
        backend.verify_token(token, nonce=nonce)
    # The same token is sound in every other respect: made for this client, it is taken.
    configured.oidc_rp_client_id = OTHER_ID
    configured.save()
    backend.config = configured
    assert backend.verify_token(token, nonce=nonce)["sub"] == "pieter-1"
