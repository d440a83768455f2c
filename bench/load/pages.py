"""What the simulated users read from a page, as a browser would: a form's hidden fields (the
CSRF token, the wizard's management form), the options of its radio groups and lists, and the
message of an error summary. BeautifulSoup comes with Wagtail; only <form> elements are built,
to keep the load tool's own CPU use small on a machine it shares with the site."""

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, SoupStrainer

ONLY_FORMS = SoupStrainer("form")
ERROR_SUMMARY = re.compile(r'class="error-summary".*?</div>', re.S)
TAGS = re.compile(r"<[^>]+>")


@dataclass
class Form:
    action: str
    hidden: dict[str, str] = field(default_factory=dict)
    choices: dict[str, list[str]] = field(default_factory=dict)  # radio groups and <select>s
    names: set[str] = field(default_factory=set)  # every named field and button

    def data(self, **values):
        """The hidden fields plus the given values: what the browser sends."""
        return {**self.hidden, **values}


def forms(html):
    found = []
    for element in BeautifulSoup(html, "html.parser", parse_only=ONLY_FORMS).find_all("form"):
        form = Form(action=element.get("action") or "")
        for control in element.find_all(["input", "select", "textarea", "button"]):
            name = control.get("name")
            if not name:
                continue
            form.names.add(name)
            kind = (control.get("type") or "").lower()
            if control.name == "input" and kind == "hidden":
                form.hidden[name] = control.get("value", "")
            elif control.name == "input" and kind == "radio":
                form.choices.setdefault(name, []).append(control.get("value", ""))
            elif control.name == "select":
                form.choices[name] = [
                    option.get("value", "")
                    for option in control.find_all("option")
                    if option.get("value")
                ]
        found.append(form)
    return found


def form_with(html, name):
    """The page's form that has a field (or button) of this name; None when there is none."""
    return next((form for form in forms(html) if name in form.names), None)


def form_posting_to(html, action):
    """The page's form sent to this address; None when there is none."""
    return next((form for form in forms(html) if form.action == action), None)


def error_summary(html):
    """The text of the page's error summary, for the failure report ("" when there is none)."""
    match = ERROR_SUMMARY.search(html)
    if not match:
        return ""
    return " ".join(TAGS.sub(" ", match.group(0)).split())[:300]
