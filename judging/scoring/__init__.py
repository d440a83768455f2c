"""Scoring: scoresheets and criterion scores (models.py), the rules of saving, submitting and
reopening a sheet (rules.py), the figures a submitted sheet stores (sheet_figures.py) and the
one rounding rule (rounding.py)."""
