"""Hub URLs: an enrolment's URL keeps everything of the hub's URL except the user and the password."""
from __future__ import annotations

import pytest
from psycopg import conninfo

from cpm_desktop.sync.connection import url_for_role, where


@pytest.mark.parametrize(("given", "expected"), [
    ("postgresql://cpm_hub:s3cret@hub.example.org:6432/cpm_hub?sslmode=verify-full&sslrootcert=/etc/ca.crt",
     "postgresql://cpm_hub_b@hub.example.org:6432/cpm_hub?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.crt"),
    ("host=hub.example.org dbname=cpm_hub user=admin password=s3cret sslmode=require",
     "postgresql://cpm_hub_b@hub.example.org/cpm_hub?sslmode=require"),
    ("postgresql://admin@[2001:db8::7]:5432/cpm_hub", "postgresql://cpm_hub_b@[2001:db8::7]:5432/cpm_hub"),
    ("host=/run/postgresql port=5433 dbname=cpm_hub", "postgresql://cpm_hub_b@/cpm_hub?host=%2Frun%2Fpostgresql&port=5433"),
])
def test_an_enrolment_url_is_the_hub_url_as_that_device_without_a_password(given: str, expected: str):
    made = url_for_role(given, "cpm_hub_b")
    assert made == expected
    parsed, original = conninfo.conninfo_to_dict(made), conninfo.conninfo_to_dict(given)
    assert parsed.pop("user") == "cpm_hub_b" and "password" not in parsed
    original.pop("user", None)
    original.pop("password", None)
    assert parsed == original  # libpq reads back every other setting unchanged


def test_messages_name_the_hub_but_never_the_password():
    assert where("postgresql://admin:s3cret@hub.example.org/cpm_hub") == "hub.example.org/cpm_hub"
    assert where("not a url at all = =") == "the hub"
