"""Rubrics: what judges score. Models (models.py), the rules on weights and levels (rules.py),
copying a rubric (copying.py), the admin form (forms.py) and screens (admin_views.py)."""
