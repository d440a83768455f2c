"""Texts kept in each language on a model: a field per language, `<field>_en` and `<field>_fr`
(the names of award cycles and categories, rubrics' criteria, rounds...), and `localised`,
which reads the one for the active language. English is required and is what a language
without its own text shows."""

from django.utils.translation import get_language


def localised(instance, field, language=None):
    """The text of `field` in `language` (the active one by default) when it has one, else the
    English."""
    language = (language or get_language() or "en").split("-")[0]
    text = getattr(instance, f"{field}_{language}", "") if language != "en" else ""
    return text or getattr(instance, f"{field}_en")
