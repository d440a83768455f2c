"""Certificates: models (models.py), what a round calls for (planning.py), the acts
(issuing.py), the background batch (batch.py, tasks.py), the PDF (pdf.py), the verification
and download views (views.py, urls.py) and the admin (admin.py)."""
