"""Texts kept in each language on a model: a field per language, `<field>_en` and `<field>_fr`
(and `_pt`, `_ar` where a model has them)
(the names of award cycles and categories, rubrics' criteria, rounds...), and `localised`,
which reads the one for the active language. English is required and is what a language
without its own text shows. On a model, `name = LocalisedText()` reads `name_fr` or `name_en` so.

`language_name` names a language as it reads inside a sentence ("Translate into French",
« Traduire en français », "Reports come in English"): French writes language names in lower
case, so they are translated in their own context rather than taken from the capitalised names
of the language menus (settings.LANGUAGES)."""

from django.utils.translation import get_language, pgettext_lazy

IN_A_SENTENCE = {
    "en": pgettext_lazy("language name inside a sentence", "English"),
    "fr": pgettext_lazy("language name inside a sentence", "French"),
    "pt": pgettext_lazy("language name inside a sentence", "Portuguese"),
    "ar": pgettext_lazy("language name inside a sentence", "Arabic"),
}


def language_name(code):
    """The name of the language `code` ("fr", "en-gb"...) inside a sentence of the active
    language; the code itself for a language the site does not know."""
    code = (code or "").split("-")[0]
    name = IN_A_SENTENCE.get(code)
    return str(name) if name is not None else code


def localised(instance, field, language=None):
    """The text of `field` in `language` (the active one by default) when it has one, else the
    English."""
    language = (language or get_language() or "en").split("-")[0]
    text = getattr(instance, f"{field}_{language}", "") if language != "en" else ""
    return text or getattr(instance, f"{field}_en")


class LocalisedText:
    """A model attribute in the active language: `name = LocalisedText()` is
    `localised(instance, "name")`, read-only, named after the attribute it is assigned to."""

    def __set_name__(self, owner, name):
        self.field = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return localised(instance, self.field)
