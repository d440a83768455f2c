"""The strings of the site's catalogues (locale/<language>/LC_MESSAGES/django.po) still awaiting
a native speaker's review: those whose translator comment says `awaiting native review`
(DRAFT_COMMENT). A reviewer marks a string reviewed by deleting that comment (and correcting the
msgstr if needed); docs/translations.md. Read with a small reader of the .po format (entries of
comment lines, msgctxt, msgid, msgid_plural and msgstr lines, quoted strings continued on the
next lines): the project has no .po library and needs nothing more."""

import ast
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

DRAFT_COMMENT = "awaiting native review"
# The languages whose translations were not made by a native speaker (settings.LANGUAGES).
DRAFT_LANGUAGES = ("pt", "ar")


@dataclass
class CatalogueEntry:
    language: str
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str = ""
    msgstr: str = ""
    comments: list = field(default_factory=list)  # translator comments ("#. ...")
    locations: list = field(default_factory=list)  # "path:line" ("#: ...")
    fuzzy: bool = False

    @property
    def awaiting_review(self):
        return any(DRAFT_COMMENT in comment for comment in self.comments)

    @property
    def location(self):
        return ", ".join(self.locations)


def _unquote(text):
    return ast.literal_eval(text.strip()) if text.strip().startswith('"') else ""


def parse(text, language):
    """The entries of a .po file's text (the header entry, msgid "", left out). An entry ends
    when a comment or a msgctxt/msgid line follows its msgstr."""
    entries = []
    entry = CatalogueEntry(language)
    key = None  # the field a continued "..." line adds to
    translated = False  # the entry's msgstr has been read: what follows opens the next one

    for line in text.splitlines():
        line = line.strip()
        if line.startswith("#~"):
            # An obsolete entry (msgmerge's #~ lines). The comments read since the last entry
            # (its `# awaiting native review` among them) are its own: they go with it.
            if translated and entry.msgid:
                entries.append(entry)
            entry, key, translated = CatalogueEntry(language), None, False
            continue
        if not line:
            continue
        opens = line.startswith("#") or line.split(" ", 1)[0] in ("msgctxt", "msgid")
        if translated and opens:
            if entry.msgid:
                entries.append(entry)
            entry, key, translated = CatalogueEntry(language), None, False
        if line.startswith("#.") or line.startswith("# ") or line == "#":
            # Extracted comments (#.) and translator comments (# ): makemessages keeps only
            # the latter, so a reviewer's `# awaiting native review` survives it.
            entry.comments.append(line[2:].strip())
        elif line.startswith("#:"):
            entry.locations.extend(line[2:].split())
        elif line.startswith("#,"):
            entry.fuzzy = entry.fuzzy or "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if key is not None:
                setattr(entry, key, getattr(entry, key) + _unquote(line))
        else:
            keyword, _, rest = line.partition(" ")
            if keyword in ("msgstr", "msgstr[0]"):
                key, translated = "msgstr", True
            elif keyword.startswith("msgstr["):
                key, translated = None, True  # the other plural forms are not shown
            elif keyword in ("msgctxt", "msgid", "msgid_plural"):
                key = keyword
            else:
                key = None
                continue
            if key is not None:
                setattr(entry, key, _unquote(rest))
    if entry.msgid:
        entries.append(entry)
    return entries


def catalogue_path(language):
    return Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"


# The entries read from each catalogue, by path: (modification time, size, entries). Reading a
# catalogue of ~2,400 entries takes well over 100 ms and the report asks for both on every
# request (each page of it, each export); a file whose time or size changed is read again, so a
# reviewer's edit shows on the next request without a restart. One item per catalogue.
_read = {}


def entries(language):
    """The entries of `language`'s catalogue (a tuple; none when it has no .po file), read again
    only when the file changed."""
    path = catalogue_path(language)
    try:
        stat = path.stat()
    except FileNotFoundError:
        return ()
    stamp = (stat.st_mtime_ns, stat.st_size)
    kept = _read.get(path)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    read = tuple(parse(path.read_text(encoding="utf-8"), language))
    _read[path] = (stamp, read)
    return read


def awaiting_review(languages=DRAFT_LANGUAGES):
    """The entries of the draft languages' catalogues still marked `awaiting native review`."""
    return [entry for language in languages for entry in entries(language) if entry.awaiting_review]
