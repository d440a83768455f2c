"""The text a result shows: a window of its search description, introduction or body around
the first word searched for, escaped, with the words searched for wrapped in <mark>."""

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from awards_site.search.query import _is_word_character, fold, words

WINDOW = 32  # words shown around the first match


def stream_text(raw_data):
    """The plain text of a StreamField's raw data (every string, tags removed), without
    rendering it (rendering may run queries)."""
    parts = []

    def walk(value):
        if isinstance(value, str):
            if value and not value.isdigit():
                parts.append(strip_tags(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in ("type", "id", "level", "tier", "page", "image", "document"):
                    walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(raw_data)
    return " ".join(" ".join(parts).split())


def page_texts(page):
    """A page's texts a snippet may come from, best first."""
    texts = [getattr(page, "search_description", ""), getattr(page, "intro", "")]
    for name in ("summary", "letter", "pledge_text"):
        texts.append(strip_tags(str(getattr(page, name, "") or "")))
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "raw_data"):
        texts.append(stream_text(list(body.raw_data)))
    return [" ".join(text.split()) for text in texts if text and text.strip()]


def _runs(text):
    """The text as runs of word characters and runs of the rest, in order."""
    runs, current, in_word = [], [], None
    for char in text:
        is_word = _is_word_character(char)
        if current and is_word != in_word:
            runs.append(("".join(current), in_word))
            current = []
        current.append(char)
        in_word = is_word
    if current:
        runs.append(("".join(current), in_word))
    return runs


def matches(word, wanted):
    folded = fold(word)
    return folded in wanted or any(len(w) >= 4 and folded.startswith(w) for w in wanted)


def snippet(texts, wanted):
    """The best text's window around the first word of `wanted` (folded words), as safe HTML."""
    if not texts:
        return ""
    chosen, runs, first = texts[0], None, None
    for text in texts:
        text_runs = _runs(text)
        index = next(
            (i for i, (run, is_word) in enumerate(text_runs) if is_word and matches(run, wanted)),
            None,
        )
        if index is not None:
            chosen, runs, first = text, text_runs, index
            break
    if runs is None:
        return escape(Truncator(chosen).words(WINDOW * 2 // 3))
    word_positions = [i for i, (_run, is_word) in enumerate(runs) if is_word]
    at = word_positions.index(first)
    start = word_positions[max(0, at - WINDOW // 3)]
    end_at = min(len(word_positions) - 1, at + WINDOW * 2 // 3)
    end = word_positions[end_at] + 1
    html = ["…" if start > 0 else ""]
    for run, is_word in runs[start:end]:
        if is_word and matches(run, wanted):
            html.append(f"<mark>{escape(run)}</mark>")
        else:
            html.append(escape(run))
    if end < len(runs):
        html.append("…")
    return mark_safe("".join(html))  # noqa: S308  (every piece escaped above)


def folded_words(page):
    """The words of a page's title and texts that have accents, without them ("evenements"
    for "événements"): indexed with the page (BasePage.search_fields), so a search typed
    without accents finds them on PostgreSQL too (SQLite's FTS5 tokenizer folds accents
    itself)."""
    found = {}
    for text in [page.title, *page_texts(page)]:
        for word in words(text):
            folded = fold(word)
            if folded != word.casefold():
                found.setdefault(folded, None)
    return " ".join(found)
