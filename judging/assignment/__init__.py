"""Assignments: which judge scores which entry. Models (models.py), the balancing
(balancing.py), a round's run (run.py), assignments by hand (manual.py), the admin form
(forms.py) and screens (admin_views.py)."""
