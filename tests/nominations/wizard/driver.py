"""Driving the nomination wizard in tests: valid answers for every step, uploads (a PDF, an
Office file) and `Wizard`, which walks the steps through the test client as a browser would."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from nominations.demo import minimal_pdf
from nominations.models import Category, Nomination
from nominations.wizard.drafts import step_digest
from nominations.wizard.forms import STEP_FORMS


def pdf_upload(name="report.pdf", content=None):
    return SimpleUploadedFile(
        name, content or minimal_pdf("Evidence"), content_type="application/pdf"
    )


def office_upload(name, inner):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(inner, "<xml/>")
    return SimpleUploadedFile(name, buffer.getvalue())


VALID_ANSWERS = {
    "organisation": {
        "organisation_name": "Ministère de la Fonction Publique et de la Réforme Administrative",
        "organisation_kind": "ministry",
        "country": "KE",
        "city": "Nairobi",
        "website": "https://www.example.gov",
    },
    "contact": {
        "contact_name": "Wanjiru Kamau",
        "contact_role": "Director of customer service",
        "contact_email": "wanjiru@example.gov",
        "contact_phone": "+254 700 000 000",
    },
    "initiative": {
        "initiative_title": "One-stop service centres",
        "summary": "Citizens get many services in one place.",
        "challenge": "People travelled far and queued for days.",
        "actions_people": "Staff were trained in customer care.",
        "actions_process": "Steps were removed and standards published.",
        "actions_technology": "A queue system and text messages.",
    },
    "results": {
        "results": "Waiting fell from five days to one.",
        "citizen_impact": "People save time and money.",
        "sustainability": "The model is now national policy.",
        "nps_before": "-12",
        "nps_after": "41",
        "customer_effort_score": "2.5",
        "first_contact_resolution": "78",
        "turnaround_before": "5",
        "turnaround_after": "1",
        "turnaround_unit": "days",
        "satisfaction": "88",
    },
    "declaration": {"accept": "on"},
}


def moved_on(response):
    """Whether a step's form went through: answered with the next step's page (the wizard shows
    it in answer to "Continue") or with a redirect, not with the same step and its errors."""
    if response.status_code == 302:
        return True
    if response.status_code != 200 or not response.context or "wizard" not in response.context:
        return False
    posted = response.wsgi_request.path.rstrip("/").rsplit("/", 1)[-1]
    return response.context["wizard"]["steps"].current != posted


class Wizard:
    """Drives the nomination wizard through the test client like a browser would."""

    def __init__(self, client):
        self.client = client
        self.uuid = None

    def start(self):
        response = self.client.post("/nominate/")
        assert response.status_code == 302, response
        self.uuid = response["Location"].split("/")[2]
        return response

    @property
    def nomination(self):
        return Nomination.objects.get(uuid=self.uuid)

    def url(self, step):
        return f"/nominate/{self.uuid}/{step}/"

    def loaded(self, step):
        """The revision and step digest a page of `step` opened now carries (drafts.py)."""
        current = self.nomination
        return {
            "revision": str(current.revision),
            "base": step_digest(current, STEP_FORMS[step]),
        }

    def form_data(self, step, answers=None, action="continue", **extra):
        """What the page of `step` opened now sends with `action`, with `answers`."""
        data = {
            f"nomination-{self.uuid}-current_step": step,
            action: extra.pop("action_value", "1"),
            **self.loaded(step),
        }
        for name, value in (answers or {}).items():
            data[name if name in {"return"} else f"{step}-{name}"] = value
        data.update(extra)
        return data

    def post(self, step, answers=None, action="continue", url=None, **extra):
        # As a page opened just now would send it, unless the test says otherwise.
        data = self.form_data(step, answers, action, **extra)
        return self.client.post(url or self.url(step), data)

    def category_answers(self):
        category = Category.objects.filter(cycle=self.nomination.cycle, is_active=True).first()
        return {"category": str(category.pk), "relation": "self", "eligibility_confirmed": "on"}

    def complete_all(self, upload=True):
        self.post("category", self.category_answers())
        for step in ("organisation", "contact", "initiative", "results"):
            response = self.post(step, VALID_ANSWERS[step])
            # The next step, shown in answer (nominations/wizard/views.py, render_next_step).
            assert moved_on(response), (step, response.context and response.context["form"].errors)
        if upload:
            self.client.post(
                self.url("evidence"),
                {
                    f"nomination-{self.uuid}-current_step": "evidence",
                    "upload": "1",
                    "evidence-file": pdf_upload(),
                },
            )
        self.post("evidence")
        self.post("declaration", VALID_ANSWERS["declaration"])

    def submit(self):
        return self.post("check")
