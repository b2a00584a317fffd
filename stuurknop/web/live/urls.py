"""The live session's pages: facilitator, beamer, joining and voting (with polling fallback)."""

urlpatterns: list = []
