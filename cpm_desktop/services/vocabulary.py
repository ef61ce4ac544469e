"""The vocabulary in force for a store: the shipped lists plus what a project lead added."""
from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from cpm_desktop.domain.vocabulary import KINDS, Vocabulary
from cpm_desktop.resources_path import base_vocabulary
from cpm_desktop.storage import models as m
from cpm_desktop.storage.audit import actor_of, utcnow

_CODE = re.compile(r"^[a-z][a-z0-9_]{1,58}$")


class VocabularyError(ValueError):
    pass


def vocabulary_for(session: Session) -> Vocabulary:
    rows = session.execute(select(m.VocabularyEntry.kind, m.VocabularyEntry.code, m.VocabularyEntry.label))
    return base_vocabulary().with_additions(rows)


def add_entry(session: Session, kind: str, code: str, label: str) -> None:
    """Extend a list at run time. Lists only grow: an existing code is never reused or relabelled here."""
    if kind not in KINDS:
        raise VocabularyError(f"There is no list called {kind!r}.")
    if not _CODE.match(code):
        raise VocabularyError("A code is 2 to 59 lower-case letters, digits or underscores, starting with a letter.")
    if not label.strip():
        raise VocabularyError("A new entry needs a label.")
    if vocabulary_for(session).is_code(kind, code):
        raise VocabularyError(f"The code {code!r} is already in the list; codes are never reused.")
    session.add(m.VocabularyEntry(kind=kind, code=code, label=label.strip(), added_at=utcnow(),
                                  added_by=actor_of(session)))
