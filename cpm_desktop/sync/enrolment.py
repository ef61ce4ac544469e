"""Enrolling a device in the hub: one PostgreSQL LOGIN role per device, its member rows, its short code.

The first member is enrolled by ``hub init`` with the hub owner's URL; later ones by ``invite``, using the
inviting device's own enrolment. The rules of who may enrol whom are in the hub's SECURITY DEFINER function
``hub.enrol`` (see the migration), so no device role ever needs CREATEROLE.
"""
from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import secrets
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast, get_args

import psycopg

from cpm_desktop.sync import connection as hub_connection
from cpm_desktop.sync.protocol import HubRefused

MemberRole = Literal["coordinator", "lead", "office"]
MEMBER_ROLES: tuple[str, ...] = get_args(MemberRole)
_SCRAM_ITERATIONS = 4096  # PostgreSQL's own default; the password is 256 random bits, not a human's


@dataclass(frozen=True)
class Enrolment:
    """What a device needs to reach the hub as itself. ``url`` has no password; ``password`` is kept apart
    (in the member's encrypted store, or sealed in an invite file) and never shown in a repr."""

    url: str
    role: str
    password: str = field(repr=False)
    code: str
    device_uuid: str
    areas: tuple[str, ...]
    all_areas: bool
    member_role: MemberRole
    may_invite: bool = False

    def reached_at(self, hub_url: str) -> Enrolment:
        """This enrolment through another URL of the same hub (``join --hub``: the name the new laptop uses)."""
        return dataclasses.replace(self, url=hub_connection.url_for_role(hub_url, self.role))

    def as_dict(self) -> dict[str, Any]:
        return {"url": self.url, "role": self.role, "password": self.password, "code": self.code,
                "device_uuid": self.device_uuid, "areas": list(self.areas), "all_areas": self.all_areas,
                "member_role": self.member_role, "may_invite": self.may_invite}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Enrolment:
        member_role = str(data["member_role"])
        if member_role not in MEMBER_ROLES:
            raise ValueError(f"{member_role!r} is not a member role ({', '.join(MEMBER_ROLES)}).")
        return cls(url=str(data["url"]), role=str(data["role"]), password=str(data["password"]),
                   code=str(data["code"]), device_uuid=str(data["device_uuid"]),
                   areas=tuple(str(area) for area in data["areas"]), all_areas=bool(data["all_areas"]),
                   member_role=cast(MemberRole, member_role), may_invite=bool(data.get("may_invite", False)))


HubLogin = str | Enrolment
"""Who acts: a plain URL is the hub's owner (an administrator); an Enrolment is that device, with its password."""


def _connect(login: HubLogin) -> psycopg.Connection[tuple[Any, ...]]:
    if isinstance(login, Enrolment):
        return hub_connection.connect(login.url, login.password)
    return hub_connection.connect(login)


def _url(login: HubLogin) -> str:
    return login.url if isinstance(login, Enrolment) else login


def scram_verifier(password: str, *, salt: bytes | None = None, iterations: int = _SCRAM_ITERATIONS) -> str:
    """PostgreSQL's stored form of a SCRAM-SHA-256 password (RFC 5802/7677), made here so that the password
    itself never travels to the server, nor lands in its statement log."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def _clean_areas(areas: Iterable[str]) -> tuple[str, ...]:
    cleaned = tuple(dict.fromkeys(area.strip() for area in areas))
    if any(not area for area in cleaned):
        raise ValueError("An area name cannot be empty.")
    return cleaned


def _device(device_uuid: str) -> str:
    try:
        return str(uuid.UUID(device_uuid))
    except ValueError:
        raise ValueError(f"{device_uuid!r} is not a device uuid.") from None


def enrol_device(login: HubLogin, *, device_uuid: str, member_role: MemberRole, areas: Iterable[str],
                 all_areas: bool, may_invite: bool) -> Enrolment:
    """Make ``device_uuid`` a member of the hub: a LOGIN role with a strong random password, its areas, a code.

    ``login`` is the owner's URL (``hub init``) or the inviting device's enrolment, which must have
    ``may_invite``, and can give only areas it holds itself unless it holds all of them.
    """
    if member_role not in MEMBER_ROLES:
        raise ValueError(f"{member_role!r} is not a member role ({', '.join(MEMBER_ROLES)}).")
    device = _device(device_uuid)
    wanted = _clean_areas(areas)
    password = secrets.token_urlsafe(32)
    url = _url(login)
    with hub_connection.hub_errors(url), _connect(login) as conn:
        try:
            row = conn.execute("SELECT role, code FROM hub.enrol(%s, %s, %s, %s, %s, %s)",
                               (device, member_role, list(wanted), all_areas, may_invite,
                                scram_verifier(password))).fetchone()
        except psycopg.errors.UniqueViolation:
            raise HubRefused(f"Device {device} is already enrolled in the hub at {hub_connection.where(url)}.") \
                from None
        except (psycopg.errors.UndefinedFunction, psycopg.errors.InvalidSchemaName):
            raise HubRefused(f"The hub at {hub_connection.where(url)} is not set up yet: run "
                             "`cpm-desktop hub init` first.") from None
    assert row is not None  # the function returns one row or raises
    role, code = str(row[0]), str(row[1])
    return Enrolment(url=hub_connection.url_for_role(url, role), role=role, password=password, code=code,
                     device_uuid=device, areas=wanted, all_areas=all_areas, member_role=member_role,
                     may_invite=may_invite)


def set_member_areas(login: HubLogin, *, device_uuid: str, areas: Iterable[str], all_areas: bool = False) -> None:
    """Change the areas an enrolled device may read and push (the hub's owner, or a member with may_invite)."""
    device = _device(device_uuid)
    wanted = _clean_areas(areas)
    url = _url(login)
    with hub_connection.hub_errors(url), _connect(login) as conn:
        try:
            conn.execute("SELECT hub.set_member_areas(%s, %s, %s)", (device, list(wanted), all_areas))
        except psycopg.errors.NoDataFound:
            raise HubRefused(f"Device {device} is not enrolled in the hub at {hub_connection.where(url)}.") \
                from None


def claim_device(enrolment: Enrolment, device_uuid: str) -> Enrolment:
    """The enrolment, now bound to ``device_uuid``: what ``join`` does when the store that joins already has a
    device uuid of its own (the invite could only enrol a placeholder). Allowed only before the first push."""
    device = _device(device_uuid)
    with hub_connection.hub_errors(enrolment.url), _connect(enrolment) as conn:
        try:
            conn.execute("SELECT hub.claim_device(%s)", (device,))
        except psycopg.errors.UniqueViolation:
            raise HubRefused(f"Device {device} is already enrolled in the hub at "
                             f"{hub_connection.where(enrolment.url)}.") from None
        except psycopg.errors.UndefinedFunction:
            raise HubRefused(f"The hub at {hub_connection.where(enrolment.url)} is older than this CPM Desktop: "
                             "its administrator should run `cpm-desktop hub init` to upgrade it.") from None
    return dataclasses.replace(enrolment, device_uuid=device)
