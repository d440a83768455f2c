"""The demo's rubrics: a screening rubric (1 to 5) and a final rubric (0 to 10), drawn from the
programme's criteria."""

from judging.models import (
    Criterion,
    Rubric,
    ScaleLevel,
)

# Rubrics ---------------------------------------------------------------------------------------
# (key, name EN, name FR, guidance EN, guidance FR): the programme's criteria, as announced on
# the awards page (citizens first, access, people-process-technology, measured results, lasting).
CRITERIA = [
    (
        "listening",
        "Citizen focus and listening",
        "Place de l’usager et écoute",
        "Did the organisation start from what users need? Look for how it collects their views "
        "(surveys, complaints, community meetings), what it changed in response and whether it "
        "told people what changed.",
        "L’organisation est-elle partie des besoins des usagers ? Regardez comment elle recueille "
        "leur avis (enquêtes, réclamations, réunions de quartier), ce qu’elle a changé en "
        "conséquence et si elle a dit aux usagers ce qui a changé.",
    ),
    (
        "access",
        "Ease of access and inclusion",
        "Facilité d’accès et inclusion",
        "Fewer trips to the counter, shorter waits, clearer information. Does it work for people "
        "with a basic phone or a slow connection, with a disability, or who speak another "
        "language?",
        "Moins de déplacements au guichet, moins d’attente, une information plus claire. Le "
        "service fonctionne-t-il pour les personnes qui ont un téléphone simple ou une connexion "
        "lente, un handicap, ou qui parlent une autre langue ?",
    ),
    (
        "delivery",
        "People, processes and technology",
        "Personnes, processus et technologie",
        "How the change was made: frontline staff trained and empowered to solve problems, "
        "procedures with fewer steps, technology that serves the journey rather than replacing "
        "the people in it.",
        "Comment le changement a été mené : agents d’accueil formés et habilités à résoudre les "
        "problèmes, démarches allégées, technologie au service du parcours plutôt qu’à la place "
        "des personnes.",
    ),
    (
        "results",
        "Measurable results",
        "Résultats mesurables",
        "Evidence before and after: Net Promoter Score, Customer Effort Score, first-contact "
        "resolution, turnaround times, satisfaction. Prefer figures with a period and a source "
        "over claims.",
        "Des preuves avant et après : Net Promoter Score, score d’effort client, résolution au "
        "premier contact, délais de traitement, satisfaction. Préférez les chiffres datés et "
        "sourcés aux affirmations.",
    ),
    (
        "sustainability",
        "Sustainability and example to others",
        "Durabilité et valeur d’exemple",
        "Will it last beyond one manager or one budget? Is it funded and documented, and could "
        "other offices in the country or on the continent copy it?",
        "Cela durera-t-il au-delà d’un responsable ou d’un budget ? Est-ce financé et documenté, "
        "et d’autres administrations du pays ou du continent pourraient-elles s’en inspirer ?",
    ),
]
SCREENING_WEIGHTS = {
    "listening": 20,
    "access": 20,
    "delivery": 20,
    "results": 25,
    "sustainability": 15,
}
FINAL_WEIGHTS = {"listening": 20, "access": 15, "delivery": 15, "results": 30, "sustainability": 20}
SCREENING_LEVELS = [
    (1, "Weak: little or no evidence", "Faible : peu ou pas d’éléments"),
    (
        2,
        "Limited: some evidence, with important gaps",
        "Limité : quelques éléments, avec des lacunes",
    ),
    (3, "Sound: clear evidence of good practice", "Solide : des éléments clairs de bonne pratique"),
    (
        4,
        "Strong: convincing evidence and visible results",
        "Fort : des éléments convaincants et des résultats visibles",
    ),
    (
        5,
        "Outstanding: a model for other public bodies",
        "Exceptionnel : un modèle pour d’autres organismes publics",
    ),
]
FINAL_LEVELS = [
    (0, "Not addressed", "Non traité"),
    (1, "Very weak", "Très faible"),
    (2, "Weak", "Faible"),
    (3, "Below expectations", "En dessous des attentes"),
    (4, "Approaching expectations", "Proche des attentes"),
    (5, "Meets expectations", "Conforme aux attentes"),
    (6, "Good", "Bon"),
    (7, "Very good", "Très bon"),
    (8, "Excellent", "Excellent"),
    (9, "Outstanding", "Remarquable"),
    (
        10,
        "Exemplary: sets the standard for the continent",
        "Exemplaire : une référence pour le continent",
    ),
]
SCREENING_RUBRIC = "Screening rubric (1–5)"
FINAL_RUBRIC = "Final rubric (0–10)"


# Rubrics ---------------------------------------------------------------------------------------
def load_rubrics():
    return (
        _rubric(SCREENING_RUBRIC, SCREENING_WEIGHTS, SCREENING_LEVELS),
        _rubric(FINAL_RUBRIC, FINAL_WEIGHTS, FINAL_LEVELS),
    )


def _rubric(name, weights, levels):
    """The rubric with its criteria and levels, saved together (Rubric.save checks the
    weights)."""
    rubric = Rubric.objects.filter(name=name).first()
    if rubric:
        return rubric
    rubric = Rubric(
        name=name,
        scale_min=levels[0][0],
        scale_max=levels[-1][0],
        criteria=[
            Criterion(
                sort_order=order,
                name_en=name_en,
                name_fr=name_fr,
                guidance_en=guidance_en,
                guidance_fr=guidance_fr,
                weight=weights[key],
            )
            for order, (key, name_en, name_fr, guidance_en, guidance_fr) in enumerate(CRITERIA)
        ],
        levels=[
            ScaleLevel(sort_order=order, value=value, descriptor_en=en, descriptor_fr=fr)
            for order, (value, en, fr) in enumerate(levels)
        ],
    )
    rubric.save()
    return rubric
