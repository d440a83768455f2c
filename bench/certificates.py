"""Issuing certificates against WeasyPrint alone, and a cached certificate download.

    .venv/bin/python bench/certificates.py                 # 1,000 certificates, SQLite
    BENCH_CERTIFICATES=200 .venv/bin/python bench/certificates.py

1. A throwaway database (SQLite in a temporary folder) gets BENCH_CHUNKS cycles (10), each with
   a published round and its share of BENCH_CERTIFICATES eligible nominations (names of every
   length, accents, Arabic, a third from a French-speaking account) and three signatories with
   signature images.
2. Two worker processes start and warm up on the same certificate document (imports, fonts):
   - "issue" runs, per round, `certificates.issue` and the batch it starts (the immediate tasks
     backend runs it at once): the rows, every PDF rendered and stored, the progress, the ZIP;
   - "bare" runs WeasyPrint alone on the very same HTML documents, one PDF each (one shared URL
     fetcher and one font configuration, as awards_site.pdf.rendering does), and nothing else.
   The two alternate round by round, so the load of a shared machine weighs on both alike.
3. The figure is the ratio of their total times (target: within 1.3x), with the ms per
   certificate and each process's peak memory (getrusage). The issue process also times what
   WeasyPrint took inside it, for a second, same-process ratio.
4. Then the median time of one certificate download once its PDF is stored (target: under
   300 ms), through the test client.

Figures are printed; this is not a unit test.
"""

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "awards_site.settings.dev")
os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="cxbench-certificates-"))
os.environ["DEBUG"] = "0"
os.environ["TASKS_BACKEND"] = "immediate"
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")

COUNT = int(os.environ.get("BENCH_CERTIFICATES", "1000"))
CHUNKS = int(os.environ.get("BENCH_CHUNKS", "10"))
DOWNLOADS = 20
CATEGORIES = [("Digital public services", "Services publics numériques"), ("Frontline", "Guichet")]
NAMES = [
    "Kenya Revenue Authority",
    "Ministère de la Fonction Publique et de la Réforme Administrative",
    "São Tomé e Príncipe Agência de Promoção de Comércio e Investimento",
    "وزارة الخدمة المدنية والإصلاح الإداري",
    "Agence Nationale de l’Économie Numérique de Côte d’Ivoire",
    "Rwanda Development Board – Irembo One-Stop Citizen Service Centre",
]


def setup_django():
    import django

    django.setup()


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


# 1. The data -------------------------------------------------------------------------------------


def prepare(var_dir):
    """The cycles, rounds, nominations and signatories; writes the warm-up document. Returns
    the rounds' ids, the admin's and the nominator's."""
    setup_django()
    from datetime import timedelta
    from io import BytesIO

    from django.contrib.auth import get_user_model
    from django.core.files.images import ImageFile
    from django.core.management import call_command
    from django.utils import timezone
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    from judging.certificates.pdf import certificate_html
    from judging.models import Certificate, Criterion, Round, RoundKind, Rubric, Signatory
    from nominations.choices import NominationStatus
    from nominations.models import AwardCycle, Category, Nomination

    call_command("migrate", verbosity=0)
    User = get_user_model()
    admin = User.objects.create_superuser(email="bench-admin@example.org", password="x" * 20)
    nominator = User.objects.create_user(email="bench-nominator@example.org", password="x" * 20)
    # A third of the nominations come from a French-speaking account: their certificates are
    # issued (and batched) in French.
    nominator_fr = User.objects.create_user(
        email="bench-nominatrice@example.org", password="x" * 20, language="fr"
    )
    now = timezone.now()
    rubric = Rubric(  # saved with its one criterion: the weights add up to 100 (Rubric.save)
        name="Bench", scale_min=1, scale_max=5, criteria=[Criterion(name_en="Overall", weight=100)]
    )
    rubric.save()
    images = []
    for order in range(3):
        buffer = BytesIO()
        PILImage.new("RGBA", (420, 120), (18, 38, 110, 255)).save(buffer, format="PNG")
        images.append(
            get_image_model().objects.create(
                title=f"Signature {order}", file=ImageFile(buffer, name=f"signature-{order}.png")
            )
        )
    rounds = []
    number = 0
    for chunk in range(CHUNKS):
        cycle = AwardCycle.objects.create(
            name_en=f"20{10 + chunk} Awards",
            code=f"BEN{chunk}",
            nominations_open_at=now - timedelta(days=200),
            nominations_close_at=now - timedelta(days=100),
        )
        categories = [
            Category.objects.create(cycle=cycle, name_en=en, name_fr=fr, sort_order=order)
            for order, (en, fr) in enumerate(CATEGORIES)
        ]
        rounds.append(
            Round.objects.create(
                cycle=cycle,
                name_en="Final",
                kind=RoundKind.FINAL,
                rubric=rubric,
                opens_at=now - timedelta(days=60),
                closes_at=now - timedelta(days=30),
                scores_due_on=(now - timedelta(days=31)).date(),
                entering_statuses=[NominationStatus.ELIGIBLE],
                results_published_at=now - timedelta(days=20),
            ).pk
        )
        size = COUNT // CHUNKS + (1 if chunk < COUNT % CHUNKS else 0)
        Nomination.objects.bulk_create(
            [
                Nomination(
                    cycle=cycle,
                    category=categories[n % 2],
                    nominator=nominator_fr if n % 3 == 0 else nominator,
                    status=NominationStatus.ELIGIBLE,
                    reference=f"BEN{chunk}-KE-{n:05d}",
                    organisation_name=f"{NAMES[n % len(NAMES)]} {n}",
                    initiative_title="Every service in one place, on every channel",
                    language="fr" if n % 3 == 0 else "en",
                    submitted_at=now - timedelta(days=150),
                )
                for n in range(number, number + size)
            ],
            batch_size=500,
        )
        number += size
        for order, (name, image) in enumerate(
            zip(["Amina Diallo", "Kwame Mensah", "Zanele Dlamini"], images, strict=True)
        ):
            Signatory.objects.create(
                cycle=cycle,
                name=name,
                title_en="Chair",
                title_fr="Présidence",
                signature=image,
                sort_order=order,
            )
    warm_up = Certificate(
        code="ABCDEFGHJKLMNPQR",
        kind="participation",
        cycle_id=AwardCycle.objects.get(code="BEN0").pk,
        recipient_name=NAMES[1],
        award_en="Certificate of participation",
        category_en="Frontline",
        cycle_name_en="Warm-up",
        issued_at=now,
    )
    (var_dir / "warm-up.html").write_text(certificate_html(warm_up))
    return rounds, admin.pk, nominator.pk


# 2. The workers ----------------------------------------------------------------------------------


def issue_worker(admin_pk, warm_up_file):
    """Issue a round per command: {"round": id, "html": file} -> seconds, WeasyPrint's share;
    the HTML of the round's certificates is written to `file` afterwards (untimed)."""
    setup_django()
    from django.contrib.auth import get_user_model

    from awards_site.pdf.rendering import render_pdf
    from judging.certificates import issuing as certificates
    from judging.certificates import pdf as certificate_pdf
    from judging.certificates.pdf import SignatoryCache, certificate_html
    from judging.models import CertificateBatch, Round

    render_pdf(Path(warm_up_file).read_text())
    admin = get_user_model().objects.get(pk=admin_pk)
    inside = []

    def timed_render_pdf(html):
        began = time.perf_counter()
        try:
            return render_pdf(html)
        finally:
            inside.append(time.perf_counter() - began)

    certificate_pdf.render_pdf = timed_render_pdf

    def handle(command):
        round = Round.objects.select_related("cycle").get(pk=command["round"])
        inside.clear()
        start = time.perf_counter()
        result = certificates.issue(round, admin)  # the batch runs when issue() commits
        elapsed = time.perf_counter() - start
        batch = CertificateBatch.objects.get(pk=result.batch.pk)
        assert batch.status == "done", (batch.status, batch.error[-500:])
        signatories = SignatoryCache()
        documents = [
            certificate_html(certificate, signatories)
            for certificate in certificates.round_certificates(round).order_by("pk")
        ]
        Path(command["html"]).write_text(json.dumps(documents))
        return {"seconds": elapsed, "weasyprint": sum(inside), "count": batch.total}

    serve(handle)


def bare_worker(warm_up_file):
    """Render the documents of a file with WeasyPrint alone: {"html": file} -> seconds."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    base_url = (ROOT / "static").as_uri() + "/"
    fetcher = URLFetcher(allowed_protocols=("file", "data"))
    fonts = FontConfiguration()

    def render(document):
        return HTML(string=document, base_url=base_url, url_fetcher=fetcher).write_pdf(
            font_config=fonts
        )

    render(Path(warm_up_file).read_text())

    def handle(command):
        documents = json.loads(Path(command["html"]).read_text())
        start = time.perf_counter()
        for document in documents:
            render(document)
        return {"seconds": time.perf_counter() - start, "count": len(documents)}

    serve(handle)


def serve(handle):
    """Answer JSON commands from stdin on the real stdout (anything else printed goes to
    stderr); "peak" answers the process's peak memory, end of input stops."""
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    sys.stdout = sys.stderr
    answers.write(json.dumps({"ready": True}) + "\n")
    answers.flush()
    for line in sys.stdin:
        command = json.loads(line)
        answer = {"peak_mb": peak_mb()} if command.get("peak") else handle(command)
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


class Worker:
    def __init__(self, *args):
        self.process = subprocess.Popen(
            [sys.executable, __file__, *map(str, args)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=os.environ,
        )
        assert self.ask(None)["ready"]

    def ask(self, command):
        if command is not None:
            self.process.stdin.write(json.dumps(command) + "\n")
            self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"worker {self.process.args[2]} stopped")
        return json.loads(line)

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=60)


# 3. A cached download ----------------------------------------------------------------------------


def downloads(nominator_pk):
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from judging.models import Certificate

    certificate = (
        Certificate.objects.select_related("nomination")
        .filter(language="en")
        .exclude(pdf_en="")
        .first()
    )
    client = Client()
    client.force_login(get_user_model().objects.get(pk=nominator_pk))
    url = reverse(
        "judging:nomination_certificate",
        kwargs={"uuid": certificate.nomination.uuid, "code": certificate.display_code},
    )
    timings = []
    for _ in range(DOWNLOADS + 1):
        start = time.perf_counter()
        response = client.get(url)
        body = b"".join(response.streaming_content)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200 and body.startswith(b"%PDF")
    return statistics.median(timings[1:]), len(body)


def main():
    var_dir = Path(os.environ["VAR_DIR"])
    print(f"Preparing {COUNT} eligible nominations in {CHUNKS} cycles, in {var_dir} ...")
    rounds, admin_pk, nominator_pk = prepare(var_dir)
    warm_up = var_dir / "warm-up.html"
    issuer = Worker("issue-worker", admin_pk, warm_up)
    bare = Worker("bare-worker", warm_up)
    totals = {"issue": 0.0, "inside": 0.0, "bare": 0.0, "count": 0}
    for index, round_pk in enumerate(rounds):
        html = var_dir / f"round-{round_pk}.json"
        issued = issuer.ask({"round": round_pk, "html": str(html)})
        rendered = bare.ask({"html": str(html)})
        assert issued["count"] == rendered["count"]
        totals["issue"] += issued["seconds"]
        totals["inside"] += issued["weasyprint"]
        totals["bare"] += rendered["seconds"]
        totals["count"] += issued["count"]
        print(
            f"  round {index + 1}/{len(rounds)}: {issued['count']} certificates, "
            f"issue {issued['seconds']:.1f} s, WeasyPrint alone {rendered['seconds']:.1f} s",
            flush=True,
        )
    issue_peak, bare_peak = issuer.ask({"peak": True}), bare.ask({"peak": True})
    issuer.close()
    bare.close()
    cached_ms, size = downloads(nominator_pk)

    count = totals["count"]
    ratio = totals["issue"] / totals["bare"]
    print()
    print(f"certificates: {count}")
    print(
        f"issue:      {totals['issue']:7.1f} s  {totals['issue'] * 1000 / count:6.1f} ms each  "
        f"peak RSS {issue_peak['peak_mb']:5.0f} MB"
    )
    print(
        f"WeasyPrint: {totals['bare']:7.1f} s  {totals['bare'] * 1000 / count:6.1f} ms each  "
        f"peak RSS {bare_peak['peak_mb']:5.0f} MB"
    )
    verdict = "met" if ratio <= 1.3 else "NOT met"
    print(f"ratio issue / WeasyPrint alone: {ratio:.2f}x (target 1.3x: {verdict})")
    print(
        f"  inside the issue process: {totals['inside']:.1f} s in WeasyPrint, "
        f"{totals['issue'] - totals['inside']:.1f} s the rest "
        f"({totals['issue'] / totals['inside']:.2f}x its own WeasyPrint time)"
    )
    print(
        f"cached download: median {cached_ms:.1f} ms of {DOWNLOADS} ({size / 1024:.0f} KB) "
        f"(target 300 ms: {'met' if cached_ms < 300 else 'NOT met'})"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["issue-worker"]:
        issue_worker(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1:2] == ["bare-worker"]:
        bare_worker(sys.argv[2])
    else:
        main()
