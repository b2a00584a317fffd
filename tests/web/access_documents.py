"""Documents: the documents page and the downloads, and the jobs that make them: their part of
the access table.

``ACCESS`` is merged into ``access_matrix.ACCESS``. ``world_kwargs`` adds the URL kwargs these
routes need to the access test's world (one project shared by anna, bram, carla; olaf outside).
"""

from __future__ import annotations

from typing import Any

from .access import Access

ACCESS: dict[str, Access] = {
    # The page listing every document of a scenario, and the download of one of them.
    "documents_page": Access("lezer"),
    "document_download": Access("lezer"),
    # A job's page, its file and asking again: whoever may read the job's project.
    "job_page": Access("lezer"),
    "job_download": Access("lezer"),
    "job_again": Access("lezer", method="POST"),
}


def world_kwargs(project: Any, people: dict[str, Any]) -> dict[str, Any]:
    """Extra URL kwargs (name → value) for this area's routes; built inside the world's
    transaction after the project and its members exist."""
    from stuurknop.web.jobs.services import start_document_job

    # The money tables: the quickest format to render, and a real one.
    job = start_document_job(
        project=project,
        scenario=project.scenarios.get(name="Basis"),
        user=people["anna"],
        fmt="xlsx",
    )
    return {"fmt": "xlsx", "job_id": job.pk}
