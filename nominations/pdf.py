"""A PDF copy of a nomination (WeasyPrint, imported only when a PDF is asked for: it is slow to
import and most requests never need it)."""

from django.template.loader import render_to_string
from django.utils import translation

from .answers import answer_sections


def nomination_pdf(nomination, request=None, without_nominator=False, evidence=None):
    """The PDF; `without_nominator` leaves out who nominated (the judges' copy). A version's
    copy passes its unsaved nomination (versions.as_nomination) and its `evidence` list."""
    from weasyprint import HTML

    with translation.override(nomination.language or translation.get_language()):
        html = render_to_string(
            "nominations/pdf/nomination.html",
            {
                "nomination": nomination,
                "answer_sections": answer_sections(
                    nomination, None, without_nominator=without_nominator
                ),
                "evidence": nomination.evidence.all() if evidence is None else evidence,
            },
        )
    # No base URL: the document uses only its inline stylesheet, nothing is fetched.
    return HTML(string=html).write_pdf()
