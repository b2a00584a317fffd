"""Pages under load (issue 3): the overview, a worksheet and the money page of a large project,
each against a bare Django view in the same run; target: median within 3× of the bare view.

Set-up: a temporary SQLite database (migrated, static files collected, one user, the large
project of ``large_project.py``: 8 parties, all ten knobs set, 50 cost items, 100 funding
lines); gunicorn on loopback with production settings (``STUURKNOP_DEV=0``, DEBUG off; only the
HTTPS redirect is off, for loopback); a session cookie from signing in through the login form;
then wrk with 20 connections for 10 seconds per page, after a warm-up (each worker caches the
analysis per project revision). Prints the median and p95 per page and each page's median
divided by the bare view's. Needs ``wrk`` (``make bench`` installs it with apt when missing).
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET_RATIO = 3.0
CONNECTIONS, THREADS, SECONDS, WARMUP_SECONDS = 20, 2, 10, 2
USERNAME, PASSWORD = "bench", "bench-wachtwoord-lang-genoeg"
# (label, route name): the pages measured, after the bare view.
PAGES = (
    ("overzicht", "scenario_overview"),
    ("werkblad stuurknop 4", "knob_page"),
    ("geld", "money_page"),
)


def server_env(tmp: Path) -> dict[str, str]:
    """Production settings on a temporary database, with the benchmark's URLs."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": os.pathsep.join([str(HERE), str(ROOT)]),
        "STUURKNOP_DEV": "0",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "STUURKNOP_VAR_DIR": str(tmp),
        "STATIC_ROOT": str(tmp / "static"),
        "LOG_LEVEL": "WARNING",
    }


def prepare() -> None:
    """In the server's environment: migrate, collect static files, create the user and the
    large project; print the paths to measure as JSON."""
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.urls import NoReverseMatch, reverse
    from large_project import large_project

    from stuurknop.projectfile import parse_document
    from stuurknop.web.accounts.services import membership_add, organisation_create
    from stuurknop.web.projects.services import project_import

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    organisation = organisation_create(name="Woonstichting Bench", party_type="woningcorporatie")
    user = User.objects.create_user(username=USERNAME, password=PASSWORD)
    membership_add(user=user, organisation=organisation)
    project = project_import(
        document=parse_document(large_project()), by=user, organisation=organisation
    )
    scenario = project.scenarios.get()
    args = {"project_id": project.pk, "scenario_id": scenario.pk, "knob": 4}
    paths: dict[str, str | None] = {"bare": reverse("bench_bare")}
    for _label, name in PAGES:
        try:
            wanted = reverse(name, kwargs={"project_id": project.pk, "scenario_id": scenario.pk})
        except NoReverseMatch:
            try:
                wanted = reverse(name, kwargs=args)
            except NoReverseMatch:
                wanted = None
        paths[name] = wanted
    print(json.dumps(paths))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def request(
    port: int, method: str, path: str, cookies: dict[str, str], body: dict[str, str] | None = None
) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
    data = None
    if body is not None:
        data = urlencode(body)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Origin"] = f"http://127.0.0.1:{port}"
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    response.read()
    conn.close()
    # The cookies are Secure (production settings); on loopback they are handed over by hand.
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        cookies[name.strip()] = rest.split(";", 1)[0]
    return response


def sign_in(port: int) -> dict[str, str]:
    """Sign in through the login form, as a browser would; returns the session cookies."""
    cookies: dict[str, str] = {}
    request(port, "GET", "/inloggen/", cookies)
    response = request(
        port,
        "POST",
        "/inloggen/",
        cookies,
        {"username": USERNAME, "password": PASSWORD, "csrfmiddlewaretoken": cookies["csrftoken"]},
    )
    if response.status != 302 or "sessionid" not in cookies:
        raise RuntimeError(f"signing in failed: {response.status}")
    return cookies


def wait_for(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped at start-up")
        try:
            request(port, "GET", "/inloggen/", {})
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 60 s")


def wrk(url: str, cookie: str, seconds: int) -> dict[str, Any]:
    out = subprocess.run(
        [
            "wrk",
            f"-t{THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--latency",
            "--timeout=10s",
            "-s",
            str(HERE / "latency.lua"),
            "-H",
            f"Cookie: {cookie}",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def measure(port: int, paths: dict[str, str | None]) -> dict[str, dict[str, Any]]:
    cookies = sign_in(port)
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    results = {}
    for name, path in paths.items():
        if path is None:
            continue
        status = request(port, "GET", path, dict(cookies)).status
        if status != 200:
            raise RuntimeError(f"{path} answered {status}, not 200")
        url = f"http://127.0.0.1:{port}{path}"
        wrk(url, cookie, WARMUP_SECONDS)
        result = wrk(url, cookie, SECONDS)
        if result["errors"]:
            raise RuntimeError(f"{path} under load: {result['failures']}")
        results[name] = result
    return results


def run_server(tmp: Path) -> dict[str, dict[str, Any]]:
    env = server_env(tmp)
    prepared = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "prepare"],
        env=env,
        cwd=HERE,
        check=True,
        capture_output=True,
        text=True,
    )
    paths = json.loads(prepared.stdout.strip().splitlines()[-1])
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [
            str(gunicorn),
            "stuurknop.web.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            "--workers=2",
            "--threads=4",
            "--log-level=warning",
        ],
        env=env,
        cwd=HERE,
    )
    try:
        wait_for(port, server)
        results = measure(port, paths)
    finally:
        server.terminate()
        server.wait(timeout=30)
    for name, path in paths.items():
        if path is None:
            results[name] = {"missing": True}
    return results


def main() -> dict[str, float]:
    print(
        f"pagina's onder belasting, groot project (gunicorn 2×4, wrk {CONNECTIONS} verbindingen,"
        f" {SECONDS} s per pagina)"
    )
    if shutil.which("wrk") is None:
        print("  overgeslagen: wrk ontbreekt (apt-get install wrk; `make bench` doet dat als root)")
        return {}
    with tempfile.TemporaryDirectory(prefix="stuurknop-bench-") as tmp:
        results = run_server(Path(tmp))
    bare = results["bare"]
    print(
        f"  {'kale Django-view':22} mediaan {bare['p50_ms']:7.2f} ms   p95 {bare['p95_ms']:7.2f} ms"
        f"   {bare['requests'] / bare['seconds']:7.0f} verzoeken/s"
    )
    figures = {"bare_median_ms": bare["p50_ms"]}
    worst = 0.0
    for label, name in PAGES:
        page = results[name]
        if page.get("missing"):
            print(f"  {label:22} overgeslagen: de pagina {name!r} bestaat nog niet")
            continue
        ratio = page["p50_ms"] / bare["p50_ms"]
        worst = max(worst, ratio)
        figures[f"{name}_median_ms"] = page["p50_ms"]
        figures[f"{name}_ratio"] = ratio
        print(
            f"  {label:22} mediaan {page['p50_ms']:7.2f} ms   p95 {page['p95_ms']:7.2f} ms"
            f"   {page['requests'] / page['seconds']:7.0f} verzoeken/s"
            f"   verhouding {ratio:5.2f}"
        )
    print(f"  grootste verhouding tot de kale view: {worst:.2f} (doel: hoogstens {TARGET_RATIO:g})")
    figures["ratio"] = worst
    return figures


if __name__ == "__main__":
    if sys.argv[1:] == ["prepare"]:
        prepare()
    else:
        main()
