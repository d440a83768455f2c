"""Data-protection rights (docs/privacy.md): a small framework, and nominations' part of it.

The framework: records.py (shared vocabulary), hooks.py (the hooks each app registers its part
with), consents.py, deletion.py (requests, their completion or refusal, closing the account),
archive.py ("download my data"), audit_log.py (scrubbing erased people from the log) and
views.py (the "Privacy and your data" pages). It lives in nominations, the bottom of the
dependency order, because the Consent and DeletionRequest models do; it imports no app's part.

Nominations' part, registered through the hooks in nominations/wagtail_hooks.py as cms/privacy.py
and judging/privacy.py are in theirs: nominations_part.py (its sections of the archive,
anonymising nominations) and retention.py (closed cycles past their retention period).
"""
