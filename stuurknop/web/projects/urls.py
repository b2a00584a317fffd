"""The project pages' URLs: the ``urlpatterns`` of every view module, joined."""

from stuurknop.web.projects.views import common, projects

urlpatterns = [
    *projects.urlpatterns,
    *common.urlpatterns,
]
