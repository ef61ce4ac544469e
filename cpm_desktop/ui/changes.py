"""What an operation changed, as typed flags the panes subscribe to (the Anki ``OpChanges`` idea).

An operation announces everything it changed in one value, so a pane that shows several of those things
reloads once, not once per thing.
"""
from __future__ import annotations

from enum import Flag, auto


class Changes(Flag):
    NONE = 0
    REFERRAL = auto()  # a referral's or its person's own fields, a new referral, police-call figures
    RISK = auto()  # assessments, flags and home visits
    DECISION = auto()  # accepted, declined or waiting
    ALLOCATION = auto()  # mentors allocated, ended or replaced
    MENTOR = auto()  # the mentor register
    CONTACT = auto()  # the contact log
    GOAL = auto()  # GROW goals and their reviews
    CLOSURE = auto()  # a case closed or re-opened
    VOCABULARY = auto()  # an entry added to a code list
    SETTINGS = auto()  # scheme-wide settings (subject-access wording, retention rules)

    # records of every kind may have arrived or gone: an import, a sync, an erasure
    EVERYTHING = REFERRAL | RISK | DECISION | ALLOCATION | MENTOR | CONTACT | GOAL | CLOSURE | VOCABULARY | SETTINGS
