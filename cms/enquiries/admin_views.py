"""The administrators' list of enquiries (Wagtail's form submissions of an EnquiryFormPage),
whose downloads go through the site's writer (awards_site/exports.py). What a visitor types in
the enquiry form is the least trusted text the site keeps: it reaches the team's spreadsheets
as text, never as a formula."""

from wagtail.contrib.forms.views import SubmissionsListView

from awards_site import exports


class EnquirySubmissionsView(exports.SpreadsheetExport, SubmissionsListView):
    """Wagtail's list of a form's submissions, downloading through the site's writer."""
