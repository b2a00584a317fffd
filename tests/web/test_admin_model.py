"""The admin (/beheer/): every web model listed for support staff, the log untouchable, and
the model content readable on a staff-only page."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from stuurknop.gespreksmodel import Model
from stuurknop.gespreksmodel.proxies import load_proxies
from stuurknop.presentation.numbers import euro
from stuurknop.web.projects.models import CostItem, KnobSetting, LogEntry, Project
from stuurknop.web.projects.services import project_archive

from .two_factor_steps import second_step_passed

if TYPE_CHECKING:
    from tests.web.conftest import People

WEB_APPS = ("accounts", "projects", "strategy")


@pytest.fixture
def staff(db: None) -> Client:
    """Support staff: may open the admin, with every permission."""
    # Staff sign in with a second step (two-factor); past it, as after typing a code.
    return second_step_passed(Client(), User.objects.create_superuser("steun", password="x" * 12))


def admin_url(model: type, view: str, *args: object) -> str:
    meta = model._meta  # type: ignore[attr-defined]
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)


# --- The model content page ----------------------------------------------------------------


def test_the_admin_index_links_to_the_model_content(staff: Client) -> None:
    page = staff.get(reverse("admin:index")).content.decode()
    assert f'href="{reverse("admin:model_content")}"' in page
    assert "Inhoud van het model" in page


def test_the_model_page_shows_every_part_of_the_model(staff: Client, model: Model) -> None:
    response = staff.get(reverse("admin:model_content"))
    assert response.status_code == 200
    page = response.content.decode()
    texts = [
        *(v.name for v in model.values),
        *(r.name for r in model.routes),
        *(t.name for t in model.party_types),
        *model.conversation_questions,
        *(s.name for s in model.sources),
        *(f'<th scope="row">{s.numeral}</th>' for s in model.sources),
        *(lesson.text for lesson in model.lessons),
        *(check.title for check in model.checks),
        *(check.message for check in model.checks),
    ]
    for knob in model.knobs:
        texts += [knob.name, knob.investment, *knob.questions, *knob.illustrations]
        texts += [m.explanation for m in knob.mechanisms]
    missing = [t for t in texts if t not in page and escape(t) not in page]
    assert not missing
    assert len(model.sources) == 10 and len(model.knobs) == 10
    library = load_proxies(model.version)
    for proxy in library.proxies:  # the proxy library, each with its price and source
        assert escape(proxy.name) in page
        assert euro(proxy.amount, cents=True).replace(" ", "&nbsp;") in page.replace(" ", "&nbsp;")
    assert all(f'href="{c.url}"' in page for c in library.citations if c.url)


def test_the_model_page_is_for_staff_only(people: People) -> None:
    url = reverse("admin:model_content")
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("login"))
    member = Client()
    member.force_login(people.anna)  # beheerder of a project, not support staff
    refused = member.get(url)
    assert refused.status_code == 302
    assert refused["Location"].startswith(reverse("admin:login"))
    assert "Mechanismen" not in member.get(url, follow=True).content.decode()


def test_an_unknown_model_version_is_not_found(staff: Client) -> None:
    assert staff.get(reverse("admin:model_content"), {"versie": "1999"}).status_code == 404


# --- The registered models -----------------------------------------------------------------


@pytest.mark.parametrize(
    "model",
    [m for label in WEB_APPS for m in apps.get_app_config(label).get_models()],
    ids=lambda m: m.__name__,
)
def test_every_web_model_has_a_searchable_list_in_the_admin(
    staff: Client, project: Project, model: type
) -> None:
    assert admin.site.is_registered(model)
    model_admin = admin.site._registry[model]
    assert model_admin.search_fields, f"{model.__name__} has no search"
    assert model_admin.list_display != ("__str__",), f"{model.__name__} lists only its name"
    listing = staff.get(admin_url(model, "changelist"), {"q": "De Linde"})
    assert listing.status_code == 200
    first = model._default_manager.first()  # type: ignore[attr-defined]
    if first is not None:
        assert staff.get(admin_url(model, "change", first.pk)).status_code == 200


def test_a_search_finds_a_project_by_name(staff: Client, project: Project) -> None:
    page = staff.get(admin_url(Project, "changelist"), {"q": "Linde"}).content.decode()
    assert "De Linde" in page
    page = staff.get(admin_url(Project, "changelist"), {"q": "Elders"}).content.decode()
    assert "De Linde" not in page


def test_the_project_log_cannot_be_added_changed_or_deleted_even_by_staff(
    staff: Client, project: Project, people: People
) -> None:
    project_archive(project=project, by=people.anna)  # writes a log line
    entry = LogEntry.objects.get(project=project)
    assert staff.get(admin_url(LogEntry, "add")).status_code == 403
    assert staff.post(admin_url(LogEntry, "change", entry.pk), {"what": "x"}).status_code == 403
    assert staff.post(admin_url(LogEntry, "delete", entry.pk), {"post": "yes"}).status_code == 403
    entry.refresh_from_db()
    assert entry.what != "x"
    page = staff.get(admin_url(LogEntry, "change", entry.pk)).content.decode()
    assert entry.what in page  # readable


@pytest.mark.parametrize("model", [KnobSetting, CostItem], ids=lambda m: m.__name__)
def test_project_content_is_read_only_in_the_admin(
    staff: Client, project: Project, model: type
) -> None:
    row = model._default_manager.first()  # type: ignore[attr-defined]
    version = row.version
    assert staff.post(admin_url(model, "change", row.pk), {}).status_code == 403
    assert staff.post(admin_url(model, "delete", row.pk), {"post": "yes"}).status_code == 403
    row.refresh_from_db()
    assert row.version == version
