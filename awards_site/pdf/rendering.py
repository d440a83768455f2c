"""PDF rendering with WeasyPrint, shared by certificates, nomination copies and reports.

- WeasyPrint is imported on first use: it takes over a second to import and most processes
  never render a PDF.
- Fonts ship with the project (static/fonts/, awards_site/pdf/fonts.py): Noto for Latin with
  every African letter and tone mark, Arabic, Ethiopic, Tifinagh, N'Ko, Adlam, Vai and the other
  African scripts, Noto Emoji, and DejaVu Sans for the remaining symbols. `FONT_FACES` declares
  them for a document's stylesheet, with the custom properties `--sans` and `--serif` (the
  family lists a document names: `font-family: var(--serif)`), so every script finds its font.
- Documents are rendered with those fonts only, never the machine's: a PDF looks the same on a
  developer's machine with Debian's Noto packages and on a server without them. Each thread
  keeps one WeasyPrint font configuration (an empty fontconfig setup plus the bundled faces),
  so the fonts are loaded once per process, not once per document.
- Nothing is fetched from the network while rendering: the one URL fetcher, shared by every
  document (a new fetcher per document costs about 30% of a certificate's time), reads only
  files under static/ and data: URIs, and refuses everything else.
- User text (a name, an answer) goes in an element with `dir="{{ text|text_direction }}"`
  (awards_site.templatetags.site_tags): WeasyPrint ignores `dir="auto"`, so Arabic, N'Ko or
  Adlam text is set right to left from its first letter.
"""

import os
import threading
from pathlib import Path

from django.conf import settings

from awards_site.pdf.fonts import FONTS_DIR, SANS_STACK, SERIF_STACK, load_manifest

STATIC_DIR = Path(settings.BASE_DIR) / "static"
# A fontconfig setup without any font folder: documents see only their @font-face fonts.
FONTCONFIG_FILE = Path(__file__).resolve().parent / "fontconfig.xml"


def _face(face):
    url = (FONTS_DIR / face["file"]).as_uri()
    unicode_range = f" unicode-range: {face['unicode_range']};" if face["unicode_range"] else ""
    return (
        f'@font-face {{ font-family: "{face["family"]}"; src: url("{url}"); '
        f"font-weight: {face['weight']}; font-style: {face['style']};{unicode_range} }}"
    )


FONT_FACES = "\n".join(
    [
        *(_face(face) for face in load_manifest()),
        f":root {{ --sans: {SANS_STACK}; --serif: {SERIF_STACK}; }}",
    ]
)

_fetcher = None
_local = threading.local()
_environment = threading.Lock()


def url_fetcher():
    """The shared fetcher (created on first use, after WeasyPrint is imported)."""
    global _fetcher
    if _fetcher is None:
        from weasyprint.urls import URLFetcher

        class LocalOnlyFetcher(URLFetcher):
            def fetch(self, url, headers=None):
                if url.startswith("data:"):
                    return super().fetch(url, headers)
                if url.startswith("file:"):
                    path = Path(url.split("?")[0].removeprefix("file://")).resolve()
                    if path.is_relative_to(STATIC_DIR.resolve()):
                        return super().fetch(url, headers)
                raise ValueError(f"PDFs read only the project's static files, not {url}")

        _fetcher = LocalOnlyFetcher(allowed_protocols=("file", "data"))
    return _fetcher


def font_configuration():
    """This thread's WeasyPrint font configuration: no system font, the bundled faces added
    by the first document that declares them (Pango's font maps are not shared across
    threads). fontconfig reads FONTCONFIG_FILE when the configuration is created, so the
    variable points at our empty setup only for that moment."""
    config = getattr(_local, "font_config", None)
    if config is None:
        from weasyprint.text.fonts import FontConfiguration

        with _environment:
            previous = os.environ.get("FONTCONFIG_FILE")
            os.environ["FONTCONFIG_FILE"] = str(FONTCONFIG_FILE)
            try:
                config = FontConfiguration()
            finally:
                if previous is None:
                    del os.environ["FONTCONFIG_FILE"]
                else:
                    os.environ["FONTCONFIG_FILE"] = previous
        _local.font_config = config
    return config


def render_pdf(html):
    """The PDF (bytes) of an HTML document. Relative URLs resolve against static/, so a
    template can say <img src="img/logo.svg">."""
    from weasyprint import HTML

    return HTML(
        string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=url_fetcher()
    ).write_pdf(font_config=font_configuration())
