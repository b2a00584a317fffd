"""Abuse limits of the public form: answers per address and per questionnaire, the body size,
the honeypot; counted under a daily pseudonym, never the address itself."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from stuurknop.web.residents import limits
from stuurknop.web.residents.models import Questionnaire, Response

from .conftest import Post, form_url


def test_five_answers_an_hour_from_one_address_then_a_clear_refusal(answer: Post) -> None:
    for _ in range(limits.PER_CLIENT):
        assert answer(zorgteam=2).status_code == 302
    refused = answer(zorgteam=2)
    assert refused.status_code == 429
    assert "Probeer het over een uur opnieuw" in refused.content.decode()
    assert Response.objects.count() == limits.PER_CLIENT


def test_another_address_is_counted_apart(answer: Post) -> None:
    for _ in range(limits.PER_CLIENT):
        answer(address="198.51.100.1", zorgteam=2)
    assert answer(address="198.51.100.1", zorgteam=2).status_code == 429
    assert answer(address="198.51.100.2", zorgteam=2).status_code == 302


def test_a_questionnaire_takes_at_most_its_cap_an_hour_from_all_addresses(
    answer: Post, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "PER_QUESTIONNAIRE", 3)
    codes = [answer(address=f"198.51.100.{i}", buurt=1).status_code for i in range(1, 6)]
    assert codes == [302, 302, 302, 429, 429]
    assert Response.objects.count() == 3


def test_a_form_with_errors_does_not_use_up_the_limit(answer: Post) -> None:
    for _ in range(limits.PER_CLIENT + 2):
        assert answer(zorgteam=9).status_code == 400
    assert answer(zorgteam=2).status_code == 302


def test_the_cache_holds_a_pseudonym_not_the_address(answer: Post) -> None:
    if not hasattr(cache, "_cache"):
        pytest.skip("looks into the local-memory cache, the tests' default")
    answer(address="203.0.113.9", zorgteam=1)
    keys = list(cache._cache.keys())
    assert keys, "the count is in the cache"
    assert not any("203.0.113.9" in key for key in keys)


def test_the_pseudonym_changes_every_day_and_with_the_address(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def key(address: str, day: dt.date) -> str:
        monkeypatch.setattr(limits.timezone, "localdate", lambda: day)
        return limits.client_key(RequestFactory().get("/", REMOTE_ADDR=address))

    monday, tuesday = dt.date(2025, 3, 3), dt.date(2025, 3, 4)
    assert key("192.0.2.1", monday) == key("192.0.2.1", monday)
    assert key("192.0.2.1", monday) != key("192.0.2.1", tuesday)
    assert key("192.0.2.1", monday) != key("192.0.2.2", monday)
    assert set(key("192.0.2.1", monday)) <= set("0123456789abcdef")  # a digest, no address
    before = key("192.0.2.1", monday)
    settings.SECRET_KEY = "a-different-secret-for-this-test-only-0123456789"
    assert key("192.0.2.1", monday) != before  # keyed with the site's secret


def test_behind_a_proxy_the_address_the_proxy_saw_is_counted(
    settings: Any, answer: Post, questionnaire: Questionnaire
) -> None:
    settings.BEHIND_PROXY = True
    client = Client()
    for i in range(limits.PER_CLIENT):
        response = client.post(
            form_url(questionnaire),
            {"score_zorgteam": "1"},
            REMOTE_ADDR="10.0.0.1",  # the proxy
            HTTP_X_FORWARDED_FOR=f"198.51.100.{i}",
        )
        assert response.status_code == 302
    assert Response.objects.count() == limits.PER_CLIENT


def test_an_oversized_body_is_refused_before_it_is_read(questionnaire: Questionnaire) -> None:
    body = "score_zorgteam=2&remark=" + "x" * (limits.MAX_BODY_BYTES + 1)
    response = Client().post(
        form_url(questionnaire), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    assert "te groot" in response.content.decode()
    assert not Response.objects.exists()


def test_a_full_remark_in_any_script_fits_under_the_size_limit(answer: Post) -> None:
    assert answer(zorgteam=2, remark="🏠" * 1000).status_code == 302
    assert Response.objects.get().remark == "🏠" * 1000


def test_a_filled_honeypot_is_thanked_but_nothing_is_stored(
    answer: Post, questionnaire: Questionnaire
) -> None:
    response = answer(zorgteam=3, website="http://spam.example")
    assert response.status_code == 302
    assert response["Location"].endswith("/bedankt/")
    assert not Response.objects.exists()
    assert answer(zorgteam=3).status_code == 302, "a bot's tries use up no one's limit"


# --- A body without Content-Length (Transfer-Encoding: chunked) -----------------------------

CSRF_SECRET = "a" * 32  # a fixed CSRF secret, sent as cookie and as form field


def post_chunked(questionnaire: Questionnaire, body: bytes, chunk: int = 1024) -> tuple[int, str]:
    """Post ``body`` to the form through Django's ASGI handler, as Daphne passes on a chunked
    request: in pieces, with no Content-Length; the CSRF check is the real one. Status, page."""
    from django.core.handlers.asgi import ASGIHandler

    from tests.web.live.loop import run_in_own_thread

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": form_url(questionnaire),
        "raw_path": form_url(questionnaire).encode(),
        "query_string": b"",
        "server": ("testserver", 80),
        "client": ("192.0.2.10", 50000),
        "headers": [
            (b"host", b"testserver"),
            (b"content-type", b"application/x-www-form-urlencoded"),
            (b"transfer-encoding", b"chunked"),
            (b"cookie", f"csrftoken={CSRF_SECRET}".encode()),
        ],
    }
    pieces = [body[i : i + chunk] for i in range(0, len(body), chunk)] or [b""]
    sent: list[dict[str, Any]] = []

    async def run() -> None:
        messages = iter(
            {"type": "http.request", "body": piece, "more_body": i < len(pieces) - 1}
            for i, piece in enumerate(pieces)
        )

        async def receive() -> dict[str, Any]:
            message = next(messages, None)
            if message is None:  # the client stays connected: Django listens for a disconnect
                await asyncio.Event().wait()
            return message

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        await ASGIHandler()(scope, receive, send)

    run_in_own_thread(run)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    page = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, page.decode()


def form_body(remark: str) -> bytes:
    return f"csrfmiddlewaretoken={CSRF_SECRET}&score_zorgteam=2&remark={remark}".encode()


def test_a_chunked_body_over_the_limit_is_refused_though_it_names_no_length(
    transactional_db: None, questionnaire: Questionnaire
) -> None:
    status, page = post_chunked(questionnaire, form_body("x" * limits.MAX_BODY_BYTES))
    assert status == 413
    assert "Wat u stuurde is te groot (meer dan 16 kB)" in page
    assert not Response.objects.exists()


def test_a_chunked_answer_under_the_limit_is_stored(
    transactional_db: None, questionnaire: Questionnaire
) -> None:
    status, _page = post_chunked(questionnaire, form_body("Fijne buurt"))
    assert status == 302
    assert Response.objects.get().remark == "Fijne buurt"


@pytest.mark.parametrize(
    ("size", "too_large"),
    [(limits.MAX_BODY_BYTES, False), (limits.MAX_BODY_BYTES + 1, True), (3 * 1024 * 1024, True)],
)
def test_the_size_limit_counts_the_bytes_when_no_length_is_given(
    size: int, too_large: bool
) -> None:
    from django.core.handlers.asgi import ASGIRequest

    scope = {"type": "http", "method": "POST", "path": "/", "headers": [], "query_string": b""}
    request = ASGIRequest(scope, io.BytesIO(b"x" * size))
    assert "CONTENT_LENGTH" not in request.META
    assert limits.body_too_large(request) is too_large


def test_under_wsgi_a_body_without_length_is_not_read_and_stores_nothing(
    questionnaire: Questionnaire,
) -> None:
    # Django's WSGI request reads no more than Content-Length says: none, here.
    body = "score_zorgteam=2&remark=" + "x" * (4 * limits.MAX_BODY_BYTES)
    response = Client().post(
        form_url(questionnaire),
        body,
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
    )
    assert response.status_code == 400
    assert not Response.objects.exists()
