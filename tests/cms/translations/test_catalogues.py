"""The reader of the site's catalogues (cms/translations/catalogues.py) on small .po texts: which
strings await a native speaker's review, read with their context, plurals, places and flags,
and kept in memory until their file changes."""

import os

from cms.translations import catalogues
from cms.translations.catalogues import parse
from tests.cms.translations.catalogue_samples import CATALOGUE, HEADER, by_msgid, write_catalogue

# The catalogue reader --------------------------------------------------------------------------


def test_only_the_entries_marked_awaiting_native_review_are_listed():
    entries = parse(CATALOGUE, "pt")
    assert [entry.msgid for entry in entries] == [
        "Password",
        "New password",
        "Portuguese",
        "Thank you: your nomination for the %(cycle)s has been received.\n\nReference: "
        "%(reference)s",
        "%(count)s code is unused.",
        "Partners",
        'Say "hi"',
    ]  # the header (msgid "") and the obsolete entries (#~) are not entries
    waiting = {entry.msgid for entry in entries if entry.awaiting_review}
    assert "New password" not in waiting and "Partners" not in waiting
    assert len(waiting) == 5
    assert {entry.language for entry in entries} == {"pt"}


def test_an_entry_is_read_with_its_context_plural_locations_and_flags():
    entries = by_msgid(parse(CATALOGUE, "pt"))
    password = entries["Password"]
    assert (password.msgstr, password.msgctxt, password.msgid_plural) == ("Palavra-passe", "", "")
    assert password.location == "awards_site/accounts/forms.py:16"

    language = entries["Portuguese"]
    assert (language.msgctxt, language.msgstr) == ("language name inside a sentence", "português")
    assert language.locations == [
        "awards_site/i18n.py:16",
        "cms/translations/review.py:40",
        "awards_site/i18n.py:99",
    ]

    plural = entries["%(count)s code is unused."]
    assert plural.msgid_plural == "%(count)s codes are unused."
    assert plural.msgstr == "%(count)s código não usado."  # the first form, as the report shows

    quoted = entries['Say "hi"']
    assert (quoted.msgstr, quoted.fuzzy) == ("Diga «olá»", True)
    assert quoted.awaiting_review  # the previous msgid (#|) and the flags do not hide it


def test_strings_continued_on_the_next_lines_are_joined():
    [entry] = [e for e in parse(CATALOGUE, "pt") if e.msgid.startswith("Thank you")]
    assert entry.msgid == (
        "Thank you: your nomination for the %(cycle)s has been received.\n\n"
        "Reference: %(reference)s"
    )
    assert entry.msgstr == (
        "Obrigado: a sua candidatura aos %(cycle)s foi recebida.\n\nReferência: %(reference)s"
    )
    assert entry.awaiting_review


def test_an_obsolete_entry_and_its_comment_do_not_reach_the_next_entry():
    """msgmerge writes obsolete entries at the end, but a hand-edited file may have one in the
    middle: its `# awaiting native review` line belongs to it, not to the entry that follows."""
    text = (
        HEADER
        + """
# awaiting native review
#~ msgid "Old"
#~ msgstr "Antigo"

#: cms/models.py:10
msgid "Partners"
msgstr "Parceiros"

# awaiting native review
#: cms/models.py:11
msgid "Sponsors"
msgstr "Patrocinadores"
#~ msgid "Older"
#~ msgstr "Mais antigo"
"""
    )
    entries = by_msgid(parse(text, "pt"))
    assert set(entries) == {"Partners", "Sponsors"}
    assert not entries["Partners"].awaiting_review
    assert entries["Sponsors"].awaiting_review and entries["Sponsors"].msgstr == "Patrocinadores"


def test_a_catalogue_without_a_last_newline_or_with_crlf_lines_reads_the_same():
    assert parse(CATALOGUE.replace("\n", "\r\n"), "pt") == parse(CATALOGUE, "pt")
    assert parse(CATALOGUE.rstrip("\n"), "pt") == parse(CATALOGUE, "pt")


# The catalogues kept in memory ---------------------------------------------------------------


def test_a_catalogue_is_read_once_then_again_when_it_changes(locale_dir, monkeypatch):
    path = write_catalogue(locale_dir, "pt", CATALOGUE)
    reads = []
    real_parse = catalogues.parse

    def counted_parse(text, language):
        reads.append(language)
        return real_parse(text, language)

    monkeypatch.setattr(catalogues, "parse", counted_parse)

    first = catalogues.awaiting_review(["pt"])
    assert catalogues.awaiting_review(["pt"]) == first
    assert reads == ["pt"]  # the second request used what was read

    # A reviewer deletes the comment of "Password"; the file keeps its modification time to the
    # nanosecond (as a fast edit may): its size tells the change.
    stat = path.stat()
    reviewed = "#: awards_site/accounts/forms.py:16\n"
    text = CATALOGUE.replace("# awaiting native review\n" + reviewed, reviewed)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert "Password" not in {entry.msgid for entry in catalogues.awaiting_review(["pt"])}

    # The same size, a later time: read again too.
    path.write_text(text.replace("Parceiros", "Parceir0s"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert by_msgid(catalogues.entries("pt"))["Partners"].msgstr == "Parceir0s"
    assert reads == ["pt", "pt", "pt"]


def test_a_missing_catalogue_has_no_entries(locale_dir):
    assert catalogues.awaiting_review(["pt", "ar"]) == []
