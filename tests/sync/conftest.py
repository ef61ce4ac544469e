"""Fixtures of the sync tests: a real PostgreSQL (one throwaway cluster per session, see cluster.py), a fresh
hub database per test so that tests stay independent, and an initialised hub with its lead."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
import pytest

from cpm_desktop.sync.enrolment import Enrolment, MemberRole, enrol_device
from cpm_desktop.sync.hub import PostgresHub
from cpm_desktop.sync.hub_schema import init_hub
from cpm_desktop.sync.sealing import new_sync_key

from .cluster import Cluster, NoPostgres, throwaway_cluster


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    try:
        with throwaway_cluster() as cluster:
            yield cluster
    except NoPostgres as missing:
        pytest.fail(str(missing))


@pytest.fixture
def admin_url(postgres: Cluster) -> str:
    """The cluster's superuser, on its maintenance database (for tests that look behind the hub's back)."""
    return postgres.superuser_url()


@dataclass(frozen=True)
class HubDatabase:
    name: str
    owner_url: str  # what an administrator hands to ``init_hub`` and ``hub init``
    superuser_url: str


@pytest.fixture
def hub_db(postgres: Cluster) -> HubDatabase:
    """A fresh, empty database owned by the hub's owner role (not yet initialised)."""
    name = postgres.create_hub_database()
    return HubDatabase(name, postgres.owner_url(name), postgres.superuser_url(name))


@dataclass(frozen=True)
class Scheme:
    """An initialised hub with its first member, the lead (all areas, may invite), and the scheme's sync key."""

    db: HubDatabase
    lead: Enrolment
    sync_key: bytes

    def enrol(self, member_role: MemberRole = "coordinator", areas: tuple[str, ...] = (), *,
              all_areas: bool = False, may_invite: bool = False) -> Enrolment:
        return enrol_device(self.lead, device_uuid=str(uuid.uuid4()), member_role=member_role, areas=areas,
                            all_areas=all_areas, may_invite=may_invite)

    def hub(self, enrolment: Enrolment | None = None) -> PostgresHub:
        return PostgresHub(enrolment or self.lead, self.sync_key)

    def log_rows(self) -> list[tuple[Any, ...]]:
        """The change log as the server holds it (read as the superuser, behind row-level security's back)."""
        with psycopg.connect(self.db.superuser_url) as conn:
            return conn.execute("SELECT seq, change_id::text, device, area FROM hub.change_log ORDER BY seq").fetchall()


@pytest.fixture
def scheme(hub_db: HubDatabase) -> Scheme:
    init_hub(hub_db.owner_url)
    lead = enrol_device(hub_db.owner_url, device_uuid=str(uuid.uuid4()), member_role="lead", areas=(),
                        all_areas=True, may_invite=True)
    return Scheme(hub_db, lead, new_sync_key())
