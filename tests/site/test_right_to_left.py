"""One stylesheet serves both directions (issue 17): static/css/site.css and the style attributes
of the site's templates use logical properties (margin-inline-start, text-align: start...), never
a physical side, so Arabic pages (dir="rtl") mirror by themselves. The certificates' and reports'
PDF templates place things on a fixed A4 page and are checked on the PDFs themselves
(tests/judging/certificates/test_pdf.py)."""

import re
from pathlib import Path

from django.conf import settings

# A declaration naming a physical side: margin-left, padding-right, border-left-width,
# text-align: right, float: left, clear: right, left: 0 (positioning)...
PHYSICAL = re.compile(
    r"(?<![\w-])(?:(?:margin|padding|border|inset)-(?:left|right)[\w-]*\s*:"
    r"|(?:text-align|float|clear)\s*:\s*(?:left|right)\b"
    r"|(?:left|right)\s*:)",
    re.IGNORECASE,
)
STYLE_ATTRIBUTE = re.compile(r'style="([^"]*)"')
APPS = ["awards_site", "cms", "feedback", "judging", "library", "nominations"]


def physical_declarations(css):
    without_comments = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return PHYSICAL.findall(without_comments)


def test_the_detector_finds_physical_sides():
    assert physical_declarations(".a { margin-left: 1rem; text-align: right }") == [
        "margin-left:",
        "text-align: right",
    ]
    assert physical_declarations(".a { position: absolute; left: 0; float:left }") == [
        "left:",
        "float:left",
    ]
    assert physical_declarations(".a { margin-inline-start: 1rem; text-align: start }") == []
    assert physical_declarations("/* margin-left: 0 */ .a { border-inline-end: 0 }") == []


def test_the_site_stylesheet_uses_logical_properties_only():
    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    assert physical_declarations(css) == []


def test_no_template_of_the_site_sets_a_physical_side_inline():
    found = {}
    for app in APPS:
        for template in (Path(settings.BASE_DIR) / app).glob("templates/**/*.html"):
            if "/pdf/" in template.as_posix() or template.name == "certificate.html":
                continue  # a PDF: a fixed page, checked on the PDF
            for style in STYLE_ATTRIBUTE.findall(template.read_text()):
                if physical_declarations(style):
                    found[str(template.relative_to(settings.BASE_DIR))] = style
    assert found == {}
