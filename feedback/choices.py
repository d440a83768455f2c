"""The feedback platform's vocabularies (awards_site/vocabularies/terms.py): the kinds of service
point and the statuses of an answer. Model fields take their choices from the functions below,
so a new term needs no migration; the code names terms with the enums."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from awards_site.vocabularies.terms import Term, Vocabulary


@dataclass(frozen=True)
class PointKind(Term):
    # Whether the point has a town and region (a place people walk into).
    has_place: bool = False


POINT_KINDS = Vocabulary(
    "service point kind",
    [
        PointKind("office", _("Office or branch"), has_place=True),
        PointKind("phone", _("Phone line")),
        PointKind("website", _("Website")),
        PointKind("online", _("Online service")),
    ],
)
ServicePointKind = POINT_KINDS.enum("ServicePointKind")


def point_kind_choices():
    return POINT_KINDS.choices


@dataclass(frozen=True)
class ResponseStatus(Term):
    # Whether the answer is in the figures (the daily roll-ups).
    counted: bool = False


RESPONSE_STATUSES = Vocabulary(
    "response status",
    [
        ResponseStatus("counted", _("Counted"), counted=True),
        ResponseStatus("held", _("Held for review")),
        ResponseStatus("rejected", _("Rejected")),
    ],
)
AnswerStatus = RESPONSE_STATUSES.enum("AnswerStatus")


def response_status_choices():
    return RESPONSE_STATUSES.choices


COMMENT_STATES = Vocabulary(
    "comment status",
    [
        Term("none", _("No comment")),
        Term("pending", _("Waiting for moderation")),
        Term("published", _("Published")),
        Term("rejected", _("Not published")),
    ],
)
CommentState = COMMENT_STATES.enum("CommentState")


def comment_status_choices():
    return COMMENT_STATES.choices


CHANNELS = Vocabulary(
    "answer channel",
    [Term("web", _("Web form")), Term("sms", _("SMS"))],
)
Channel = CHANNELS.enum("Channel")


def channel_choices():
    return CHANNELS.choices


SMS_PROVIDERS = Vocabulary(
    "SMS provider",
    [Term("africastalking", _("Africa's Talking")), Term("rapidpro", _("RapidPro"))],
)
SmsProvider = SMS_PROVIDERS.enum("SmsProvider")


def sms_provider_choices():
    return SMS_PROVIDERS.choices


# The answers' scales: (value, label) in the order the form shows them.
SATISFACTION = [
    (1, _("Very dissatisfied")),
    (2, _("Dissatisfied")),
    (3, _("Neither satisfied nor dissatisfied")),
    (4, _("Satisfied")),
    (5, _("Very satisfied")),
]
SATISFIED_FROM = 4  # 4 and 5 count as satisfied
EFFORT_SCALE = range(1, 8)  # 1 strongly disagree ... 7 strongly agree that it was easy
RECOMMEND_SCALE = range(0, 11)
PROMOTERS_FROM = 9  # 9-10
DETRACTORS_UP_TO = 6  # 0-6
