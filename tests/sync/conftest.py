"""A real PostgreSQL for the sync tests: Debian's server binaries, a throwaway cluster in a temp folder.

One cluster per test session (initdb costs a few seconds); one fresh database per test, so tests stay
independent. Password authentication is real (scram-sha-256 for every connection), so a device role's
password is really checked. PostgreSQL refuses to run as root, and the tests do run as root in CI: then
every server program runs as the OS user ``postgres`` through ``runuser``.
"""
from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql

from cpm_desktop.sync.enrolment import Enrolment, MemberRole, enrol_device
from cpm_desktop.sync.hub import PostgresHub
from cpm_desktop.sync.hub_schema import init_hub
from cpm_desktop.sync.sealing import new_sync_key

SERVER_USER = "postgres"
SUPERUSER_PASSWORD = secrets.token_urlsafe(16)
OWNER_ROLE = "cpm_hub_owner"
OWNER_PASSWORD = secrets.token_urlsafe(16)


def server_bindir() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    if not found:
        pytest.fail("PostgreSQL's server is not installed: `apt-get install postgresql` "
                    "(the README's test command does)")
    return found[-1].parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    """A running throwaway PostgreSQL cluster; ``run`` executes a server program as the right OS user."""

    bindir: Path
    datadir: Path
    port: int
    as_root: bool

    def run(self, program: str, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / program), *args]
        if self.as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        return subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)

    def url(self, user: str, password: str, dbname: str = "postgres") -> str:
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{dbname}"

    def superuser_url(self, dbname: str = "postgres") -> str:
        return self.url(SERVER_USER, SUPERUSER_PASSWORD, dbname)

    def start(self) -> None:
        self.run("pg_ctl", "-D", str(self.datadir), "-l", str(self.datadir / "server.log"), "-w", "start")

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.datadir), "-m", "fast", "-w", "stop")


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    as_root = os.geteuid() == 0
    if as_root and shutil.which("runuser") is None:
        pytest.fail("the tests run as root but `runuser` is missing (util-linux)")
    top = Path(tempfile.mkdtemp(prefix="cpm-hub-pg-"))
    cluster = Cluster(server_bindir(), top / "data", free_port(), as_root)
    pwfile = top / "superuser-password"
    pwfile.write_text(SUPERUSER_PASSWORD + "\n", encoding="utf-8")
    if as_root:
        shutil.chown(top, SERVER_USER)
        shutil.chown(pwfile, SERVER_USER)
    try:
        cluster.run("initdb", "-D", str(cluster.datadir), "-U", SERVER_USER, "--pwfile", str(pwfile),
                    "--auth", "scram-sha-256", "--encoding", "UTF8", "--locale", "C.UTF-8")
        with (cluster.datadir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(f"listen_addresses = '127.0.0.1'\nport = {cluster.port}\n"
                       f"unix_socket_directories = '{top}'\nfsync = off\nsynchronous_commit = off\n"
                       "full_page_writes = off\nmax_connections = 50\n")
        cluster.start()
        with psycopg.connect(cluster.superuser_url(), autocommit=True) as admin:
            # The hub's owner as docs/hub.md tells an administrator to create it: no superuser powers.
            admin.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEROLE PASSWORD {}").format(
                sql.Identifier(OWNER_ROLE), sql.Literal(OWNER_PASSWORD)))
        yield cluster
    finally:
        try:
            cluster.stop()
        except subprocess.CalledProcessError:
            pass  # never started, or already stopped
        shutil.rmtree(top, ignore_errors=True)


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
    name = f"hub_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres.superuser_url(), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(name), sql.Identifier(OWNER_ROLE)))
    return HubDatabase(name, postgres.url(OWNER_ROLE, OWNER_PASSWORD, name), postgres.superuser_url(name))


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
