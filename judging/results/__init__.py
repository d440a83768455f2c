"""A round's results: moderation notes, decisions and published results (models.py), the
computation (computation.py) and one entry's detail (detail.py), decisions and publishing
(decisions.py), the nominators' emails (tasks.py), the export, progress, the entrants'
feedback, the admin screens and the dashboard overview."""
