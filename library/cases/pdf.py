"""A case study's print-ready PDF (awards_site/pdf/rendering.py, WeasyPrint, imported only when
a PDF is asked for), in the page's language."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from awards_site.pdf.rendering import FONT_FACES, render_pdf


def case_study_pdf(page):
    with translation.override(page.locale.language_code):
        html = render_to_string(
            "library/cases/pdf/case_study.html",
            {"page": page, "font_faces": mark_safe(FONT_FACES)},  # our own constant
        )
    return render_pdf(html)
