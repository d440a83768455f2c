"""What a PDF holds, read back with pypdf: its text, its fonts, its pages."""

import io

import pypdf


def pdf_text(data):
    """The PDF's text, whitespace collapsed (long names wrap over lines)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def pdf_fonts(data):
    """The base names of the fonts the PDF embeds, without their subset prefix."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for key in fonts:
            names.add(str(fonts[key].get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def pdf_pages(data):
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)
