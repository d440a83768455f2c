"""The judges' panel: judge profiles, panels, conflicts and clearances (models.py), the
conflict rules (conflicts.py), invitations, reminders, their emails (tasks.py), the admin form
(forms.py) and screens of judges and conflicts (admin_views.py)."""
