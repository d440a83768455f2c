"""Signals nominations sends for the apps above it, which it never imports (docs/architecture.md).

- ``case_study_consent_withdrawn``: sent (after the commit) when a nominator withdraws their
  consent to a case study of their entry; ``sender`` is Nomination, ``nomination`` the entry.
  The best-practice library (library/cases/consent.py) unpublishes the entry's case study.
"""

from django.dispatch import Signal

case_study_consent_withdrawn = Signal()
