"""The entry's files in the judge portal: its evidence files and a PDF copy of the version the
judge was given, once the judge has checked for a conflict."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect

from judging.portal.access import assignment_required
from nominations.models import EvidenceFile
from nominations.sending import versions
from nominations.wizard.evidence import evidence_response


@assignment_required
def evidence(request, assignment, evidence_id):
    if assignment.conflict_checked_at is None:
        return redirect("judging:entry", assignment_id=assignment.pk)
    file = get_object_or_404(EvidenceFile, pk=evidence_id, nomination=assignment.nomination_id)
    return evidence_response(file)


@assignment_required
def pdf_copy(request, assignment):
    from nominations.pdf import nomination_pdf

    if assignment.conflict_checked_at is None:
        return redirect("judging:entry", assignment_id=assignment.pk)
    nomination = assignment.nomination
    given = assignment.nomination_version
    content = nomination_pdf(
        versions.as_nomination(given, nomination) if given else nomination,
        request,
        without_nominator=assignment.round.hide_nominator,
        evidence=versions.evidence_of(given) if given else None,
    )
    response = HttpResponse(content, content_type="application/pdf")
    name = nomination.reference or f"entry-{assignment.pk}"
    response["Content-Disposition"] = f'attachment; filename="entry-{name}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
