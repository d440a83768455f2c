"""PDF rendering with WeasyPrint, shared by certificates and reports.

- WeasyPrint is imported on first use: it takes over a second to import and most processes
  never render a PDF.
- Fonts ship with the project (static/fonts, DejaVu: Latin with every accent, Greek, Cyrillic,
  Arabic...). `FONT_FACES` declares them for a document's stylesheet as "CX Sans" and
  "CX Serif", so a PDF looks the same on every machine. DejaVu Serif has no Arabic: say
  `font-family: "CX Serif", "CX Sans"` so such names fall back to the shipped sans.
- Nothing is fetched from the network while rendering: the one URL fetcher, shared by every
  document (a new fetcher per document costs about 30% of a certificate's time), reads only
  files under static/ and data: URIs, and refuses everything else.
"""

from pathlib import Path

from django.conf import settings

STATIC_DIR = Path(settings.BASE_DIR) / "static"
FONTS_DIR = STATIC_DIR / "fonts"


def _face(family, file, weight="normal", style="normal"):
    url = (FONTS_DIR / file).as_uri()
    return (
        f'@font-face {{ font-family: "{family}"; src: url("{url}"); '
        f"font-weight: {weight}; font-style: {style}; }}"
    )


FONT_FACES = "\n".join(
    [
        _face("CX Sans", "DejaVuSans.ttf"),
        _face("CX Sans", "DejaVuSans-Bold.ttf", weight="bold"),
        _face("CX Serif", "DejaVuSerif.ttf"),
        _face("CX Serif", "DejaVuSerif-Bold.ttf", weight="bold"),
        _face("CX Serif", "DejaVuSerif-Italic.ttf", style="italic"),
    ]
)

_fetcher = None


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


def render_pdf(html):
    """The PDF (bytes) of an HTML document. Relative URLs resolve against static/, so a
    template can say <img src="img/logo.svg">."""
    from weasyprint import HTML

    return HTML(
        string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=url_fetcher()
    ).write_pdf()
