"""Letters to referrers as plain values: what a letter says, before it is set in type."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Letter:
    title: str  # e.g. "Feedback on the support given"
    written_on: date
    to_name: str
    to_organisation: str
    regarding: str  # "Ionuț Păun (referral R000123)"
    paragraphs: list[str] = field(default_factory=list)
    table_title: str = ""
    table: list[tuple[str, str]] = field(default_factory=list)  # (label, figure)
    bullets_title: str = ""
    bullets: list[str] = field(default_factory=list)
    signed: str = "The Project Lead, Community Peer Mentor scheme"
    describes: str = ""  # which letter this is, in words for the person about to send it
    ends_the_referral: bool = False  # a feedback letter that, once made, counts as the referrer's feedback


# --- which feedback letter a referral gets --------------------------------------------------------------

@dataclass(frozen=True)
class FeedbackKind:
    """The letter that fits where the referral ended up (or stands): its words come from
    ``resources/letters/<template>.txt``."""

    template: str
    title: str  # printed at the head of the letter
    describes: str  # for the coordinator, before the letter is made: which letter this is
    shows_support: bool  # the table of contacts and the goals achieved follow the words
    ends_the_referral: bool  # sending it is the referrer's feedback (recorded as sent)


_DECLINED = {
    "declined_by_client": FeedbackKind(
        "feedback_declined", "Feedback on your referral",
        "Feedback: the client decided not to take up peer mentoring (no support was given).", False, True),
    "rejected_at_risk_assessment": FeedbackKind(
        "feedback_not_offered", "Feedback on your referral",
        "Feedback: the scheme could not offer peer mentoring after the risk assessment (no support was given).",
        False, True),
    "declined_after_engagement": FeedbackKind(
        "feedback_not_continued", "Feedback on your referral",
        "Feedback: the scheme decided after meeting the client that peer mentoring was not right for them.",
        False, True),
    "referred_on": FeedbackKind(
        "feedback_referred_on", "Feedback on your referral",
        "Feedback: the client was referred on to more suitable support.", False, True),
    "external_request": FeedbackKind(
        "feedback_external_request", "Feedback on your referral",
        "Feedback: the scheme did not engage the client, at another organisation's request.", False, True),
}


def feedback_kind(outcome: str, closed: bool, contacts: int) -> FeedbackKind:
    """The feedback letter for a referral with this decision (``outcome`` code), open or closed, and this many
    contacts logged: each outcome its own words, so a declined referral is never told that "support began"."""
    if outcome in _DECLINED:
        return _DECLINED[outcome]
    if outcome == "pending":
        return FeedbackKind("feedback_pending", "Progress update on your referral",
                            "Progress update: no decision yet (the risk assessment or home visit is under way).",
                            False, False)
    if closed and contacts:
        return FeedbackKind("feedback_closed", "Feedback on the support given",
                            "Feedback: support has ended (the case is closed).", True, True)
    if closed:
        return FeedbackKind("feedback_closed_no_contact", "Feedback on your referral",
                            "Feedback: the case closed before any contact with the client.", False, True)
    if contacts:
        return FeedbackKind("feedback_open", "Progress update on the support given",
                            "Progress update: support is still going on (the case is open).", True, False)
    return FeedbackKind("feedback_no_contact", "Progress update on your referral",
                        "Progress update: the client was accepted, and no contact has been made yet.", False, False)
