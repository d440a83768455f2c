"""Reading what a person typed (awards_site/search/query.py): any text gives a query or nothing to
search for, never an exception, and only words reach the search backend."""

from hypothesis import example, given, settings
from hypothesis import strategies as st
from wagtail.search.query import And, Not, Or, Phrase, PlainText

from awards_site.search.query import fold, parse, words
from tests.properties import examples


def leaves(query):
    if isinstance(query, (And, Or)):
        for sub in query.subqueries:
            yield from leaves(sub)
    elif isinstance(query, Not):
        yield from leaves(query.subquery)
    else:
        yield query


def test_words_and_operators():
    assert str(parse("huduma centres").query) == str(
        And([PlainText("huduma"), PlainText("centres")])
    )
    assert isinstance(parse('"service centres"').query, Phrase)
    query = parse("huduma -kenya").query
    assert isinstance(query, And) and isinstance(query.subqueries[1], Not)
    assert isinstance(parse("huduma OR centres").query, Or)
    assert isinstance(parse('huduma OR "service centre"').query.subqueries[1], Phrase)
    assert isinstance(parse("huduma NOT kenya").query.subqueries[1], Not)


def test_unbalanced_or_odd_syntax_falls_back_to_plain_words():
    assert [leaf.query_string for leaf in leaves(parse('huduma "centres').query)] == [
        "huduma",
        "centres",
    ]
    assert not parse('"')
    assert not parse("-")
    assert not parse("👍🏽 😀 ()*")
    # Only left-out words: the words are searched for.
    assert str(parse("-huduma").query) == str(PlainText("huduma"))
    # A dangling OR or NOT is ignored; brackets and stars too.
    assert str(parse("OR huduma OR").query) == str(PlainText("huduma"))
    assert str(parse("(huduma*)").query) == str(PlainText("huduma"))
    # Words joined by punctuation are a phrase: l'événement, co-design.
    assert isinstance(parse("l'événement").query, Phrase)


def test_nomination_words_find_each_other():
    for word in ("nominate", "Nomination", "entry", "apply", "candidature"):
        found = {leaf.query_string for leaf in leaves(parse(word).query)}
        assert {"nomination", "nominate", "entry", "apply"} <= found | {word.lower()}


def test_fold():
    assert fold("Évènement") == "evenement"
    assert words("l’événement, co-design 2024 👍") == ["l", "événement", "co", "design", "2024"]


@settings(max_examples=examples(300))
@given(text=st.text(max_size=300))
@example(text='huduma "centres')
@example(text='"')
@example(text="-word OR (brackets) stars* l'apostrophe 👍 مركز")
def test_any_text_is_a_query_of_words_or_nothing(text):
    parsed = parse(text)
    assert len(parsed.text) <= 200
    if parsed:
        for leaf in leaves(parsed.query):
            assert isinstance(leaf, (PlainText, Phrase))
            assert leaf.query_string
            assert all(word for word in leaf.query_string.split(" "))
            assert leaf.query_string.split(" ") == words(leaf.query_string)
