"""Demo data of the judging app, loaded after the nominations demo (cms/demo/loader.py):
The parts, each in its module of this package (rubrics.py, judges.py, scoresheets.py,
open_cycle.py, closed_cycle.py, certificates.py):
- a screening rubric (1 to 5) and a final rubric (0 to 10), drawn from the programme's criteria;
- six judges (judge1..judge6@demo.test) with profiles, on the panels of both cycles, a few
  declared conflicts and the clearances an administrator gave for likely ones;
- for the open 2027 cycle, a screening round open now, assigned by the real assignment run, with
  submitted and draft scoresheets and untouched assignments for every demo judge;
- a closed 2026 cycle with 20 nominations, a screening and a final round fully scored, the
  decisions (shortlist, then winner, merit and finalists per category) and published results;
- three certificate signatories (with generated signature images) on both cycles, and the 2026
  cycle's certificates issued from its final round (winners, finalists, merit, participation,
  judges); their PDFs are made on first download, not here.

Deterministic (seeded by references and emails, not by database ids) and safe to run again:
what exists is kept.

Everything that changes results goes through the services the site itself uses, at the demo's
dates, so the audit log tells the demo's story like a real one: eligibility
(nominations/review/eligibility.py), conflicts and clearances (judging/panel/conflicts.py),
scoresheets
saved and submitted (judging/scoring/rules.py), decisions and publishing
(judging/results/decisions.py, without emailing anyone).
"""

from django.conf import settings
from django.contrib.auth import get_user_model

from judging.demo.certificates import load_certificates
from judging.demo.closed_cycle import load_closed_cycle
from judging.demo.judges import load_judges
from judging.demo.open_cycle import load_open_cycle

# The demo rubrics' names, where the demo's callers look for them (its tests).
from judging.demo.rubrics import FINAL_RUBRIC as FINAL_RUBRIC
from judging.demo.rubrics import SCREENING_RUBRIC as SCREENING_RUBRIC
from judging.demo.rubrics import load_rubrics
from nominations.models import AwardCycle


def load(password=None, admin=None):
    """Load the judging demo; `password` for the judges it creates (the demo password)."""
    password = password or settings.DEMO_PASSWORD
    admin = admin or get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    screening, final = load_rubrics()
    judges = load_judges(password, admin)
    current = AwardCycle.objects.get(code="CX27")
    load_open_cycle(current, screening, judges, admin)
    closed = load_closed_cycle(current, screening, final, judges, admin)
    load_certificates(current, closed, admin)
