"""Views of records, kept in memory as they are made and written to the audit trail in batches.

Reading a record writes nothing (see ``storage.audit.PendingViews``); the window calls
:func:`flush_record_views` every half minute and when it locks, so at most that much is only in memory.
"""
from __future__ import annotations

from cpm_desktop.storage.engine import Store

FLUSH_SECONDS = 30


def flush_record_views(store: Store) -> int:
    """Write the views made since the last write (nothing, and no transaction, when there are none);
    returns how many were written (a view of a record erased since is not)."""
    return store.write_pending_views()
