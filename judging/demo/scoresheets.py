"""The demo's scoresheets: scores and comments in each judge's voice, by how well the entry did,
saved and submitted through judging/scoring/rules.py. Deterministic: seeded by references and
emails, not by database ids."""

import random
from datetime import timedelta

from judging.demo.judges import JUDGES
from judging.demo.rubrics import CRITERIA
from judging.models import (
    Assignment,
    Recommendation,
    Scoresheet,
    ScoresheetStatus,
)
from judging.scoring import rules as scoring

# Comments judges write, by criterion and by how well the entry did on it (low, middle, high);
# the judges of one entry each write in their own words (one of three variants).
COMMENTS = {
    "listening": (
        (
            "Users' views are mentioned, but the entry does not show how they were collected.",
            "We read little about what users asked for before the change.",
            "No survey or complaints data: how do you know what users need?",
        ),
        (
            "A yearly survey and a complaints line are in place; say what changed because of them.",
            "Good that complaints are logged. Tell users what you changed as a result.",
            "Feedback is collected, but the link between it and the changes made is not shown.",
        ),
        (
            "Regular listening with visible follow-up: users were told what changed.",
            "Community meetings and a published 'you said, we did' list: exemplary listening.",
            "The redesign started from users' own accounts of their journey. Very convincing.",
        ),
    ),
    "access": (
        (
            "Access still depends on coming to the office in person.",
            "The online route is hard to find and needs a smartphone.",
            "Nothing is said about people with a disability or who speak another language.",
        ),
        (
            "Waiting times are shorter, but little is said about people without a smartphone.",
            "Fewer trips to the counter; opening hours remain a barrier for working people.",
            "Clearer information at the counter. The website is not yet accessible.",
        ),
        (
            "Works on a basic phone, in two languages, with an assisted desk for those in need.",
            "One visit instead of three, and a text-message option for rural users.",
            "Inclusive by design: sign-language video calls and large-print forms.",
        ),
    ),
    "delivery": (
        (
            "The entry describes a new system but not how staff were prepared for it.",
            "The procedure still has the same number of steps.",
            "Technology is the whole story here; the people who use it are missing.",
        ),
        (
            "Steps were removed from the procedure; training of frontline staff is only mentioned.",
            "Staff were trained, but can they solve problems without referring upwards?",
            "A sensible new process. Say more about how the team took it on.",
        ),
        (
            "Staff trained and empowered to solve problems at the first contact.",
            "People, process and technology moved together: a model of how to run such a change.",
            "The journey was redesigned around the user, and the system followed.",
        ),
    ),
    "results": (
        (
            "Few figures, and none from before the change: the impact is hard to judge.",
            "The satisfaction figure has no period and no source.",
            "Claims of improvement are not backed by data.",
        ),
        (
            "Before-and-after turnaround times convince; the satisfaction figure lacks a source.",
            "First-contact resolution rose; NPS is given for one period only.",
            "Good figures on waiting times; what did users say about the change?",
        ),
        (
            "Clear before-and-after figures for NPS, first-contact resolution and turnaround.",
            "Every figure has a period and a source. Turnaround fell from weeks to days.",
            "Strong, consistent evidence across several measures.",
        ),
    ),
    "sustainability": (
        (
            "The initiative seems to rest on one project budget; what happens when it ends?",
            "It depends on one manager's drive. How will it outlast them?",
            "Too early to tell whether this will last.",
        ),
        (
            "Part of the annual plan, but not yet documented for other offices.",
            "Funded for two more years. Write it down so that others can copy it.",
            "Likely to last; other offices would need guidance to repeat it.",
        ),
        (
            "Funded in the regular budget, documented, and already copied by two other offices.",
            "Written into the service charter, so it no longer depends on one person.",
            "A guide for other offices is published: a real example for the continent.",
        ),
    ),
}
OVERALL = {
    Recommendation.YES: (
        "A strong entry that shows what citizen-centred service looks like in practice.",
        "Well evidenced and easy to follow. Congratulations to the team.",
        "An inspiring example for public bodies across the continent.",
    ),
    Recommendation.MAYBE: (
        "Promising work; more evidence of results would make the case stronger.",
        "Good practice, but the entry claims more than its figures show.",
        "A solid entry. Show the users' side of the story next time.",
    ),
    Recommendation.NO: (
        "The ambition is clear, but the entry needs figures and a longer track record.",
        "Too early to judge the impact; we encourage you to enter again next year.",
        "Interesting idea; the entry does not yet show what changed for users.",
    ),
}


# Scoresheets -----------------------------------------------------------------------------------
def _bias(email):
    return next(bias for judge_email, *_rest, bias in JUDGES if judge_email == email)


def _criterion_key(criterion):
    return next(key for key, name_en, *_rest in CRITERIA if name_en == criterion.name_en)


def _scores(rng, rubric, criteria, quality, bias, voice, complete=True):
    """(criterion, score, comment) per criterion around a quality on the 1-5 scale; `voice`
    picks the judge's own wording."""
    low, high = rubric.scale_min, rubric.scale_max
    rows = []
    for position, criterion in enumerate(criteria):
        if not complete and position >= 2:
            rows.append((criterion, None, ""))
            continue
        on_five = quality + bias + rng.gauss(0, 0.45)
        scaled = low + (on_five - 1) * (high - low) / 4
        score = max(low, min(high, round(scaled)))
        fraction = (score - low) / (high - low)
        level = 0 if fraction < 0.45 else 1 if fraction < 0.75 else 2
        variants = COMMENTS[_criterion_key(criterion)][level]
        comment = variants[voice % len(variants)] if rng.random() < 0.75 else ""
        rows.append((criterion, score, comment))
    return rows


def _recommendation(rubric, rows):
    span = rubric.scale_max - rubric.scale_min
    weighted = sum(
        criterion.weight * (score - rubric.scale_min) / span for criterion, score, _c in rows
    )
    if weighted >= 70:
        return Recommendation.YES
    return Recommendation.MAYBE if weighted >= 45 else Recommendation.NO


def save_scoresheets(plans):
    """plans: (assignment, status, rows, recommendation, overall, moment) tuples. Each judge
    saves and (when `status` says so) submits at `moment`, through judging/scoring/rules.py: the
    submissions
    are in the audit log, and the sheets carry their results figures."""
    for assignment, *_rest, moment in plans:
        assignment.conflict_checked_at = moment - timedelta(hours=4)
    Assignment.objects.bulk_update(
        [plan[0] for plan in plans], ["conflict_checked_at"], batch_size=200
    )
    for assignment, status, rows, recommendation, overall, moment in plans:
        judge = assignment.judge.user
        sheet = scoring.scoresheet_for(assignment)
        scores = {criterion.pk: (score, comment) for criterion, score, comment in rows}
        scoring.save(sheet, sheet.version, scores, overall, recommendation, judge, now=moment)
        if status == ScoresheetStatus.SUBMITTED:
            scoring.submit(sheet, sheet.version, judge, now=moment)
        Scoresheet.objects.filter(pk=sheet.pk).update(created_at=moment - timedelta(hours=3))


def plan_sheet(assignment, rubric, criteria, quality, status, moment, voice):
    email = assignment.judge.user.email
    rng = random.Random(f"{assignment.nomination.reference}/{assignment.round.kind}/{email}")
    complete = status == ScoresheetStatus.SUBMITTED
    rows = _scores(rng, rubric, criteria, quality, _bias(email), voice, complete=complete)
    recommendation = _recommendation(rubric, rows) if complete else ""
    overall = ""
    if complete and rng.random() < 0.8:
        variants = OVERALL[recommendation]
        overall = variants[voice % len(variants)]
    return (assignment, status, rows, recommendation, overall, moment)


def judge_voices(assignments):
    """Each assignment's judge's position among the entry's judges: {assignment id: 0, 1, ...}."""
    judges = {}
    for assignment in assignments:
        judges.setdefault(assignment.nomination_id, []).append(assignment)
    return {
        assignment.pk: position
        for group in judges.values()
        for position, assignment in enumerate(sorted(group, key=lambda a: a.judge.user.email))
    }


def quality_of(reference):
    """A stable quality on the 1-5 scale for an entry of the open cycle."""
    return random.Random(reference).uniform(2.2, 4.5)
