"""What a person typed, read into Wagtail's query objects, never failing.

The syntax accepted (docs/search.md):
- words: every word must be found (And), in any order; accents and case do not matter;
- "a phrase" between straight or curly quotes (or « »): the words next to each other; words
  joined by punctuation (l'événement, co-design) are a phrase too;
- -word: leave out what has it; NOT word does the same; -"two words" leaves out what has
  both words (anywhere: the backends cannot leave out a phrase alike);
- a OR b: either; OR binds the words (or phrases) on each side of it.

Anything else is read as plain words: an unbalanced quote drops the quotes, brackets, stars and
other punctuation are ignored, a minus or OR with nothing to apply to is ignored, and a query of
only left-out words searches for those words (a leading hyphen is more often a typo than a wish
to see the whole site). Only words (letters, digits and their combining marks) reach the search
backend, one word per term, so no character a person types can make SQLite's FTS5 or
PostgreSQL's tsquery syntax fail.

Synonyms: a word of one of `SYNONYMS`' groups finds any word of its group, so "apply", "entry"
or "nominate" find the pages about nominations (SQLite has no stemming; PostgreSQL's only works
within one language)."""

import re
import unicodedata
from dataclasses import dataclass, field

from wagtail.search.query import And, Not, Or, Phrase, PlainText

MAX_LENGTH = 200
MAX_TERMS = 12  # more than this many words or phrases: the rest are ignored

QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "＂": '"'})

# Words that find each other (folded: lower case, no accents). English and French together:
# a visitor may type either on either language's pages.
SYNONYMS = [
    {
        "nominate",
        "nominates",
        "nominated",
        "nominating",
        "nomination",
        "nominations",
        "nominee",
        "nominees",
        "entry",
        "entries",
        "enter",
        "apply",
        "application",
        "applications",
        "candidature",
        "candidatures",
        "candidater",
        "candidat",
        "candidats",
        "inscription",
        "inscrire",
        "participer",
        "proposer",
    },
    {"winner", "winners", "laureat", "laureats", "laureate", "laureates", "gagnant", "gagnants"},
    {"event", "events", "evenement", "evenements"},
]
_SYNONYMS_OF = {word: group for group in SYNONYMS for word in group}


def fold(text):
    """Lower case without accents: how words are compared (évènement -> evenement)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _is_word_character(char):
    return unicodedata.category(char)[0] in "LNM"


def words(text):
    """The words in a text: runs of letters, digits and combining marks (what FTS5's
    unicode61 tokenizer and PostgreSQL's parser see as words); all else separates them."""
    found, current = [], []
    for char in text:
        if _is_word_character(char):
            current.append(char)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return found


@dataclass
class Term:
    words: list
    negated: bool = False
    phrase: bool = False

    def query(self, expand=True):
        if self.phrase and len(self.words) > 1:
            return Phrase(" ".join(self.words))
        if len(self.words) == 1 and expand:
            return _with_synonyms(self.words[0])
        return And([_with_synonyms(word) if expand else PlainText(word) for word in self.words])


def _with_synonyms(word):
    group = _SYNONYMS_OF.get(fold(word))
    if not group:
        return PlainText(word)
    return Or([PlainText(word)] + [PlainText(other) for other in sorted(group - {fold(word)})])


@dataclass
class ParsedQuery:
    """`text` as shown back to the visitor; `query` for Wagtail's search (None: nothing to
    search for); `highlight` the folded words a snippet marks (synonyms included)."""

    text: str
    query: object = None
    highlight: set = field(default_factory=set)
    terms: list = field(default_factory=list)

    def __bool__(self):
        return self.query is not None


def _chunks(text):
    """Phrases ("...", with an optional leading minus) and whitespace-separated chunks."""
    if text.count('"') % 2:
        text = text.replace('"', " ")
    return re.findall(r'-?"[^"]*"|[^\s"]+', text)


def parse(text):
    """Read what a person typed; never raises."""
    text = unicodedata.normalize("NFC", str(text or ""))[:MAX_LENGTH].strip()
    groups = []  # each a list of Terms joined by OR
    pending_or = pending_not = False
    for chunk in _chunks(text.translate(QUOTES)):
        operator = chunk.strip("()[]{}")
        if operator == "OR":
            pending_or = bool(groups) and not groups[-1][-1].negated
            continue
        if operator in ("AND", "&&"):
            continue
        if operator == "NOT":
            pending_not = True
            continue
        negated = pending_not
        if chunk.startswith("-"):
            chunk, negated = chunk[1:], True
        term_words = words(chunk)
        phrase = chunk.startswith('"') or len(term_words) > 1  # l'événement, co-design
        if not term_words:
            continue  # punctuation, emoji, a lone minus: nothing to search
        term = Term(term_words, negated=negated, phrase=phrase)
        if pending_or and not negated:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = pending_not = False
    groups = groups[:MAX_TERMS]
    if groups and all(group[0].negated for group in groups):
        for group in groups:
            group[0].negated = False  # only left-out words: search for them instead
    terms = [term for group in groups for term in group]
    parsed = ParsedQuery(text=text, terms=terms)
    if not groups:
        return parsed
    parts = []
    for group in groups:
        if group[0].negated:
            # Words, not a phrase: PostgreSQL's backend cannot leave out a phrase (it ignores
            # Not around a Phrase), so -"a b" leaves out what has both words on either backend.
            group[0].phrase = False
            parts.append(Not(group[0].query(expand=False)))
        elif len(group) == 1:
            parts.append(group[0].query())
        else:
            parts.append(Or([term.query() for term in group]))
    parsed.query = parts[0] if len(parts) == 1 else And(parts)
    for term in terms:
        if not term.negated:
            for word in term.words:
                parsed.highlight.add(fold(word))
                parsed.highlight |= _SYNONYMS_OF.get(fold(word), set())
    return parsed
