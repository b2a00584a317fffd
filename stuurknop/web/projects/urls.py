from django.urls import path

from stuurknop.web.projects import views

urlpatterns = [
    path("", views.project_list, name="project_list"),
    path("projecten/<int:project_id>/", views.project_detail, name="project_detail"),
    path("projecten/<int:project_id>/export.json", views.project_export, name="project_export"),
]
