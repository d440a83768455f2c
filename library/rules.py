"""Who may do what in the library (docs/permissions.md); rules' autodiscovery imports this
module, which imports each package's rules."""

from library.cases import rules as cases_rules  # noqa: F401
