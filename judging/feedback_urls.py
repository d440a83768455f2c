"""Entrants' feedback: the judges' comments on a nomination, after results are published."""

urlpatterns = []
