"""The documents page and its downloads: every format listed, the file as a private attachment
made by a worker once per project revision (never in the request), 404 for an unknown format or
an outsider, and the same figures in the documents as on the money page."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from stuurknop.gespreksmodel import Model
from stuurknop.projectfile import ProjectDocument
from stuurknop.reports import FORMATS, DocumentError, Format, Options, Rendered
from stuurknop.web.jobs.models import Job
from stuurknop.web.jobs.worker import run_queued_jobs
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.services import cost_item_create, project_import
from tests.conftest import scenario_data

if TYPE_CHECKING:
    from tests.web.conftest import People


@dataclass(frozen=True)
class FakeFormat(Format):
    """A format whose renderer is a test's function instead of a module's."""

    function: Callable[..., Rendered] | None = None

    def load(self) -> Any:
        return self.function


@dataclass
class Calls:
    """A renderer that records what it was asked for and answers with plain text."""

    seen: list[tuple[str, Options]] = field(default_factory=list)

    def render(
        self, model: Model, document: ProjectDocument, scenario: Any, options: Options
    ) -> Rendered:
        self.seen.append((scenario.name, options))
        body = f"{document.project.name} / {scenario.name} / {options.paper}".encode()
        return Rendered(f"nep-{scenario.name.lower()}.txt", "text/plain; charset=utf-8", body)


def fake_format(key: str, function: Callable[..., Rendered]) -> FakeFormat:
    # A stand-in keeps the real format's choices (the poster's paper size), if there is one.
    real = FORMATS.get(key)
    return FakeFormat(
        key,
        f"Nep {key}",
        "Een nepdocument.",
        "txt",
        "text/plain",
        "",
        options=real.options if real else (),
        function=function,
    )


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """A format "nep" (and the poster) rendered by a recording fake, in the one table."""
    calls = Calls()
    for key in ("nep", "poster"):
        monkeypatch.setitem(FORMATS, key, fake_format(key, calls.render))
    return calls


def fetch(client: Client, url: str, data: dict[str, str] | None = None) -> HttpResponse:
    """A download as a browser gets it: asked (202, a job is queued), made by a worker, and
    asked again."""
    response = client.get(url, data or {})
    if response.status_code == 202:
        run_queued_jobs()
        response = client.get(url, data or {})
    return response  # type: ignore[no-any-return]


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def page_url(project: Project, scenario: Scenario | None = None) -> str:
    scenario = scenario or project.scenarios.get()
    return reverse("documents_page", args=[project.pk, scenario.pk])


def download_url(project: Project, fmt: str, scenario: Scenario | None = None) -> str:
    scenario = scenario or project.scenarios.get()
    return reverse("document_download", args=[project.pk, scenario.pk, fmt])


# --- The page ------------------------------------------------------------------------------


def test_the_page_lists_every_format_with_its_label_description_and_download(
    people: People, project: Project
) -> None:
    page = client_for(people.carla).get(page_url(project)).content.decode()
    for fmt in FORMATS.values():
        assert f">{fmt.label}</h2>" in page
        assert f"<p>{fmt.description}</p>" in page
        url = download_url(project, fmt.key)
        assert f'href="{url}"' in page or f'action="{url}"' in page, fmt.key


def test_the_poster_is_offered_on_a3_or_a1(people: People, project: Project) -> None:
    page = client_for(people.carla).get(page_url(project)).content.decode()
    assert f'action="{download_url(project, "poster")}"' in page
    assert '<label for="papier-poster">Papierformaat</label>' in page
    assert '<option value="A3" selected>A3</option><option value="A1">A1</option>' in page


def test_the_page_loads_its_script_and_styles_from_our_static_files(
    people: People, project: Project
) -> None:
    page = client_for(people.carla).get(page_url(project)).content.decode()
    assert '<script src="/static/js/downloads.js" defer></script>' in page
    assert 'href="/static/css/documents.css"' in page
    assert 'data-busy="Het document wordt gemaakt…"' in page  # what the script says


def test_the_documents_tab_is_the_current_one(people: People, project: Project) -> None:
    page = client_for(people.carla).get(page_url(project)).content.decode()
    assert f'<a href="{page_url(project)}" aria-current="page">Documenten</a>' in page


def test_the_overview_links_to_the_documents_page(people: People, project: Project) -> None:
    page = client_for(people.carla).get(reverse("project_detail", args=[project.pk]))
    assert f'<a href="{page_url(project)}">Documenten: het plan' in page.content.decode()


# --- The download --------------------------------------------------------------------------


def test_a_download_is_a_private_attachment_with_the_renderers_name_and_type(
    people: People, project: Project, fake: Calls
) -> None:
    response = fetch(client_for(people.carla), download_url(project, "nep"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="nep-basis.txt"'
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content == b"De Linde / Basis / A3"
    assert response["Content-Length"] == str(len(response.content))


def test_the_download_renders_the_scenario_of_its_url(
    people: People, make_document: Callable[..., ProjectDocument], fake: Calls
) -> None:
    document = make_document(
        scenarios=[scenario_data("Basis", chosen=True), scenario_data("Later")]
    )
    project = project_import(document=document, by=people.anna, organisation=people.woco)
    later = project.scenarios.get(name="Later")
    response = fetch(client_for(people.anna), download_url(project, "nep", later))
    assert response.content == b"De Linde / Later / A3"
    assert response["Content-Disposition"] == 'attachment; filename="nep-later.txt"'


def test_the_poster_is_rendered_on_the_paper_asked_for(
    people: People, project: Project, fake: Calls
) -> None:
    client = client_for(people.carla)
    assert fetch(client, download_url(project, "poster"), {"papier": "A1"}).content.endswith(b"A1")
    assert fetch(client, download_url(project, "poster"), {"papier": "a3"}).content.endswith(b"A3")
    refused = fetch(client, download_url(project, "poster"), {"papier": "A0"})
    assert refused.status_code == 400
    assert "kies A3 of A1" in refused.content.decode()


def test_the_paper_size_means_nothing_to_other_formats(
    people: People, project: Project, fake: Calls
) -> None:
    response = fetch(client_for(people.carla), download_url(project, "nep"), {"papier": "A0"})
    assert response.content.endswith(b"A3")


def test_the_date_on_the_cover_is_todays(people: People, project: Project, fake: Calls) -> None:
    fetch(client_for(people.carla), download_url(project, "nep"))
    assert fake.seen[0][1].today == dt.date.today()


def test_a_second_download_is_rendered_again_only_after_the_project_changed(
    people: People, project: Project, fake: Calls
) -> None:
    client = client_for(people.carla)
    first = fetch(client, download_url(project, "nep")).content
    assert fetch(client, download_url(project, "nep")).content == first
    assert len(fake.seen) == 1
    cost_item_create(
        scenario=project.scenarios.get(),
        by=people.bram,
        knob=2,
        description="Inrichting ontmoetingsruimte",
        kind="eenmalig",
        amount=Decimal("15000"),
        first_year=2026,
    )
    fetch(client, download_url(project, "nep"))
    assert len(fake.seen) == 2


def test_an_unknown_format_is_not_found(people: People, project: Project) -> None:
    response = fetch(client_for(people.carla), download_url(project, "exe"))
    assert response.status_code == 404


def test_an_outsider_gets_not_found_for_the_page_and_every_download(
    people: People, project: Project, fake: Calls
) -> None:
    client = client_for(people.olaf)
    for url in [page_url(project), *(download_url(project, key) for key in FORMATS)]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert project.name not in response.content.decode()
    assert fake.seen == []


def test_a_scenario_of_another_project_is_not_found(
    people: People, project: Project, make_document: Callable[..., ProjectDocument], fake: Calls
) -> None:
    other = project_import(document=make_document(), by=people.olaf, organisation=people.elders)
    url = reverse("document_download", args=[project.pk, other.scenarios.get().pk, "nep"])
    assert client_for(people.anna).get(url).status_code == 404
    assert fake.seen == []


def test_an_anonymous_visitor_is_sent_to_the_login_page(project: Project, fake: Calls) -> None:
    response = Client().get(download_url(project, "nep"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert fake.seen == []


def test_a_document_that_cannot_be_made_gets_a_dutch_message(
    people: People, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any) -> Rendered:
        raise DocumentError("Dit scenario heeft nog geen kaart.")

    monkeypatch.setitem(FORMATS, "nep", fake_format("nep", refuse))
    response = fetch(client_for(people.carla), download_url(project, "nep"))
    assert response.status_code == 400
    assert response.content.decode() == "Dit scenario heeft nog geen kaart."


def test_a_download_cannot_be_posted(people: People, project: Project, fake: Calls) -> None:
    assert client_for(people.carla).post(download_url(project, "nep")).status_code == 405
    assert fake.seen == []


# --- The real formats ----------------------------------------------------------------------

MAGIC = {
    "application/pdf": b"%PDF-",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": b"PK\x03\x04",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": b"PK\x03\x04",
}


# One format of each content type: the download is the same for all (the command line's tests
# render every format); the worksheets take long to make.
@pytest.mark.parametrize("key", ["pdf", "docx", "xlsx"])
def test_a_real_document_downloads_as_a_file_of_its_type(
    people: People, project: Project, key: str
) -> None:
    response = fetch(client_for(people.carla), download_url(project, key))
    fmt = FORMATS[key]
    assert response.status_code == 200
    assert response["Content-Type"] == fmt.content_type
    assert response.content.startswith(MAGIC[fmt.content_type])
    assert response["Content-Disposition"].startswith('attachment; filename="')
    assert response["Content-Disposition"].endswith(f'.{fmt.extension}"')


class KeyFigures(HTMLParser):
    """The money page's key figures as it shows them: label → value."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: dict[str, str] = {}
        self._in: str | None = None
        self._label = ""

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "dt":
            self._in, self._label = "dt", ""
        elif tag == "span" and "figure-value" in (dict(attrs).get("class") or ""):
            self._in = "value"
            self.figures[self._label] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("dt", "span"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "dt":
            self._label += data.strip()
        elif self._in == "value":
            self.figures[self._label] += data.strip()


TOTALS = ("Totale kosten", "Totale financiering", "Tekort")


def money_page_figures(client: Client, project: Project) -> dict[str, str]:
    parser = KeyFigures()
    url = reverse("money_page", args=[project.pk, project.scenarios.get().pk])
    parser.feed(client.get(url).content.decode())
    assert set(TOTALS) <= set(parser.figures), parser.figures
    return parser.figures


def pdf_text(content: bytes) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(content)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def flat(text: str) -> str:
    """Whitespace (non-breaking too) as single spaces, so that line breaks do not matter."""
    return " ".join(text.replace("\xa0", " ").split())


def euros(text: str) -> Decimal:
    """``€ 40.000`` → 40000 (the page's Dutch notation)."""
    digits = flat(text).replace("€", "").replace(" ", "").replace(".", "")
    return Decimal(digits.replace(",", "."))


def evaluated_numbers(content: bytes) -> set[Decimal]:
    """Every number the workbook's formulas come to, evaluated by pycel as a spreadsheet would."""
    import openpyxl
    from pycel import ExcelCompiler

    workbook = openpyxl.load_workbook(io.BytesIO(content))
    compiler = ExcelCompiler(excel=workbook)
    numbers: set[Decimal] = set()
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    value = compiler.evaluate(f"'{sheet.title}'!{cell.coordinate}")
                    if isinstance(value, int | float):
                        numbers.add(Decimal(str(round(value, 2))))
    return numbers


def test_the_money_pages_totals_are_in_the_plan_pdf(people: People, project: Project) -> None:
    client = client_for(people.carla)
    figures = money_page_figures(client, project)
    text = flat(pdf_text(fetch(client, download_url(project, "pdf")).content))
    for label in TOTALS:
        assert flat(figures[label]) in text, f"{label} {figures[label]} is not in the plan PDF"


def test_the_money_pages_totals_are_totals_the_excel_workbook_computes(
    people: People, project: Project
) -> None:
    client = client_for(people.carla)
    figures = money_page_figures(client, project)
    numbers = evaluated_numbers(fetch(client, download_url(project, "xlsx")).content)
    for label in TOTALS:
        assert euros(figures[label]) in numbers, f"{label} {figures[label]}: not in {numbers}"


def cli_totals(project: Project, tmp_path: Path) -> dict[str, str]:
    """The totals row of the command line's text report on the project's exported file."""
    from click.testing import CliRunner

    from stuurknop.cli.main import cli
    from stuurknop.projectfile import dump_document
    from stuurknop.web.projects.selectors import project_document

    path = tmp_path / "project.json"
    path.write_text(dump_document(project_document(project)), encoding="utf-8")
    scenario = project.scenarios.get().name
    report = CliRunner().invoke(cli, ["analyse", str(path), "--scenario", scenario]).output
    # The money table's totals come first; the balance's split has a totals row of its own.
    row = next(line for line in report.splitlines() if line.startswith("Totaal "))
    cells = [cell.strip() for cell in row.split("  ") if cell.strip()]
    return dict(zip(("", *TOTALS), cells, strict=False))


def word_text(content: bytes) -> str:
    from docx import Document

    word = Document(io.BytesIO(content))
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


def test_the_money_pages_totals_are_the_same_words_in_the_cli_report_pdf_and_word(
    people: People, project: Project, tmp_path: Path
) -> None:
    client = client_for(people.carla)
    figures = {label: flat(value) for label, value in money_page_figures(client, project).items()}
    cli = cli_totals(project, tmp_path)
    pdf = flat(pdf_text(fetch(client, download_url(project, "pdf")).content))
    word = flat(word_text(fetch(client, download_url(project, "docx")).content))
    for label in TOTALS:
        assert cli[label] == figures[label], f"{label}: page {figures[label]}, CLI {cli[label]}"
        assert figures[label] in pdf, f"{label} {figures[label]} is not in the plan PDF"
        assert figures[label] in word, f"{label} {figures[label]} is not in the Word file"


# --- Made by a worker: no request renders a document ---------------------------------------


def test_a_download_queues_a_job_and_answers_still_being_made_until_a_worker_made_it(
    people: People, project: Project, fake: Calls
) -> None:
    client = client_for(people.carla)
    first = client.get(download_url(project, "nep"))
    assert first.status_code == 202
    assert first["Retry-After"] == "2" and first["Refresh"] == "2"
    assert (first["X-Job-Status"], first["X-Job-Progress"]) == ("wachtrij", "0")
    page = first.content.decode()
    assert "Het document wordt gemaakt" in page and "In de wachtrij" in page
    assert '<progress id="job-progress" max="100" value="0">' in page
    assert client.get(download_url(project, "nep")).status_code == 202  # the same job
    assert fake.seen == []  # nothing was rendered in a request
    assert Job.objects.count() == 1
    run_queued_jobs()
    done = client.get(download_url(project, "nep"))
    assert (done.status_code, done.content) == (200, b"De Linde / Basis / A3")
    assert len(fake.seen) == 1  # asked three times, made once


def test_another_member_gets_the_document_another_made_without_making_it_again(
    people: People, project: Project, fake: Calls
) -> None:
    fetch(client_for(people.carla), download_url(project, "nep"))
    response = client_for(people.bram).get(download_url(project, "nep"))
    assert response.status_code == 200
    assert len(fake.seen) == 1


def test_a_job_that_failed_says_so_and_offers_to_try_again(
    people: People, project: Project, monkeypatch: pytest.MonkeyPatch, fake: Calls
) -> None:
    def crash(*args: Any) -> Rendered:
        raise MemoryError()

    monkeypatch.setitem(FORMATS, "nep", fake_format("nep", crash))
    client = client_for(people.carla)
    failed = fetch(client, download_url(project, "nep"))
    assert failed.status_code == 500
    page = failed.content.decode()
    assert "Het document kon niet worden gemaakt" in page
    assert "Er ging iets mis bij het maken" in page
    job = Job.objects.get()
    assert f'action="{reverse("job_again", args=[job.pk])}"' in page
    monkeypatch.setitem(FORMATS, "nep", fake_format("nep", fake.render))
    again = client.post(reverse("job_again", args=[job.pk]))
    assert again["Location"] == reverse("job_page", args=[job.pk])
    assert fetch(client, download_url(project, "nep")).status_code == 200


def test_the_jobs_page_shows_progress_then_the_download(
    people: People, project: Project, fake: Calls
) -> None:
    client = client_for(people.carla)
    client.get(download_url(project, "nep"))
    job = Job.objects.get()
    page = client.get(reverse("job_page", args=[job.pk])).content.decode()
    assert "In de wachtrij" in page
    assert 'hx-trigger="every 2s"' in page  # polled while it runs
    assert client.get(reverse("job_download", args=[job.pk]))["Location"] == reverse(
        "job_page", args=[job.pk]
    )
    run_queued_jobs()
    page = client.get(reverse("job_page", args=[job.pk])).content.decode()
    assert "hx-trigger" not in page
    assert f'href="{reverse("job_download", args=[job.pk])}"' in page
    file = client.get(reverse("job_download", args=[job.pk]))
    assert file.content == b"De Linde / Basis / A3"
    assert file["Cache-Control"] == "private, no-store"


def test_an_outsider_cannot_see_a_job_or_its_file(
    people: People, project: Project, fake: Calls
) -> None:
    fetch(client_for(people.carla), download_url(project, "nep"))
    job = Job.objects.get()
    client = client_for(people.olaf)
    for name in ("job_page", "job_download"):
        response = client.get(reverse(name, args=[job.pk]))
        assert response.status_code == 404
        assert project.name not in response.content.decode()


def test_when_too_many_jobs_wait_a_new_one_is_refused_for_now(
    people: People, project: Project, fake: Calls, settings: Any
) -> None:
    settings.JOB_QUEUE_LIMIT = 1
    client = client_for(people.carla)
    assert client.get(download_url(project, "nep")).status_code == 202
    busy = client.get(download_url(project, "poster"))
    assert busy.status_code == 503
    assert busy["Retry-After"] == "2"
    assert "Even geduld" in busy.content.decode()
    assert Job.objects.count() == 1
