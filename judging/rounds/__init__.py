"""Rounds: a cycle's stages of judging. Models (models.py), the admin form (forms.py) and
screens (admin_views.py), under which a round's assignment run, progress and results hang."""
