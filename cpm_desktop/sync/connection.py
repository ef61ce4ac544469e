"""Connecting to the hub, and turning psycopg's many failures into the two the rest of the program knows.

Anything that means "no hub just now" (refused, DNS, timeout, server restarting, connection dropped mid-way)
becomes :class:`HubUnreachable`, because offline is a normal state. The hub saying no (bad credentials, a
row-level-security refusal, an inviter without the right) becomes :class:`HubRefused`. Both carry one
sentence; psycopg's detail stays on ``__cause__`` for the log. Passwords never appear in either.
"""
from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import conninfo

from cpm_desktop.sync.protocol import HubRefused, HubUnreachable

# Fail within seconds, never hang the sync: a laptop on a dead Wi-Fi sees no TCP reset.
_CONNECT_OPTIONS: dict[str, Any] = {
    "application_name": "cpm-desktop",
    "connect_timeout": 10,
    "keepalives": 1,
    "keepalives_idle": 15,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 30_000,
}
_AUTH_SQLSTATES = ("28000", "28P01")  # invalid_authorization_specification, invalid_password
_PASSING_SERVER_STATES = ("starting up", "shutting down", "in recovery", "not yet accepting connections",
                          "not accepting connections", "too many clients", "connection slots are reserved",
                          "administrator command", "out of memory")


def where(url: str) -> str:
    """The hub's host and database, for messages (no user, no password)."""
    try:
        parts = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "the hub"
    return f"{parts.get('host', 'localhost')}/{parts.get('dbname', '')}".rstrip("/")


def connect(url: str, password: str | None = None, *, autocommit: bool = False) -> psycopg.Connection[tuple[Any, ...]]:
    """A connection to the hub; ``url`` may be a URI or keywords, TLS as it says (``sslmode=require``)."""
    extra = dict(_CONNECT_OPTIONS)
    if password is not None:
        extra["password"] = password
    with hub_errors(url):
        return psycopg.connect(url, autocommit=autocommit, **extra)


def is_connection_failure(error: BaseException) -> bool:
    return isinstance(error, psycopg.OperationalError) and not _is_auth_failure(error)


def _is_auth_failure(error: psycopg.Error) -> bool:
    if error.sqlstate is not None:
        return error.sqlstate in _AUTH_SQLSTATES
    # A refused connection attempt carries no SQLSTATE (libpq gives only text). The server's FATAL answer to a
    # login is a refusal (bad password, role revoked or NOLOGIN, pg_hba, no CONNECT right, no such database)
    # unless it is one of the passing states below; network failures (refused, timeout, DNS) have no FATAL.
    # A revoked laptop must be told so, not left believing it is offline for ever.
    text = str(error)
    return "FATAL:" in text and not any(passing in text for passing in _PASSING_SERVER_STATES)


@contextmanager
def hub_errors(url: str) -> Iterator[None]:
    """Translate psycopg errors raised inside the block into HubUnreachable / HubRefused."""
    try:
        yield
    except psycopg.errors.InsufficientPrivilege as error:
        raise HubRefused(f"The hub at {where(url)} refused: {error.diag.message_primary or 'not permitted'}.") \
            from error
    except psycopg.OperationalError as error:
        if _is_auth_failure(error):
            raise HubRefused(f"The hub at {where(url)} refused this device's login "
                             "(its access was revoked, or the enrolment is wrong).") from error
        raise HubUnreachable(f"The hub at {where(url)} cannot be reached just now; "
                             "nothing was lost, sync again later.") from error
    except psycopg.InterfaceError as error:  # e.g. a connection closed under our feet
        raise HubUnreachable(f"The connection to the hub at {where(url)} was lost; "
                             "nothing was lost, sync again later.") from error


def url_for_role(url: str, role: str) -> str:
    """``url`` with ``role`` as its user and no password: what an enrolment keeps (the password is kept apart)."""
    parts = {key: str(value) for key, value in conninfo.conninfo_to_dict(url).items()}
    parts.pop("password", None)
    parts.pop("user", None)
    host = parts.pop("host", "")
    port = parts.pop("port", "")
    dbname = parts.pop("dbname", "")
    netloc = urllib.parse.quote(role, safe="") + "@"
    if host and not host.startswith("/") and "," not in host:
        netloc += f"[{host}]" if ":" in host else host
        if port:
            netloc += f":{port}"
    else:  # a Unix-socket directory or several hosts: keep them as parameters
        if host:
            parts["host"] = host
        if port:
            parts["port"] = port
    query = urllib.parse.urlencode(sorted(parts.items()))
    return f"postgresql://{netloc}/{urllib.parse.quote(dbname, safe='')}" + (f"?{query}" if query else "")
