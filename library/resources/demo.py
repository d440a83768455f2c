"""The demo's guides and tools (the `load_demo_part` hook, library/wagtail_hooks.py): eight
resources of every kind, in several languages and countries, from what the programme offers
its members (seed 000: "guides and tools to accompany public sector and not-for-profit actors",
used in workshops and training sessions). The document ones get small generated files: PDFs
rendered by awards_site/pdf/rendering.py and plain-text checklists, each uploaded through the
admin's document form, so the checks of cms/uploads/documents.py apply to them as to an
editor's upload. Safe to run again: a resource or document that exists is kept."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection, Locale

from awards_site.pdf.rendering import FONT_FACES, render_pdf
from library.resources.counting import record_download
from library.resources.models import Resource

# title, kind, language, countries (empty: all of Africa), licence, summary, file or link,
# and its translation for the French pages (title, summary), if any.
RESOURCES = [
    {
        "title": "Journey mapping for public services: a field guide",
        "kind": "guide",
        "language": "en",
        "countries": [],
        "licence": "cc-by-4.0",
        "summary": (
            "How a small team maps one service from the citizen's side in two days: choosing "
            "the journey, walking it with real users, marking the moments that matter and "
            "agreeing the first three fixes."
        ),
        "pdf": [
            "Pick one journey that many people take and that staff can change.",
            "Walk it yourselves, then with five citizens: note every wait, form and hand-over.",
            "Mark the moments that matter most to people, not to the organisation.",
            "Agree three fixes you can make within a month, and measure before and after.",
        ],
        "fr": (
            "Cartographier le parcours des usagers : guide de terrain",
            "Comment une petite équipe cartographie un service du point de vue de l’usager en "
            "deux jours, et s’accorde sur les trois premières améliorations.",
        ),
    },
    {
        "title": "Guide de l’accueil des usagers au guichet",
        "kind": "guide",
        "language": "fr",
        "countries": ["CM", "SN", "CI"],
        "licence": "cc-by-sa-4.0",
        "summary": (
            "A French-language guide for front-desk teams: greeting, explaining the next step, "
            "handling a complaint calmly and closing every visit with a clear answer."
        ),
        "pdf": [
            "Accueillir chaque usager dans la minute, par un mot et un regard.",
            "Dire ce qui va se passer ensuite, et combien de temps cela prendra.",
            "Écouter une réclamation jusqu’au bout avant de répondre.",
            "Ne laisser partir personne sans une réponse ou un rendez-vous.",
        ],
    },
    {
        "title": "Service charter template",
        "kind": "template",
        "language": "en",
        "countries": ["KE", "UG", "TZ", "RW"],
        "licence": "cc-by-4.0",
        "summary": (
            "A fill-in service charter: what the agency promises, in how many days, what "
            "citizens bring, and how to complain. Written for East African agencies that "
            "publish charters under their public-service commissions."
        ),
        "text": (
            "SERVICE CHARTER (template)\n\nOur service: ...\nWhat you need to bring: ...\n"
            "How long it takes: ... working days\nWhat it costs: ...\n"
            "If we do not keep this promise, contact: ...\n"
        ),
    },
    {
        "title": "Checklist: before you open a citizen feedback point",
        "kind": "checklist",
        "language": "en",
        "countries": [],
        "licence": "public-domain",
        "summary": (
            "Ten checks before a poster with a feedback code goes up at a counter: who reads "
            "the answers, who replies, and how staff hear about what changed."
        ),
        "text": (
            "BEFORE YOU OPEN A FEEDBACK POINT\n\n[ ] A named person reads the answers weekly\n"
            "[ ] Someone replies to published comments\n[ ] Staff know why the poster is there\n"
            "[ ] The poster is at eye level, in the local languages\n"
            "[ ] You decided what you will change first\n"
        ),
        "fr": (
            "Liste de contrôle : avant d’ouvrir un point d’avis citoyen",
            "Dix vérifications avant d’afficher un code d’avis au guichet : qui lit les "
            "réponses, qui répond, et comment le personnel apprend ce qui a changé.",
        ),
    },
    {
        "title": "Formação: a experiência do cidadão nos serviços públicos",
        "kind": "training_deck",
        "language": "pt",
        "countries": ["AO", "MZ", "CV", "GW", "ST"],
        "licence": "cc-by-4.0",
        "summary": (
            "A half-day training deck in Portuguese for public administrators: what citizen "
            "experience means, how to measure it, and a group exercise on one real service."
        ),
        "pdf": [
            "O que é a experiência do cidadão?",
            "Medir: satisfação, esforço e resolução no primeiro contacto.",
            "Exercício em grupo: o percurso de um serviço real.",
            "Plano de ação: três mudanças em trinta dias.",
        ],
    },
    {
        "title": "دليل قياس رضا المواطنين عن الخدمات العامة",
        "kind": "guide",
        "language": "ar",
        "countries": ["EG", "MA", "TN", "SD"],
        "licence": "cc-by-4.0",
        "summary": (
            "An Arabic guide to measuring citizen satisfaction: short questions at the point "
            "of service, reading the results each month, and publishing them."
        ),
        "text": (
            "دليل قياس رضا المواطنين\n\n١. اسأل بعد الخدمة مباشرة.\n"
            "٢. اقرأ النتائج كل شهر.\n٣. انشر ما تغيّر.\n"
        ),
    },
    {
        "title": "Orodha ya huduma bora kwa wateja wa umma",
        "kind": "checklist",
        "language": "sw",
        "countries": ["KE", "TZ"],
        "licence": "cc-by-sa-4.0",
        "summary": (
            "A Kiswahili checklist for customer-care desks in county and district offices, "
            "used in the programme's workshops."
        ),
        "text": (
            "ORODHA YA HUDUMA BORA\n\n[ ] Msalimie kila mteja\n[ ] Eleza hatua inayofuata\n"
            "[ ] Sikiliza malalamiko hadi mwisho\n[ ] Toa jibu au miadi kabla ya kuondoka\n"
        ),
    },
    {
        "title": "Video: what customer experience means in a public hospital",
        "kind": "video",
        "language": "en",
        "countries": ["KE", "GH", "NG"],
        "licence": "permission",
        "summary": (
            "Twelve minutes with a hospital's patient-experience team: the waiting-time board, "
            "the daily huddle and the feedback wall. Shown at CX Day workshops."
        ),
        "link": "https://video.example.org/cx-day/public-hospital",
    },
]

# A few downloads over the last weeks, so the list's column and the report show figures.
DEMO_DOWNLOADS = {0: 14, 2: 6, 4: 9, 7: 11}


def _pdf(title, points):
    items = "".join(f"<li>{escape(point)}</li>" for point in points)
    return render_pdf(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{FONT_FACES}\n"
        "body { font-family: var(--sans); margin: 2cm; }</style></head><body>"
        f"<h1>{escape(title)}</h1><ol>{items}</ol>"
        "<p>Africa Public Sector CX Program · demo document</p></body></html>"
    )


def _document(data, number):
    """The resource's document, uploaded through the checked form (found by title if there)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=data["title"]).first()
    if existing:
        return existing
    if "pdf" in data:
        upload = SimpleUploadedFile(
            f"resource-{number}.pdf", _pdf(data["title"], data["pdf"]), "application/pdf"
        )
    else:
        upload = SimpleUploadedFile(
            f"resource-{number}.txt", data["text"].encode("utf-8"), "text/plain"
        )
    form_class = get_document_form(Document)
    form = form_class(
        data={"title": data["title"], "collection": Collection.get_first_root_node().pk},
        files={"file": upload},
    )
    if not form.is_valid():
        raise ValueError(f"Demo document {data['title']!r} refused: {form.errors.as_text()}")
    return form.save()


def load():
    default = Locale.get_default()
    french = Locale.objects.filter(language_code="fr").first()
    for number, data in enumerate(RESOURCES):
        resource = Resource.objects.filter(title=data["title"], locale=default).first()
        if resource is None:
            resource = Resource(
                locale=default,
                title=data["title"],
                kind=data["kind"],
                language=data["language"],
                all_africa=not data["countries"],
                countries=data["countries"],
                licence=data["licence"],
                summary=data["summary"],
                link=data.get("link", ""),
                live=True,
            )
            if not resource.link:
                resource.document = _document(data, number)
            resource.full_clean()
            resource.save()
            for days_ago in range(DEMO_DOWNLOADS.get(number, 0)):
                record_download(resource, timezone.localdate() - timedelta(days=days_ago * 3))
        if french and "fr" in data:
            _translate(resource, french, *data["fr"])


def _translate(resource, locale, title, summary):
    if resource.has_translation(locale):
        return
    translation = resource.copy_for_translation(locale)
    translation.title = title
    translation.summary = summary
    translation.save()
