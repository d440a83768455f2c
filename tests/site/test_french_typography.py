"""French as French readers expect it (issue 12): a narrow no-break space (U+202F) before
« : ; ? ! » and inside « guillemets », never a plain space there (the line could break before
the sign) nor no space at all ("Langue: fr"); the typographic apostrophe; language names in
lower case inside a sentence; one status word and a date, not « Envoyée · envoyée le ».

The catalogue follows the rules in every translation and keeps the English's placeholders and
HTML; the pages and emails built from it, and from templates that put a label and its value
together, read that way too, on every French page of the demo site and of each role's
journey. Text people wrote themselves (answers, comments: `dir="auto"`) and text marked as
another language (`lang`, an article not translated yet) are theirs, not ours."""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from wagtail.models import Page

from cms.models import SponsorMember
from judging.models import JudgeProfile
from nominations import tasks
from nominations.models import Nomination
from tests.pages import page_text

pytestmark = pytest.mark.django_db

NNBSP = "\u202f"
CATALOGUE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sd]|%[sd]|\{[a-z_0-9]*\}|%%")
TAG = re.compile(r"<[^>]+>")


def badly_spaced(text):
    """Every « : ; ? ! » or » without its narrow no-break space before it, and every « without
    one after it, with some context. A sign glued to a word and followed by more of it is not
    French punctuation (https://, 10:30, ?page=2) and is left alone."""
    found = []
    for match in re.finditer(r"(.)([:;?!»])(?=[\s)»,.]|$)", text):
        if match.group(1) != NNBSP:
            found.append(text[max(0, match.start() - 30) : match.end() + 10])
    for match in re.finditer(r"«(.)", text):
        if match.group(1) != NNBSP:
            found.append(text[max(0, match.start() - 10) : match.end() + 30])
    return found


def catalogue():
    """The catalogue's entries: (msgid, msgid_plural, [msgstr...], flags), obsolete ones left
    out."""
    entries, entry, key = [], None, None
    for line in [*CATALOGUE.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip() or line.startswith("#~"):
            if entry and entry["msgid"]:
                entries.append(entry)
            entry, key = None, None
            continue
        entry = entry or {"msgid": "", "plural": "", "msgstr": [], "flags": ""}
        if line.startswith("#,"):
            entry["flags"] += line
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid_plural "):
            key, entry["plural"] = "plural", ast.literal_eval(line[13:])
        elif line.startswith("msgid "):
            key, entry["msgid"] = "msgid", ast.literal_eval(line[6:])
        elif line.startswith("msgstr"):
            key = "msgstr"
            entry["msgstr"].append(ast.literal_eval(line.split(" ", 1)[1]))
        elif line.startswith("msgctxt "):
            key = "msgctxt"
        elif line.startswith('"') and key == "msgstr":
            entry["msgstr"][-1] += ast.literal_eval(line)
        elif line.startswith('"') and key in ("msgid", "plural"):
            entry[key] += ast.literal_eval(line)
    return entries


def test_every_french_translation_is_typeset():
    entries = catalogue()
    assert len(entries) > 1000
    problems = []
    for entry in entries:
        english = entry["msgid"] + entry["plural"]
        for form, french in enumerate(entry["msgstr"]):
            where = f"{entry['msgid'][:60]!r} -> {french!r}"
            if not french or "fuzzy" in entry["flags"]:
                problems.append(f"not translated: {where}")
                continue
            text = PLACEHOLDER.sub("X", TAG.sub("", french))
            problems += [f"space in {bad!r}: {where}" for bad in badly_spaced(text)]
            if re.search(r"\w'\w", text):
                problems.append(f"straight apostrophe (’): {where}")
            if '"' in text or "“" in text:
                problems.append(f"English quotation marks (« »): {where}")
            source = entry["plural"] if form and entry["plural"] else entry["msgid"]
            if sorted(TAG.findall(french)) != sorted(TAG.findall(source)):
                problems.append(f"HTML differs: {where}")
            wanted = set(PLACEHOLDER.findall(english))
            given = set(PLACEHOLDER.findall(french))
            # A singular may say "un" instead of its count; nothing else may go or come.
            if given - wanted or (wanted - given and not (entry["plural"] and form == 0)):
                problems.append(f"placeholders differ: {where}")
    assert problems == []


class VisibleText(HTMLParser):
    """A page's text as a French reader gets it, spaces as they are, without the text people
    wrote (dir="auto") or marked as another language (lang="en")."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}

    def __init__(self):
        super().__init__()
        self.parts, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.VOID:
            return
        theirs = attrs.get("dir") == "auto" or not (attrs.get("lang") or "fr").startswith("fr")
        self.stack.append((tag, theirs or tag in ("script", "style")))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not any(skipped for _tag, skipped in self.stack):
            self.parts.append(data)

    @classmethod
    def of(cls, response):
        parser = cls()
        parser.feed(response.content.decode())
        return "".join(parser.parts)


def french_content_pages():
    """Every live French page of the demo site, aliases of untranslated English pages left
    out (they show the English)."""
    pages = Page.objects.live().filter(locale__language_code="fr", depth__gt=1, alias_of=None)
    return [page.url for page in pages.specific()]


def role_pages(client):
    """The French pages of the visitor's, the nominator's, the judge's and the sponsor's
    journeys."""
    for path in ["/fr/nominate/", "/fr/accounts/login/", "/fr/accounts/signup/"]:
        yield path, client.get(path)
    nomination = Nomination.objects.filter(nominator__email="nominator@demo.test").submitted()[0]
    client.force_login(nomination.nominator)
    for path in ["/fr/my-nominations/", f"/fr/my-nominations/{nomination.uuid}/", "/fr/my-data/"]:
        yield path, client.get(path)
    client.force_login(JudgeProfile.objects.get(user__email="judge1@demo.test").user)
    yield "/fr/judging/", client.get("/fr/judging/")
    client.force_login(SponsorMember.objects.get(user__email="sponsor@demo.test").user)
    yield "/fr/sponsors/", client.get("/fr/sponsors/")


def test_the_french_pages_are_typeset(client):
    pages = french_content_pages()
    assert len(pages) > 20
    problems = {}
    for path, response in [(path, client.get(path)) for path in pages] + list(role_pages(client)):
        assert response.status_code == 200, path
        text = VisibleText.of(response)
        found = badly_spaced(text) + re.findall(r".{20}\w'\w.{10}", text)
        if found:
            problems[path] = found
    assert problems == {}


def test_the_french_emails_are_typeset():
    nomination = Nomination.objects.filter(nominator__email="nominator@demo.test").submitted()[0]
    Nomination.objects.filter(pk=nomination.pk).update(language="fr")
    mail.outbox.clear()
    tasks.send_submission_confirmation.enqueue(nomination.pk)
    body = mail.outbox[-1].body
    assert f"Organisme{NNBSP}: {nomination.organisation_name}" in body
    assert badly_spaced(body.replace(nomination.initiative_title, "")) == []


def test_a_sent_nomination_says_sent_once(client):
    """One status word and the date: « Envoyée le 3 juillet… », not « Envoyée · envoyée le »;
    a nomination further on keeps its status and says when it was sent."""
    sent = Nomination.objects.filter(nominator__email="nominator@demo.test").submitted()
    sent = sent.filter(status="submitted").first()
    client.force_login(sent.nominator)
    text = page_text(client.get(f"/fr/my-nominations/{sent.uuid}/"))
    assert re.search(r"Envoyée le \d", text)
    assert not re.search(r"Envoyée\W+envoyée", text, flags=re.I)
    english = page_text(client.get(f"/my-nominations/{sent.uuid}/"))
    assert re.search(r"Sent on \d", english) and "Submitted" not in english
    Nomination.objects.filter(pk=sent.pk).update(status="eligible")
    text = page_text(client.get(f"/fr/my-nominations/{sent.uuid}/"))
    assert re.search(r"Recevable · envoyée le \d", text)


def test_a_language_inside_a_sentence_is_in_lower_case(client):
    """The sponsor area says reports come « en français », not « en Français »."""
    member = SponsorMember.objects.get(user__email="sponsor@demo.test")
    member.user.language = "fr"
    member.user.save()
    client.force_login(member.user)
    text = page_text(client.get("/fr/sponsors/"))
    assert "en français, la langue de votre compte" in text
    assert "Français, la langue" not in text
