"""Real server processes for live sessions: Daphne on loopback, sharing one database.

pytest-django's ``live_server`` speaks WSGI only (no WebSockets) and its database lives in the
test process. Here every server is a Daphne process of its own (``stuurknop.web.asgi``), so the
WebSockets are real and several processes can serve one session through the Redis channel
layer. They share one database made for the run: a temporary SQLite file, or, when the test
environment has ``DATABASE_URL=postgres://…``, a fresh database on that server (dropped at the
end). The database is migrated and filled by this module run as a script in a subprocess with
the servers' environment (a beheerder "anna" with a signed-in session, the example project
Thuisflat Parkzicht), so nothing here needs Django in the calling process: the two-process
test, the browser test and ``benchmarks/bench_live.py`` all use it.

As a script: ``python servers.py setup`` (prints the world as JSON) and
``python servers.py perspectives <project id>`` (prints the project's stored perspectives).
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[3]
DAPHNE = Path(sys.executable).with_name("daphne")
EXAMPLE = ROOT / "stuurknop" / "examples" / "thuisflat.json"
REDIS_URL = os.environ.get("STUURKNOP_TEST_REDIS", "redis://127.0.0.1:6379/15")
USERNAME = "anna"
PASSWORD = "correct horse battery"
APPLICATION = "stuurknop.web.asgi:application"
START_SECONDS = 60
WAIT_SECONDS = 10.0  # the longest a socket test waits for a message before it fails

# Variables of the calling process that must not leak into the servers' settings.
_NOT_INHERITED = {
    "STUURKNOP_DEV",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "CHANNELS_REDIS_URL",
    "CACHE_KEY_PREFIX",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests for their own process only
}


# --- Services the servers need --------------------------------------------------------------


def redis_problem(url: str = REDIS_URL) -> str | None:
    """None when Redis answers at ``url``, else why it does not."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        return str(exc)
    return None


def require_redis(url: str = REDIS_URL) -> None:
    """Skip the test without Redis, with the reason; in CI (``CI=true``) fail instead."""
    import pytest

    reason = redis_problem(url)
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"Redis is not reachable at {url} ({reason}): a failure in CI.", pytrace=False)
    pytest.skip(f"no Redis at {url}: {reason}")


def forget_redis_prefix(prefix: str, url: str = REDIS_URL) -> None:
    """Delete what a run left in Redis under its own prefix (groups expire only after a day)."""
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=2)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


@contextmanager
def shared_database(tmp: Path, base_url: str | None = None) -> Iterator[str]:
    """The URL of an empty database for one run's servers.

    SQLite: a file in ``tmp``. With ``base_url`` a ``postgres://`` URL (the test environment's
    ``DATABASE_URL``): a new database ``<name>_procs_<random>`` on that server, dropped after.
    """
    if not base_url or not base_url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp / 'live.sqlite3'}"
        return
    import psycopg
    from psycopg import sql

    parts = urlsplit(base_url)
    base_name = parts.path.lstrip("/") or "stuurknop"
    name = f"{base_name}_procs_{secrets.token_hex(4)}"
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def server_env(
    tmp: Path,
    database_url: str,
    *,
    redis_url: str | None = None,
    prefix: str | None = None,
    production: bool = False,
) -> dict[str, str]:
    """The environment of the setup script and of every server of one run.

    A developer's set-up (``STUURKNOP_DEV=1``: plain-HTTP cookies on loopback, static files
    from the apps) unless ``production``: then DEBUG is off and only the HTTPS redirect is off,
    for loopback. With ``redis_url`` the cache and the channel layer are Redis, under
    ``prefix`` (unique per run, so that parallel runs never hear each other).
    """
    env = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}
    env |= {
        "DJANGO_SETTINGS_MODULE": "stuurknop.web.settings",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "STUURKNOP_VAR_DIR": str(tmp),
        "STATIC_ROOT": str(tmp / "static"),
        "DATABASE_URL": database_url,
        "CACHE_KEY_PREFIX": prefix or f"live-test-{uuid.uuid4().hex[:12]}",
        "LOG_LEVEL": "WARNING",
    }
    if production:
        env |= {
            "STUURKNOP_DEV": "0",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
        }
    else:
        env["STUURKNOP_DEV"] = "1"
    if redis_url:
        env["REDIS_URL"] = redis_url
        env["CHANNELS_REDIS_URL"] = redis_url
    return env


# --- The world: a beheerder, a project, maybe an open session -------------------------------


@dataclass(frozen=True)
class World:
    """What the setup script made, as the clients need it."""

    env: dict[str, str]
    project_id: int
    parties: list[str]  # keys of the parties at the table
    session_cookie: dict[str, str]  # {"sessionid": …}: anna, signed in
    session_id: int | None = None
    code: str | None = None


def _script(env: dict[str, str], *args: str) -> Any:
    """Run this module as a script with ``env``; its last line of output, as JSON."""
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"servers.py {' '.join(args)} failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def make_world(
    env: dict[str, str], *, session_name: str | None = None, static: bool = False
) -> World:
    """Migrate the run's database and fill it (see :func:`_setup`)."""
    args = ["setup"]
    if session_name:
        args += ["--session", session_name]
    if static:
        args.append("--static")
    data = _script(env, *args)
    return World(env=env, **data)


def stored_perspectives(env: dict[str, str], project_id: int) -> list[dict[str, Any]]:
    """The perspectives the project holds now, as JSON data."""
    perspectives: list[dict[str, Any]] = _script(env, "perspectives", str(project_id))
    return perspectives


def _setup(argv: list[str]) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from stuurknop.web.accounts.services import membership_add, organisation_create
    from stuurknop.web.live.services import session_start
    from stuurknop.web.projects.services import project_import_json

    call_command("migrate", verbosity=0, interactive=False)
    if "--static" in argv:
        call_command("collectstatic", interactive=False, verbosity=0)
    organisation = organisation_create(
        name="Woonbedrijf Voorbeeldhaven", party_type="woningcorporatie"
    )
    anna = User.objects.create_user(username=USERNAME, password=PASSWORD, first_name="Anna")
    membership_add(user=anna, organisation=organisation)
    project = project_import_json(raw=EXAMPLE.read_bytes(), by=anna, organisation=organisation)
    world: dict[str, Any] = {
        "project_id": project.pk,
        "parties": list(
            project.parties.filter(at_table=True)
            .order_by("position", "id")
            .values_list("key", flat=True)
        ),
    }
    if "--session" in argv:
        name = argv[argv.index("--session") + 1]
        session = session_start(project=project, by=anna, name=name)
        world |= {"session_id": session.pk, "code": session.code}
    store = SessionStore()
    store[SESSION_KEY] = anna._meta.pk.value_to_string(anna)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = anna.get_session_auth_hash()
    store.create()
    world["session_cookie"] = {settings.SESSION_COOKIE_NAME: store.session_key}
    print(json.dumps(world))


def _perspectives(argv: list[str]) -> None:
    import django

    django.setup()
    from stuurknop.web.projects.models import Project

    print(json.dumps(Project.objects.get(pk=int(argv[0])).perspectives))


# --- Daphne processes ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Daphne:
    """One Daphne process on a free loopback port; its output goes to files in ``tmp``."""

    name: str
    env: dict[str, str]
    tmp: Path
    application: str = APPLICATION
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.tmp / f"daphne-{self.name}.log"

    def start(self) -> None:
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [
                str(DAPHNE),
                "-b",
                "127.0.0.1",
                "-p",
                str(self.port),
                "--access-log",
                os.devnull,
                self.application,
            ],
            env=self.env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()

    def wait_ready(self, seconds: float = START_SECONDS) -> None:
        """Return once the server answers a page; fail with its output if it stopped."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                raise RuntimeError(f"Daphne {self.name} stopped at start-up:\n{self.output()}")
            try:
                status = Http(self.url).get("/live/").status
            except OSError:
                time.sleep(0.2)
                continue
            if status == 200:
                return
            raise RuntimeError(f"Daphne {self.name} answered {status}:\n{self.output()}")
        raise RuntimeError(f"Daphne {self.name} did not answer in {seconds} s:\n{self.output()}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)

    def output(self) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no output)"
        return text[-6000:] or "(no output)"


@contextmanager
def daphnes(
    env: dict[str, str], tmp: Path, count: int = 1, application: str = APPLICATION
) -> Iterator[list[Daphne]]:
    """``count`` Daphne processes with ``env``, answering; stopped at the end."""
    servers = [
        Daphne(name=chr(ord("A") + i), env=env, tmp=tmp, application=application)
        for i in range(count)
    ]
    try:
        for server in servers:
            server.start()
        for server in servers:
            server.wait_ready()
        yield servers
    finally:
        for server in servers:
            server.stop()


@contextmanager
def logs_on_failure(*servers: Daphne) -> Iterator[None]:
    """A failure inside shows every server's output beside its own message."""
    try:
        yield
    except BaseException as exc:
        for server in servers:
            exc.add_note(
                f"--- output of Daphne {server.name} ({server.url}) ---\n{server.output()}"
            )
        raise


# --- Clients -----------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class Http:
    """A tiny HTTP client with a cookie jar, as a browser on loopback would send them (the
    cookies may be marked Secure under production settings; loopback hands them over)."""

    base: str
    cookies: dict[str, str] = field(default_factory=dict)

    def request(
        self,
        method: str,
        path: str,
        *,
        form: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        parts = urlsplit(self.base)
        conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
        sent = {"Host": parts.netloc, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = self.base
            if "csrftoken" in self.cookies:
                sent["X-CSRFToken"] = self.cookies["csrftoken"]
        try:
            conn.request(method, path, body=body, headers=sent)
            answer = conn.getresponse()
            data = answer.read()
        finally:
            conn.close()
        for header in answer.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return Response(answer.status, {k.lower(): v for k, v in answer.getheaders()}, data)

    def get(self, path: str, **headers: str) -> Response:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, form: dict[str, str], **headers: str) -> Response:
        """A form POST with the CSRF token (fetched with a GET of ``path`` when missing)."""
        if "csrftoken" not in self.cookies:
            self.get(path)
        return self.request("POST", path, form=form, headers=headers)


def start_session(server: Daphne, world: World, name: str) -> tuple[int, str]:
    """Start a session as anna through ``server``'s page; its id and join code."""
    anna = Http(server.url, dict(world.session_cookie))
    anna.get(f"/projecten/{world.project_id}/live/")
    answer = anna.post(f"/projecten/{world.project_id}/live/starten/", {"name": name})
    match = re.search(r"/live/(\d+)/$", answer.headers.get("location", ""))
    if answer.status != 302 or match is None:
        raise AssertionError(f"starting a session answered {answer.status}: {answer.text[:500]}")
    session_id = int(match.group(1))
    state = anna.get(f"/projecten/{world.project_id}/live/{session_id}/toestand/").json()
    return session_id, str(state["session"]["code"])


def control(server: Daphne, world: World, session_id: int, action: str, **extra: str) -> None:
    """The facilitator's button (``next``, ``reveal`` …) pressed on ``server``."""
    anna = Http(server.url, dict(world.session_cookie))
    path = f"/projecten/{world.project_id}/live/{session_id}/"
    anna.get(path)
    answer = anna.post(path + "actie/", {"action": action, **extra})
    if answer.status != 302:
        raise AssertionError(f"action {action} answered {answer.status}: {answer.text[:500]}")


def join(server: Daphne, code: str, name: str, party: str) -> dict[str, Any]:
    """Join session ``code`` through ``server`` as a script does: the answer with the token."""
    person = Http(server.url)
    answer = person.post(
        f"/live/{code}/", {"name": name, "party": party}, Accept="application/json"
    )
    if answer.status != 200:
        raise AssertionError(f"joining answered {answer.status}: {answer.text[:500]}")
    joined: dict[str, Any] = answer.json()
    return joined


class Socket:
    """A WebSocket client (the ``websockets`` library) that keeps what it received."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.seen: list[dict[str, Any]] = []

    @classmethod
    async def open(cls, server: Daphne, path: str, cookies: dict[str, str] | None = None) -> Socket:
        from websockets.asyncio.client import connect

        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in (cookies or {}).items())}
        connection = await connect(
            server.ws_url + path,
            origin=server.url,  # type: ignore[arg-type]
            additional_headers=headers if cookies else None,
            open_timeout=WAIT_SECONDS,
        )
        return cls(connection)

    async def send(self, message: dict[str, Any]) -> None:
        await self.connection.send(json.dumps(message))

    async def next(self, timeout: float = WAIT_SECONDS) -> dict[str, Any]:
        message: dict[str, Any] = json.loads(
            await asyncio.wait_for(self.connection.recv(), timeout)
        )
        self.seen.append(message)
        return message

    async def until(
        self, wanted: Callable[[dict[str, Any]], bool], what: str, timeout: float = WAIT_SECONDS
    ) -> dict[str, Any]:
        """The first message (from now) for which ``wanted`` holds; fails after ``timeout``."""
        deadline = time.monotonic() + timeout
        start = len(self.seen)
        while True:
            left = deadline - time.monotonic()
            try:
                if left <= 0:
                    raise TimeoutError
                message = await self.next(left)
            except TimeoutError:
                got = [_brief(m) for m in self.seen[start:]]
                raise AssertionError(f"no message {what} within {timeout} s; got {got}") from None
            if wanted(message):
                return message

    async def close(self) -> None:
        await self.connection.close()


def _brief(message: dict[str, Any]) -> dict[str, Any]:
    """A message without its HTML, for an error message."""
    return {k: v for k, v in message.items() if k != "html"}


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    {"setup": _setup, "perspectives": _perspectives}[command](rest)
