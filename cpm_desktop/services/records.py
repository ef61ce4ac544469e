"""Finding one record by its uuid the way every service means it: there, and not deleted."""
from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from cpm_desktop.storage import models as m

R = TypeVar("R", bound=m.Record)


def live(session: Session, model: type[R], uuid: str | None) -> R | None:
    """The ``model`` row with this uuid, or None when there is none or it was deleted (a tombstone).

    The caller raises its own service's error with a sentence for the user, so a stale id from a list that
    was on screen never surfaces as an AttributeError.
    """
    if not uuid:
        return None
    row = session.get(model, uuid)
    return None if row is None or row.deleted_at is not None else row
