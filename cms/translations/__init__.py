"""Translations of pages: which are missing or out of date (status.py), the editors' report
(report.py) and the Translate action for pages whose other-language version is an alias
(buttons.py). Pages are translated with Wagtail's simple_translation (docs/architecture.md)."""
