"""The project's vocabularies: how one is declared (terms.py) and the ones every app shares
(countries.py). Each app declares its own beside its models (nominations/statuses.py,
judging/certificates/kinds.py)."""
