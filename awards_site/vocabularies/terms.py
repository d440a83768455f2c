"""One declaration per vocabulary: the project's way of keeping a set of statuses or kinds.

A vocabulary is a tuple of terms, each a frozen dataclass that carries everything the project
knows about that term: its stored value, its label (marked for translation), and the flags and
wordings the code and templates read. Everything else is derived from it:

- the model field's choices: a module-level function returning `VOCABULARY.choices`, passed as
  `choices=`. Django keeps a callable's reference in migrations, not its list, so a new term
  needs no migration (the system checks still hold every value to the field's max_length);
- the enum the code names terms with (`VOCABULARY.enum("Name")`: a TextChoices whose members are
  the values in upper case, so `Name.WINNER == "winner"`);
- groups of terms (`VOCABULARY.values(sent=False)`) in place of hand-kept lists.

Adding a term is then one entry in its vocabulary plus its translations; docs/architecture.md
shows the diff, and tests/site/test_vocabularies.py holds every vocabulary to the database.
"""

import sys
from dataclasses import dataclass, fields

from django.db import models
from django.utils.functional import Promise


@dataclass(frozen=True)
class Term:
    value: str
    label: Promise | str

    def __str__(self):
        return str(self.label)


class Vocabulary:
    def __init__(self, name, terms):
        self.name = name
        self.terms = tuple(terms)
        self._by_value = {term.value: term for term in self.terms}
        if len(self._by_value) != len(self.terms):
            raise ValueError(f"{name}: two terms share a value")

    def __iter__(self):
        return iter(self.terms)

    def __len__(self):
        return len(self.terms)

    def __contains__(self, value):
        return value in self._by_value

    def __getitem__(self, value):
        return self._by_value[value]

    def get(self, value, default=None):
        return self._by_value.get(value, default)

    def where(self, **flags):
        """The terms whose attributes have these values, in declaration order."""
        unknown = set(flags) - {f.name for f in fields(self.terms[0])}
        if unknown:
            raise AttributeError(f"{self.name} terms have no {', '.join(sorted(unknown))}")
        return tuple(
            term
            for term in self.terms
            if all(getattr(term, name) == wanted for name, wanted in flags.items())
        )

    def values(self, **flags):
        return tuple(term.value for term in self.where(**flags))

    @property
    def choices(self):
        return [(term.value, term.label) for term in self.terms]

    def label(self, value):
        """The term's label, or the value itself when it is not (or no longer) a term."""
        term = self.get(value)
        return term.label if term else value

    def enum(self, name, terms=None):
        """A TextChoices of these terms (or of some of them), named by value in upper case."""
        members = [
            (term.value.upper(), (term.value, term.label))
            for term in (self.terms if terms is None else terms)
        ]
        # Named after the module that declares it, as a class statement there would be.
        return models.TextChoices(name, members, module=sys._getframe(1).f_globals["__name__"])
