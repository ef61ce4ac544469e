"""A throwaway PostgreSQL cluster from Debian's server binaries, for the sync tests and the hub benchmark.

Password authentication is real (scram-sha-256 for every connection), so a device role's password is really
checked. PostgreSQL refuses to run as root, and the tests do run as root in CI: then every server program
runs as the OS user ``postgres`` through ``runuser``, in a temp folder given to that user.
"""
from __future__ import annotations

import datetime
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from psycopg import sql

SERVER_USER = "postgres"
OWNER_ROLE = "cpm_hub_owner"


class ClusterError(RuntimeError):
    """A server program failed; the message carries what it said."""


class NoPostgres(ClusterError):
    """The PostgreSQL server cannot be started here (not installed, or no way to run it)."""


def server_bindir() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    if not found:
        raise NoPostgres("PostgreSQL's server is not installed: `apt-get install postgresql` "
                         "(the README's test command does)")
    return found[-1].parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    """A running throwaway cluster; ``run`` executes a server program as the right OS user."""

    bindir: Path
    datadir: Path
    port: int
    as_root: bool
    superuser_password: str
    owner_password: str

    def run(self, program: str, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / program), *args]
        if self.as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        try:
            return subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)
        except subprocess.CalledProcessError as failed:
            raise ClusterError(f"{program} {' '.join(args)} failed: {(failed.stderr or failed.stdout).strip()} "
                               f"(server log: {self.datadir / 'server.log'})") from failed

    def url(self, user: str, password: str, dbname: str = "postgres") -> str:
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{dbname}"

    def superuser_url(self, dbname: str = "postgres") -> str:
        return self.url(SERVER_USER, self.superuser_password, dbname)

    def owner_url(self, dbname: str) -> str:
        return self.url(OWNER_ROLE, self.owner_password, dbname)

    def start(self) -> None:
        self.run("pg_ctl", "-D", str(self.datadir), "-l", str(self.datadir / "server.log"), "-o", f"-p {self.port}",
                 "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        """``fast`` as an administrator stops a hub; ``immediate`` (no checkpoint) for a cluster thrown away."""
        self.run("pg_ctl", "-D", str(self.datadir), "-m", mode, "-w", "stop")

    def start_on_a_free_port(self, attempts: int = 5) -> None:
        """Start on a port nobody holds. Other test workers and other clusters on the machine pick ports too,
        and one may take ours between free_port() and the server's bind: then try the next."""
        for attempt in range(attempts):
            try:
                self.start()
                return
            except ClusterError:
                log = self.datadir / "server.log"
                taken = log.exists() and "could not bind" in log.read_text(encoding="utf-8", errors="replace")
                if not taken or attempt == attempts - 1:
                    raise
                log.unlink()
                self.port = free_port()

    def create_hub_database(self) -> str:
        """A fresh, empty database owned by the hub's owner role; returns its name."""
        name = f"hub_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.superuser_url(), autocommit=True) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(name),
                                                                        sql.Identifier(OWNER_ROLE)))
        return name


def write_self_signed_certificate(datadir: Path, owner: str | None) -> None:
    """server.crt and server.key for ``ssl = on``: clients that ask for TLS (sslmode=require) get it."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now)
                   .not_valid_after(now + datetime.timedelta(days=2)).sign(key, hashes.SHA256()))
    files = {"server.crt": certificate.public_bytes(serialization.Encoding.PEM),
             "server.key": key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                             serialization.NoEncryption())}
    for filename, content in files.items():
        path = datadir / filename
        path.write_bytes(content)
        path.chmod(0o600)  # the server refuses a key others can read
        if owner:
            shutil.chown(path, owner)


@contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    as_root = os.geteuid() == 0
    if as_root and shutil.which("runuser") is None:
        raise NoPostgres("running as root but `runuser` (util-linux) is missing")
    top = Path(tempfile.mkdtemp(prefix="cpm-hub-pg-"))
    cluster = Cluster(server_bindir(), top / "data", free_port(), as_root, secrets.token_urlsafe(16),
                      secrets.token_urlsafe(16))
    pwfile = top / "superuser-password"
    pwfile.write_text(cluster.superuser_password + "\n", encoding="utf-8")
    if as_root:
        shutil.chown(top, SERVER_USER)
        shutil.chown(pwfile, SERVER_USER)
    try:
        try:
            cluster.run("initdb", "-D", str(cluster.datadir), "-U", SERVER_USER, "--pwfile", str(pwfile),
                        "--auth", "scram-sha-256", "--encoding", "UTF8", "--no-locale")
        except ClusterError as failed:
            raise NoPostgres(str(failed)) from failed
        with (cluster.datadir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            # Durability is not under test: fsync off keeps a 2-core machine shared by many quick.
            conf.write("listen_addresses = '127.0.0.1'\n"  # the port is given at each start (Cluster.start)
                       f"unix_socket_directories = '{top}'\nfsync = off\nsynchronous_commit = off\n"
                       "full_page_writes = off\nmax_connections = 50\nssl = on\n")
        write_self_signed_certificate(cluster.datadir, owner=SERVER_USER if as_root else None)
        cluster.start_on_a_free_port()
        with psycopg.connect(cluster.superuser_url(), autocommit=True) as admin:
            # The hub's owner as docs/hub.md tells an administrator to create it: no superuser powers.
            admin.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEROLE PASSWORD {}").format(
                sql.Identifier(OWNER_ROLE), sql.Literal(cluster.owner_password)))
        yield cluster
    finally:
        try:
            cluster.stop("immediate")  # nothing in it is kept: no checkpoint, no waiting for clients
        except ClusterError:
            pass  # never started, or already stopped
        shutil.rmtree(top, ignore_errors=True)
