"""Hypothesis strategies for throwing hostile input at the site's forms: any Unicode text (with
NUL and other control characters, right-to-left marks, emoji), very long strings, numbers too big,
negative or not numbers at all, malformed dates, lists where one value is expected, fields left
out and fields nobody asked for. Used by the fuzz tests of this package."""

import string

from hypothesis import strategies as st

# Characters that have tripped up web forms and what stores or exports their values: NUL
# (PostgreSQL refuses it in text), other C0 controls and DEL (not allowed in XML, so not in
# xlsx or PDF exports), right-to-left overrides, zero-width and non-breaking spaces, emoji
# with joiners, a lone combining mark, a byte-order mark.
AWKWARD_CHARACTERS = (
    "\x00",
    "\x01",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x1f",
    "\x7f",
    "\x85",
    "\u200b",
    "\u200f",
    "\u202e",
    "\u2028",
    "\ufeff",
    "\ufffd",
    "\u00a0",
    "\u0301",
    "👩🏾‍💻",
    "🇰🇪",
    "مرحبا",
    "שלום",
    "漢字",
    "\t",
    "\r\n",
)

# Values that look like something they are not: numbers out of range or not numbers at all,
# impossible dates, markup, template and SQL syntax, words some parsers treat as values.
TRICKY_VALUES = (
    "",
    " ",
    "\u00a0",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "1e999",
    "-1e999",
    "1e-999",
    "0x1F",
    "1_000",
    "١٢٣",  # Arabic-Indic digits
    "１２",  # full-width digits
    "²",  # a digit for str.isdigit(), not for int()
    "9" * 40,
    "-" + "9" * 40,
    "9" * 5000,  # beyond Python's limit for int() of a string
    "-0",
    "0.0000000001",
    "5.",
    ".5",
    "2024-02-30",
    "31/12/1999",
    "0000-00-00",
    "2024-13-01T25:61:00",
    "9999-99-99",
    "None",
    "null",
    "true",
    "false",
    "[]",
    "{}",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7|add:7 }}",
    "{% debug %}",
    "%s%s%n",
    "' OR 1=1 --",
    "../../etc/passwd",
    "javascript:alert(1)",
    "https://evil.example/",
    "//evil.example",
)

# Any Unicode scalar value that can travel in UTF-8 (surrogates cannot), controls included.
any_character = st.characters(exclude_categories=["Cs"])

arbitrary_text = st.text(alphabet=any_character, max_size=60)

awkward_text = st.lists(
    st.one_of(st.sampled_from(AWKWARD_CHARACTERS), st.text(alphabet=any_character, max_size=5)),
    min_size=1,
    max_size=8,
).map("".join)

# A few thousand to twelve thousand characters: a short piece repeated (hypothesis cannot draw
# that much text directly, and the content matters less than the length here).
long_text = st.builds(
    lambda piece, length: (piece * (length // len(piece) + 1))[:length],
    st.text(alphabet=any_character, min_size=1, max_size=4),
    st.integers(min_value=2_000, max_value=12_000),
)

numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)

dates = st.one_of(
    st.dates().map(str),
    st.datetimes().map(lambda moment: moment.isoformat()),
    st.tuples(st.integers(-1, 10_000), st.integers(-1, 99), st.integers(-1, 99)).map(
        lambda parts: "-".join(str(part) for part in parts)
    ),
)

# Well-formed addresses whose length is the problem (databases keep 254 characters at most),
# or whose domain is not ASCII.
long_emails = st.builds(
    lambda local_length, domain: "a" * local_length + "@" + domain,
    st.integers(min_value=1, max_value=330),
    st.sampled_from(["example.org", "exämple.org", "例え.jp", "x" * 63 + ".example", "ex.ample"]),
)

scalar = st.one_of(
    arbitrary_text,
    awkward_text,
    st.sampled_from(TRICKY_VALUES),
    numbers,
    dates,
    long_text,
    long_emails,
)

# Several values under one name, where the form expects one.
several = st.lists(scalar, min_size=2, max_size=3)

hostile_value = st.one_of(scalar, several)

extra_fields = st.dictionaries(
    st.text(alphabet=string.ascii_lowercase + "_-[]", min_size=1, max_size=12).map(
        lambda name: f"extra_{name}"
    ),
    hostile_value,
    max_size=3,
)

# What to do with each field of a valid submission. "keep" first, so a failing example shrinks
# towards the smallest change that breaks the form.
MUTATIONS = ("keep", "replace", "append", "drop", "several")


@st.composite
def mutated(draw, valid, fixed=(), replacements=None):
    """A submission built from a valid one: each field kept, replaced by a hostile value, with
    hostile text appended, left out, or sent several times; plus a few fields nobody asked for.
    Fields named in `fixed` (buttons, management fields) stay as they are; `replacements` maps
    a field to values worth trying besides the hostile ones."""
    replacements = replacements or {}
    data = {}
    for name, good in valid.items():
        if name in fixed:
            data[name] = good
            continue
        mutation = draw(st.sampled_from(MUTATIONS))
        if mutation == "keep":
            data[name] = good
        elif mutation == "replace" and name in replacements:
            data[name] = draw(st.one_of(replacements[name], hostile_value))
        elif mutation == "replace":
            data[name] = draw(hostile_value)
        elif mutation == "append":
            data[name] = good + draw(st.one_of(awkward_text, arbitrary_text, long_text))
        elif mutation == "several":
            data[name] = [good, draw(scalar)]
        # "drop": the field is not sent at all
    data.update(draw(extra_fields))
    return data


def last(value):
    """The value a form reads when a name was sent several times (QueryDict.get: the last)."""
    return value[-1] if isinstance(value, list) else value
