"""The guides and tools library's vocabularies (awards_site/vocabularies/terms.py): what a
resource is, the language it is written or spoken in, and the licence it is shared under.
Model fields take their choices from the functions below, so a new term needs no migration."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from awards_site.vocabularies.terms import Term, Vocabulary


@dataclass(frozen=True)
class ResourceKind(Term):
    # Whether a resource of this kind is watched rather than downloaded (a link, never a file).
    link_only: bool = False


KINDS = Vocabulary(
    "resource kind",
    [
        ResourceKind("guide", _("Guide")),
        ResourceKind("template", _("Template")),
        ResourceKind("checklist", _("Checklist")),
        ResourceKind("training_deck", _("Training deck")),
        ResourceKind("video", _("Video link"), link_only=True),
    ],
)
Kind = KINDS.enum("Kind")


def kind_choices():
    return KINDS.choices


# The language of the resource itself (not of the page it is listed on): the site's languages
# and the other languages most of the continent's public services work in.
LANGUAGES = Vocabulary(
    "resource language",
    [
        Term("en", _("English")),
        Term("fr", _("French")),
        Term("pt", _("Portuguese")),
        Term("ar", _("Arabic")),
        Term("sw", _("Kiswahili")),
        Term("am", _("Amharic")),
        Term("ha", _("Hausa")),
        Term("yo", _("Yoruba")),
        Term("zu", _("isiZulu")),
        Term("so", _("Somali")),
        Term("other", _("Another language")),
    ],
)


def language_choices():
    return LANGUAGES.choices


@dataclass(frozen=True)
class Licence(Term):
    # Where the licence's text is read; empty when there is no public text.
    url: str = ""


LICENCES = Vocabulary(
    "resource licence",
    [
        Licence("cc-by-4.0", _("CC BY 4.0"), "https://creativecommons.org/licenses/by/4.0/"),
        Licence(
            "cc-by-sa-4.0", _("CC BY-SA 4.0"), "https://creativecommons.org/licenses/by-sa/4.0/"
        ),
        Licence(
            "cc-by-nc-4.0", _("CC BY-NC 4.0"), "https://creativecommons.org/licenses/by-nc/4.0/"
        ),
        Licence(
            "public-domain",
            _("Public domain (CC0)"),
            "https://creativecommons.org/publicdomain/zero/1.0/",
        ),
        Licence("permission", _("All rights reserved, shared with permission")),
    ],
)


def licence_choices():
    return LICENCES.choices
