"""Reports of a cycle (or one of its categories) for sponsors and administrators.

access.py       who sees which report (the visibility rule) and the ReportScope
figures.py      the key figures, each a database aggregate
workbook.py     the Excel workbook (openpyxl, write-only, native charts)
charts.py       small SVG charts for the PDF
summary_pdf.py  the PDF summary (WeasyPrint through awards_site.pdf.rendering)
admin_views.py  the administrators' "Cycle reports" screen in the Wagtail admin
"""
