"""Language names as they read inside a sentence ("Translate into French", « Traduire en
français »), for Wagtail's locales (the names themselves: awards_site.i18n)."""

from awards_site.i18n import IN_A_SENTENCE


def language_name(locale):
    """The name of a Wagtail locale's language, for use inside a sentence."""
    name = IN_A_SENTENCE.get(locale.language_code)
    return str(name) if name is not None else locale.get_display_name()
