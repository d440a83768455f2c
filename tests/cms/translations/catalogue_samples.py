"""Small catalogues for the tests of the catalogue reader and of the report "Translations
awaiting review" (test_catalogues.py, test_review_report.py)."""

HEADER = """\
# Portuguese translations.
msgid ""
msgstr ""
"Language: pt\\n"
"Last-Translator: the team (drafts awaiting native review)\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""

CATALOGUE = (
    HEADER
    + """
# awaiting native review
#: awards_site/accounts/forms.py:16
msgid "Password"
msgstr "Palavra-passe"

#: awards_site/accounts/forms.py:17
msgid "New password"
msgstr "Nova palavra-passe"

# awaiting native review
#: awards_site/i18n.py:16 cms/translations/review.py:40
#: awards_site/i18n.py:99
msgctxt "language name inside a sentence"
msgid "Portuguese"
msgstr "português"

# awaiting native review
#: nominations/templates/nominations/email/submitted_body.txt:1
#, python-format
msgid ""
"Thank you: your nomination for the %(cycle)s has been received.\\n"
"\\n"
"Reference: %(reference)s"
msgstr ""
"Obrigado: a sua candidatura aos %(cycle)s foi recebida.\\n"
"\\n"
"Referência: %(reference)s"

# awaiting native review
#: nominations/codes.py:3
#, python-format
msgid "%(count)s code is unused."
msgid_plural "%(count)s codes are unused."
msgstr[0] "%(count)s código não usado."
msgstr[1] "%(count)s códigos não usados."

# Reviewed by Ana, 2026-11-02.
#: cms/models.py:10
msgid "Partners"
msgstr "Parceiros"

# awaiting native review
#, fuzzy
#| msgid "Say \\"hello\\""
msgid "Say \\"hi\\""
msgstr "Diga «olá»"

# awaiting native review
#~ msgid "A string no longer in the code"
#~ msgstr "Uma cadeia que já não está no código"

#~ msgid "Another old one"
#~ msgstr "Outra antiga"
"""
)


def by_msgid(entries):
    return {entry.msgid: entry for entry in entries}


def write_catalogue(root, language, text):
    path = root / language / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
