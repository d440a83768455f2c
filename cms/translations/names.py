"""Language names as they read inside a sentence ("Translate into French", « Traduire en
français »): French writes them in lower case, so they are translated in their own context
rather than taken from the capitalised names of the language menus."""

from django.utils.translation import pgettext_lazy

IN_A_SENTENCE = {
    "en": pgettext_lazy("language name inside a sentence", "English"),
    "fr": pgettext_lazy("language name inside a sentence", "French"),
}


def language_name(locale):
    """The name of a Wagtail locale's language, for use inside a sentence."""
    name = IN_A_SENTENCE.get(locale.language_code)
    return str(name) if name is not None else locale.get_display_name()
