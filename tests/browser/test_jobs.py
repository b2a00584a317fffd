"""A job's own page in Chromium: where the job is (a polite status, a progress bar with its
label), updated by htmx without a reload once a worker has made the file, then the download;
axe-core finds nothing and the page fits a 320 px phone in both states."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect

from stuurknop.reports import FORMATS
from stuurknop.web.jobs.services import start_document_job
from stuurknop.web.jobs.worker import run_queued_jobs
from stuurknop.web.projects.models import Project
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import page_width, sign_in
from tests.browser.routes import url_of
from tests.web.jobs.fakes import Calls, fake_format

if TYPE_CHECKING:
    from tests.web.conftest import People

pytestmark = pytest.mark.browser


def fits_a_phone(page: Page, what: str) -> None:
    page.set_viewport_size({"width": 320, "height": 800})
    wide = page_width(page)
    assert wide <= 320, f"{what} scrolls sideways on a phone ({wide} px)"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_jobs_page_shows_where_it_is_and_then_offers_the_file(
    page: Page,
    people: People,
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    screenshot: Callable[[str], Path],
) -> None:
    monkeypatch.setitem(FORMATS, "nep", fake_format("nep", Calls().render))
    scenario = project.scenarios.get()
    job = start_document_job(project=project, scenario=scenario, user=people.carla, fmt="nep")
    sign_in(page, "carla")
    page.goto(url_of("job_page", job_id=job.pk))

    expect(page.get_by_role("status")).to_contain_text("In de wachtrij")
    expect(page.get_by_label("Voortgang")).to_be_visible()
    assert_accessible(page, "job page, queued")
    fits_a_phone(page, "job page, queued")
    screenshot("taak-wachtrij")

    run_queued_jobs()  # a worker makes it; the page finds out by itself (htmx, every 2 s)
    download = page.get_by_role("link", name=re.compile(r"^Downloaden"))
    expect(download).to_be_visible(timeout=10_000)
    expect(page.get_by_role("status")).to_contain_text("Klaar")
    assert_accessible(page, "job page, ready")
    fits_a_phone(page, "job page, ready")

    with page.expect_download() as downloading:
        download.click()
    assert Path(downloading.value.path()).read_bytes() == b"De Linde / Basis / A3"
