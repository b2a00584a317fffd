"""The residents' questionnaire: the public form and its management by the project."""

urlpatterns: list = []
