"""Many editors saving the same worksheet at once, against a real server over HTTP.

The finding this reproduces: on SQLite, 24 signed-in editors saving the same knob and cost
items got "database is locked" errors (a 500) on 5–19 % of their saves. An in-process test
cannot show it (pytest-django's SQLite test database lives in memory, one connection), so
this module starts the real thing: gunicorn with several worker processes × threads (or one
Daphne process) on a database made for the run — a temporary SQLite file, or a fresh
PostgreSQL database when ``DATABASE_URL`` says so (:func:`servers.shared_database`).

The world (this module run as a script, ``python concurrent_editing.py setup <editors>``): the
example project Thuisflat Parkzicht, ``editors`` bewerkers with a signed-in session each, one
cost item per editor and one shared cost item, all on knob :data:`KNOB`.

Each round every editor loads the worksheet, then, all at once, saves the shared knob, the
shared cost item and its own cost item, each with a value no other save uses. A save is
*accepted* when it answers a redirect (302); a stale version answers 409 (fine: the editor
sees both versions); anything 5xx is the bug. Afterwards the stored state (``… state``) must
hold every accepted write: the last accepted value of each row, and one log entry per
accepted write. :func:`run` does all of that and returns the :class:`Outcome`; the test and
``benchmarks/bench_concurrency.py`` use it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    from .live import servers
except ImportError:  # run as a script: the repository is on PYTHONPATH (servers.server_env)
    from tests.web.live import servers

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
KNOB = 5  # Thuisflat has it on, with two cost items
EDITORS = 24
ROUNDS = 3
FIRST_YEAR = 2026


# --- The world (in a subprocess, with the servers' environment) -------------------------------


@dataclass(frozen=True)
class Editor:
    name: str
    cookies: dict[str, str]
    cost_item: int  # the id of its own cost item


@dataclass(frozen=True)
class World:
    env: dict[str, str]
    knob_page: str
    knob_save: str
    shared_cost_item: int
    cost_update: str  # with {id} for the cost item's id
    editors: list[Editor]


def _script(env: dict[str, str], *args: str) -> Any:
    """Run this module as a script with ``env``; its last line of output, as JSON."""
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{Path(__file__).name} {' '.join(args)}:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def make_world(env: dict[str, str], editors: int = EDITORS, *, static: bool = False) -> World:
    """Migrate the run's database and fill it (see :func:`_setup`)."""
    data = _script(env, "setup", str(editors), *(["--static"] if static else []))
    return World(
        env=env,
        knob_page=data["knob_page"],
        knob_save=data["knob_save"],
        shared_cost_item=data["shared_cost_item"],
        cost_update=data["cost_update"],
        editors=[Editor(**e) for e in data["editors"]],
    )


def _setup(argv: list[str]) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.urls import reverse

    from stuurknop.web.accounts.services import membership_add, organisation_create
    from stuurknop.web.projects.models import ProjectMember
    from stuurknop.web.projects.roles import Role
    from stuurknop.web.projects.services import cost_item_create, project_import_json

    call_command("migrate", verbosity=0, interactive=False)
    if "--static" in argv:
        call_command("collectstatic", interactive=False, verbosity=0)
    count = int(argv[0])
    organisation = organisation_create(
        name="Woonbedrijf Voorbeeldhaven", party_type="woningcorporatie"
    )

    def signed_in(user: User) -> dict[str, str]:
        store = SessionStore()
        store[SESSION_KEY] = user._meta.pk.value_to_string(user)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        return {settings.SESSION_COOKIE_NAME: str(store.session_key)}

    anna = User.objects.create_user(username="anna", first_name="Anna")
    membership_add(user=anna, organisation=organisation)
    project = project_import_json(
        raw=servers.EXAMPLE.read_bytes(), by=anna, organisation=organisation
    )
    scenario = project.scenarios.get(chosen=True)

    def own_cost_item(description: str) -> int:
        item = cost_item_create(
            scenario=scenario,
            by=anna,
            knob=KNOB,
            description=description,
            kind="eenmalig",
            amount="1000",
            first_year=FIRST_YEAR,
        )
        return int(item.pk)

    editors = []
    for i in range(1, count + 1):
        name = f"editor{i:02d}"
        user = User.objects.create_user(username=name, first_name=name)  # signed in below
        membership_add(user=user, organisation=organisation)
        ProjectMember.objects.create(project=project, user=user, role=Role.BEWERKER)
        editors.append({"name": name, "cookies": signed_in(user), "cost_item": own_cost_item(name)})
    args = [project.pk, scenario.pk, KNOB]
    print(
        json.dumps(
            {
                "knob_page": reverse("knob_page", args=args),
                "knob_save": reverse("knob_save", args=args),
                "shared_cost_item": own_cost_item("Gedeelde post"),
                "cost_update": reverse("cost_item_update", args=[*args, 0]).replace(
                    "/0/", "/{id}/"
                ),
                "editors": editors,
            }
        )
    )


def stored_state(env: dict[str, str]) -> dict[str, Any]:
    """What the database holds after the run (see :func:`_state`)."""
    state: dict[str, Any] = _script(env, "state")
    return state


def _state(argv: list[str]) -> None:
    import django

    django.setup()
    from stuurknop.web.projects.models import CostItem, KnobSetting, LogEntry

    setting = KnobSetting.objects.get(knob=KNOB, scenario__chosen=True)
    print(
        json.dumps(
            {
                "knob": {"version": setting.version, "elaboration": setting.elaboration},
                "cost_items": {
                    str(item.pk): {"version": item.version, "amount": str(item.amount)}
                    for item in CostItem.objects.all()
                },
                # The new values of every editor's change, in the order they were logged.
                "log": [
                    {c["field"]: c["new"] for c in changes if c.get("field")}
                    for changes in LogEntry.objects.filter(user__username__startswith="editor")
                    .order_by("id")
                    .values_list("changes", flat=True)
                ],
            }
        )
    )


# --- Servers -----------------------------------------------------------------------------------


@contextmanager
def gunicorn(env: dict[str, str], tmp: Path, workers: int = 4, threads: int = 4) -> Iterator[str]:
    """gunicorn (``workers`` processes × ``threads`` threads) on loopback; its base URL."""
    port = servers.free_port()
    log_path = tmp / "gunicorn.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                str(GUNICORN),
                "stuurknop.web.wsgi:application",
                f"--bind=127.0.0.1:{port}",
                f"--workers={workers}",
                f"--threads={threads}",
                "--log-level=warning",
            ],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(url, process, log_path)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def _wait_ready(url: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + servers.START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped at start-up:\n{log_path.read_text()[-4000:]}")
        try:
            servers.Http(url).get("/inloggen/")
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer in time:\n{log_path.read_text()[-4000:]}")


@contextmanager
def daphne(env: dict[str, str], tmp: Path) -> Iterator[str]:
    """One Daphne process (the ASGI server of ``make run``); its base URL."""
    with servers.daphnes(env, tmp) as [server]:
        yield server.url


# --- The editors -------------------------------------------------------------------------------


@dataclass
class Save:
    """One save as sent and answered."""

    editor: str
    row: str  # "knob" or a cost item's id
    version: int  # the version the editor saw
    value: str  # what it wrote: the knob's elaboration, the cost item's amount
    status: int = 0


@dataclass
class Tally:
    """Every answer's status, the saves, and what went wrong (5xx and others), briefly."""

    statuses: list[int] = field(default_factory=list)
    saves: list[Save] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answered(
        self, what: str, answer: servers.Response | None, save: Save | None = None
    ) -> None:
        with self.lock:
            self.statuses.append(answer.status if answer else 0)
            if save is not None and answer is not None:
                save.status = answer.status
                self.saves.append(save)
            if answer is None or answer.status not in (200, 302, 409):
                self.errors.append(f"{what}: {_brief(answer)}")


def _brief(answer: servers.Response | None) -> str:
    if answer is None:
        return "no answer"
    # Django's error page names the exception (DEBUG) or at least has a title.
    found = re.search(r'class="exception_value">(.*?)<', answer.text, re.DOTALL) or re.search(
        r"<title>(.*?)</title>", answer.text, re.DOTALL
    )
    return f"{answer.status} {found.group(1).strip() if found else answer.text[:200]}"


_KNOB_VERSION = re.compile(r'<input[^>]*name="version"[^>]*id="knop_version"[^>]*>')
_VALUE = re.compile(r'value="(\d+)"')
_COST_VERSION = re.compile(
    r'action="[^"]*/kostenposten/(\d+)/verwijderen/".*?name="version" value="(\d+)"', re.DOTALL
)


def versions(html: str) -> dict[str, int]:
    """The versions a worksheet page shows: ``knob`` and each cost item's id."""
    found = {pk: int(v) for pk, v in _COST_VERSION.findall(html)}
    knob = _KNOB_VERSION.search(html)
    value = _VALUE.search(knob.group(0)) if knob else None
    if value is None:
        raise AssertionError("the worksheet shows no knob form with a version")
    return {"knob": int(value.group(1)), **found}


def _request(
    http: servers.Http, tally: Tally, what: str, path: str, **kw: Any
) -> servers.Response | None:
    try:
        answer = http.post(path, kw["form"]) if "form" in kw else http.get(path)
    except OSError as exc:
        tally.answered(f"{what} ({exc})", None)
        return None
    tally.answered(what, answer, kw.get("save"))
    return answer


def _edit(
    url: str, world: World, editor: Editor, rounds: int, start: threading.Barrier, tally: Tally
) -> None:
    """One editor's rounds: load the worksheet, wait for the others, save three rows."""
    http = servers.Http(url, dict(editor.cookies))
    number = int(editor.name.removeprefix("editor"))
    for r in range(rounds):
        page = _request(http, tally, f"{editor.name} GET worksheet", world.knob_page)
        with suppress(threading.BrokenBarrierError):  # another editor failed: the tally tells
            start.wait(timeout=120)
        if page is None or page.status != 200:
            continue
        seen = versions(page.text)
        value = f"{editor.name} ronde {r}"
        save = Save(editor.name, "knob", seen["knob"], value)
        form = {"status": "aan", "opening": str(1 + (number + r) % 3), "elaboration": value}
        _request(
            http,
            tally,
            f"{editor.name} saves the knob",
            world.knob_save,
            form={**form, "version": str(save.version)},
            save=save,
        )
        for pk, amount in (
            (world.shared_cost_item, 100_000 + 100 * number + r),
            (editor.cost_item, 1000 + 100 * number + r),
        ):
            save = Save(editor.name, str(pk), seen[str(pk)], f"{amount}.00")
            form = {
                "description": "Gedeelde post" if pk == world.shared_cost_item else editor.name,
                "kind": "eenmalig",
                "amount": str(amount),
                "first_year": str(FIRST_YEAR),
                "years": "",
                "party": "",
                "version": str(save.version),
            }
            _request(
                http,
                tally,
                f"{editor.name} saves cost item {pk}",
                world.cost_update.format(id=pk),
                form=form,
                save=save,
            )


# --- The outcome -------------------------------------------------------------------------------


@dataclass
class Outcome:
    requests: int
    saves: int
    accepted: int
    conflicts: int
    server_errors: int  # 5xx answers
    errors: list[str]  # each answer that is neither a page, a redirect nor a conflict
    lost: list[str]  # accepted writes the database does not show
    seconds: float

    def line(self) -> str:
        return (
            f"{self.requests} verzoeken, {self.saves} opslagen: {self.accepted} aanvaard, "
            f"{self.conflicts} conflict (409), {self.server_errors} 5xx, "
            f"{len(self.lost)} verloren, {self.seconds:.1f} s"
        )


def lost_writes(saves: list[Save], state: dict[str, Any]) -> list[str]:
    """Accepted writes the stored state does not hold.

    Per row, accepted saves form one chain of versions (each started from the version the
    previous one produced: optimistic locking), so the one with the highest version is the
    last; the row must hold its value and the version after it, and the log must hold one
    entry per accepted save with its value.
    """
    lost = []
    logged: dict[str, int] = {}
    for new in state["log"]:
        for key in ("elaboration", "amount"):
            if key in new:
                logged[str(new[key])] = logged.get(str(new[key]), 0) + 1
    by_row: dict[str, list[Save]] = {}
    for save in saves:
        if save.status == 302:
            by_row.setdefault(save.row, []).append(save)
    for row, accepted in by_row.items():
        last = max(accepted, key=lambda s: s.version)
        stored = state["knob"] if row == "knob" else state["cost_items"][row]
        value = stored["elaboration"] if row == "knob" else stored["amount"]
        if value != last.value or stored["version"] != last.version + 1:
            lost.append(
                f"{row}: holds {value!r} v{stored['version']}, "
                f"the last accepted save wrote {last.value!r} on v{last.version}"
            )
        if len({s.version for s in accepted}) != len(accepted):
            lost.append(f"{row}: two accepted saves started from the same version")
        lost += [
            f"{row}: {s.editor}'s {s.value!r} is logged {logged.get(s.value, 0)} times"
            for s in accepted
            if logged.get(s.value, 0) != 1
        ]
    return lost


def run(
    env: dict[str, str],
    tmp: Path,
    *,
    server: str = "gunicorn",
    editors: int = EDITORS,
    rounds: int = ROUNDS,
    static: bool = False,
) -> Outcome:
    """Set up a world, start ``server`` ("gunicorn" 4×4 or "daphne"), let the editors save.

    ``static``: collect the static files first (production settings need them).
    """
    world = make_world(env, editors, static=static)
    tally = Tally()
    with gunicorn(env, tmp) if server == "gunicorn" else daphne(env, tmp) as url:
        start = threading.Barrier(len(world.editors))
        began = time.perf_counter()
        threads = [
            threading.Thread(target=_edit, args=(url, world, editor, rounds, start, tally))
            for editor in world.editors
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        seconds = time.perf_counter() - began
    saves = tally.saves
    return Outcome(
        requests=len(tally.statuses),
        saves=len(saves),
        accepted=sum(s.status == 302 for s in saves),
        conflicts=sum(s.status == 409 for s in saves),
        server_errors=sum(status >= 500 for status in tally.statuses),
        errors=tally.errors,
        lost=lost_writes(saves, stored_state(env)),
        seconds=seconds,
    )


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    {"setup": _setup, "state": _state}[command](rest)
