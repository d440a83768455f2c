"""The names of the Wagtail hooks through which each app adds its part to a person's data rights
(docs/privacy.md). An app registers its functions in its wagtail_hooks.py; the framework calls
them and never imports an app's part.

- ``personal_data_sections``: ``fn(user)`` returns an iterable of
  :class:`~nominations.privacy.archive.PersonalDataSection`, added to the person's archive (a key
  of data.json, and files if any);
- ``anonymise_nominations``: ``fn(deletion_request, *, by, remove_evidence, now)`` removes the
  personal data of the nominations a completed request covers (all of the person's, or the one
  it names) and returns a dict of counts, kept in the audit log. It is the only erasure of a
  request for one nomination; ``remove_evidence`` is the administrator's choice to delete the
  evidence files of sent nominations too;
- ``erase_personal_data``: ``fn(user, deletion_request)`` removes or anonymises that app's data
  of the person, inside the transaction that completes a request for everything, before the
  account is anonymised; it may return a dict of counts, kept in the audit log (prefix the keys
  with the app's subject: they share the log entry's data).
- ``apply_retention``: ``fn(*, now, dry_run)`` deletes or blanks that app's data past its
  retention period (with ``dry_run``, only counts) and returns a list of (what, how many); run by
  ``manage.py anonymise_expired_data`` after the cycles' retention (feedback/retention/pruning.py).
"""

PERSONAL_DATA_SECTIONS = "personal_data_sections"
ANONYMISE_NOMINATIONS = "anonymise_nominations"
ERASE_PERSONAL_DATA = "erase_personal_data"
APPLY_RETENTION = "apply_retention"
