"""The judge portal under /judging/: who reaches what (access.py), the dashboard, an entry with
its scoresheet (views.py), conflict pages (conflict_views.py), the entry's files
(document_views.py), forms and URLs."""
