"""The SMS grammar (feedback/sms/grammar.py): explicit examples and properties."""

import re

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from feedback import codes
from feedback.sms.grammar import SmsError, language_hint, parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("K7DPQM 4 6 Y 9 queue was short", ("K7DPQM", 4, 6, True, 9, "queue was short")),
        ("k7dpqm 1 1 n 0", ("K7DPQM", 1, 1, False, 0, "")),
        ("K7D-PQM,5,7,oui,10", ("K7DPQM", 5, 7, True, 10, "")),
        ("K7D PQM 3 4 NON 6 trop d'attente", ("K7DPQM", 3, 4, False, 6, "trop d'attente")),
        ("  K7DPQM 2 2 yes 5  ", ("K7DPQM", 2, 2, True, 5, "")),
        ("K7DPQM 4 6 O 9 Merci, très bien", ("K7DPQM", 4, 6, True, 9, "Merci, très bien")),
        ("K7DPQM/4/6/no/8 ok", ("K7DPQM", 4, 6, False, 8, "ok")),
        # Portuguese and Arabic, as their posters say: S/sim/não, ن/ل, Arabic-Indic digits.
        ("K7DPQM 4 6 S 9 muito bom", ("K7DPQM", 4, 6, True, 9, "muito bom")),
        ("K7DPQM 2 3 não 4", ("K7DPQM", 2, 3, False, 4, "")),
        ("K7DPQM ٤ ٦ ن ١٠ شكرا", ("K7DPQM", 4, 6, True, 10, "شكرا")),
        ("K7DPQM ۲ ۳ ل ۴", ("K7DPQM", 2, 3, False, 4, "")),
    ],
)
def test_examples(text, expected):
    parsed = parse(text)
    answer = parsed.answer
    assert (parsed.code, answer.satisfaction, answer.effort, answer.resolved) == expected[:4]
    assert (answer.recommend, answer.comment) == expected[4:]


@pytest.mark.parametrize(
    ("text", "part", "reply"),
    [
        ("", "empty", "Send the service code from the poster"),
        ("hello 4 6 Y 9", "code", "“hello” is not a service code"),
        ("K7DPQM 0 6 Y 9", "satisfaction", "The 1st number (satisfaction) must be 1 to 5."),
        ("K7DPQM 4 9 Y 9", "effort", "The 2nd number (ease) must be 1 to 7. Send: K7DPQM 4 6 Y 9"),
        ("K7DPQM 4 6 maybe 9", "resolved", "The 3rd answer (resolved) must be Y or N."),
        ("K7DPQM 4 6", "resolved", "The 3rd answer (resolved) must be Y or N."),
        ("K7DPQM 4 6 Y 11", "recommend", "The 4th number (recommendation) must be 0 to 10."),
        ("K7DPQM 4 6 Y", "recommend", "Send: K7DPQM 4 6 Y 9 comment"),
        ("K7DPQM four 6 Y 9", "satisfaction", "must be 1 to 5"),
    ],
)
def test_errors_name_the_part_to_fix(text, part, reply):
    with pytest.raises(SmsError) as error:
        parse(text)
    assert error.value.part == part
    assert reply in error.value.message()


def test_a_correction_in_french():
    with pytest.raises(SmsError) as error:
        parse("K7DPQM 4 9 O 9")
    with translation.override("fr"):
        assert error.value.message() == (
            "Le 2e chiffre (facilité) doit aller de 1 à 7. "
            "Envoyez\u202f: K7DPQM 4 6 O 9 commentaire"
        )


def test_the_language_of_the_words():
    assert language_hint("K7DPQM 4 6 oui 9 merci très bien") == "fr"
    assert language_hint("K7DPQM 4 6 yes 9 the queue was short") == "en"
    assert language_hint("K7DPQM 4 6 Y 9") is None


# Properties ---------------------------------------------------------------------------------------
code_strategy = st.text(alphabet=codes.ALPHABET, min_size=6, max_size=6)
yes_words = st.sampled_from(["Y", "y", "yes", "YES", "O", "oui", "Oui"])
no_words = st.sampled_from(["N", "n", "no", "NO", "non", "Non"])
separator = st.sampled_from([" ", "  ", ",", ", ", ";", "/", "\t"])
comment = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=200).map(
    str.strip
)


@given(
    code=code_strategy,
    satisfaction=st.integers(1, 5),
    effort=st.integers(1, 7),
    resolved=st.booleans(),
    recommend=st.integers(0, 10),
    yes=yes_words,
    no=no_words,
    sep=separator,
    comment=comment,
    lower=st.booleans(),
)
def test_every_valid_message_reads_back(
    code, satisfaction, effort, resolved, recommend, yes, no, sep, comment, lower
):
    word = yes if resolved else no
    text = sep.join([code.lower() if lower else code, str(satisfaction), str(effort), word])
    text += f"{sep}{recommend}" + (f" {comment}" if comment else "")
    parsed = parse(text)
    assert parsed.code == code
    answer = parsed.answer
    assert (answer.satisfaction, answer.effort, answer.resolved) == (
        satisfaction,
        effort,
        resolved,
    )
    # The separators between the last number and the comment are not part of it.
    assert answer.recommend == recommend
    assert answer.comment == re.sub(r"^[\s,;/]+", "", comment).strip()


@given(st.text(max_size=300))
def test_any_text_parses_or_names_a_part(text):
    try:
        parsed = parse(text)
    except SmsError as error:
        assert error.part in {"empty", "code", "satisfaction", "effort", "resolved", "recommend"}
        assert error.message()
    else:
        answer = parsed.answer
        assert codes.normalise(parsed.code) == parsed.code
        assert 1 <= answer.satisfaction <= 5 and 1 <= answer.effort <= 7
        assert 0 <= answer.recommend <= 10 and isinstance(answer.resolved, bool)


@given(code=code_strategy, effort=st.integers(8, 99) | st.integers(0, 0))
def test_an_effort_out_of_range_is_named(code, effort):
    with pytest.raises(SmsError) as error:
        parse(f"{code} 3 {effort} Y 5")
    assert error.value.part == "effort"
