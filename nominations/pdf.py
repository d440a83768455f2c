"""A PDF copy of a nomination, rendered through awards_site.pdf.rendering (WeasyPrint, imported
only when
a PDF is asked for; the bundled fonts, so answers in any script print)."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from awards_site.pdf.rendering import FONT_FACES, render_pdf
from nominations.answers import answer_sections
from nominations.wizard import measured


def nomination_pdf(nomination, request=None, without_nominator=False, evidence=None):
    """The PDF; `without_nominator` leaves out who nominated (the judges' copy). A version's
    copy passes its unsaved nomination (versions.as_nomination) and its `evidence` list."""
    with translation.override(nomination.language or translation.get_language()):
        html = render_to_string(
            "nominations/pdf/nomination.html",
            {
                "nomination": nomination,
                "answer_sections": answer_sections(
                    nomination, None, without_nominator=without_nominator
                ),
                "evidence": nomination.evidence.all() if evidence is None else evidence,
                "measured": measured.shown(nomination.measured_results),
                "font_faces": mark_safe(FONT_FACES),  # our own constant
            },
        )
    return render_pdf(html)
