"""The throwaway cluster itself: test workers run side by side, each with a cluster of its own (cluster.py)."""
from __future__ import annotations

import socket

import psycopg

from .cluster import Cluster


def test_a_port_taken_before_the_server_binds_it_is_skipped(postgres: Cluster):
    """Another worker's server (or anyone's) may take the port free_port() chose before ours binds it."""
    postgres.stop()
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", postgres.port))
        squatter.listen()
        taken = postgres.port
        try:
            postgres.start_on_a_free_port()
        finally:
            if postgres.port == taken:  # not started elsewhere: leave the session's cluster as it was
                squatter.close()
                postgres.start()
    assert postgres.port != taken
    with psycopg.connect(postgres.superuser_url()) as conn:
        assert conn.execute("SELECT current_setting('port')::int").fetchone() == (postgres.port,)

