"""Pages of projects, one module per part of the project.

Each module has its own ``urlpatterns``; :mod:`stuurknop.web.projects.urls` joins them. A view
checks access through :mod:`stuurknop.web.projects.permissions` (via ``project_role`` or
``scenario_role``), makes one call to a service or selector, and renders the result.
"""
