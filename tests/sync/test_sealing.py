"""Sealing changes with the sync key, and invite files under a one-time code (no server needed)."""
from __future__ import annotations

import dataclasses
import re
import uuid

import pytest

from cpm_desktop.sync.enrolment import Enrolment
from cpm_desktop.sync.invite import InviteError, normalise_code, open_invite, seal_invite
from cpm_desktop.sync.protocol import Change
from cpm_desktop.sync.sealing import SealError, SyncCipher, new_sync_key, seal, unseal

PAYLOAD = b'{"given_name": "Zebedee", "note": "afraid of the upstairs neighbour"}'


def a_change(**overrides: object) -> Change:
    values: dict[str, object] = {
        "change_id": str(uuid.uuid4()), "device": str(uuid.uuid4()), "area": "Durham City",
        "entity": "referral", "row_uuid": str(uuid.uuid4()), "clock": "0001764576000000-0000-A",
        "payload": PAYLOAD}
    values.update(overrides)
    return Change(**values)  # type: ignore[arg-type]


def test_a_sealed_change_opens_to_the_same_change_and_hides_its_payload():
    key = new_sync_key()
    change = a_change()
    sealed = seal(key, change)
    assert PAYLOAD not in sealed.ciphertext and b"Zebedee" not in sealed.ciphertext
    assert len(sealed.nonce) == 12
    assert unseal(key, sealed) == change


def test_every_seal_has_its_own_nonce():
    cipher = SyncCipher(new_sync_key())
    change = a_change()
    first, second = cipher.seal(change), cipher.seal(change)
    assert first.nonce != second.nonce and first.ciphertext != second.ciphertext


def test_a_change_with_no_area_seals_differently_from_an_empty_area():
    key = new_sync_key()
    sealed = seal(key, a_change(area=None))
    assert unseal(key, sealed).area is None
    with pytest.raises(SealError):
        unseal(key, dataclasses.replace(sealed, area=""))


def test_another_key_cannot_open_a_change():
    sealed = seal(new_sync_key(), a_change())
    with pytest.raises(SealError, match="another sync key or altered"):
        unseal(new_sync_key(), sealed)


def test_an_altered_ciphertext_is_refused():
    key = new_sync_key()
    sealed = seal(key, a_change())
    flipped = bytes([sealed.ciphertext[0] ^ 1]) + sealed.ciphertext[1:]
    with pytest.raises(SealError):
        unseal(key, dataclasses.replace(sealed, ciphertext=flipped))
    with pytest.raises(SealError):
        unseal(key, dataclasses.replace(sealed, nonce=sealed.nonce[:-1]))


@pytest.mark.parametrize("field", ["change_id", "device", "area", "entity", "row_uuid", "clock"])
def test_a_ciphertext_moved_to_other_routing_is_refused(field):
    """The hub could copy a ciphertext onto another row, area or clock: every routing field is bound in."""
    key = new_sync_key()
    sealed = seal(key, a_change())
    with pytest.raises(SealError):
        unseal(key, dataclasses.replace(sealed, **{field: "Easington" if field == "area" else str(uuid.uuid4())}))


def test_a_sync_key_is_32_bytes():
    assert len(new_sync_key()) == 32 and new_sync_key() != new_sync_key()
    with pytest.raises(ValueError, match="32 bytes"):
        SyncCipher(b"too short")


ENROLMENT = Enrolment(url="postgresql://hub_b@hub.example.org:5432/cpm?sslmode=require", role="hub_b",
                      password="s3cret-password", code="B", device_uuid=str(uuid.uuid4()),
                      areas=("Durham City", "Easington"), all_areas=False, member_role="coordinator")


def test_an_invite_opens_with_its_code_to_the_enrolment_and_the_key():
    key = new_sync_key()
    data, code = seal_invite(ENROLMENT, key)
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}", code)
    assert b"s3cret-password" not in data and b"Durham" not in data and key not in data
    assert open_invite(data, code) == (ENROLMENT, key)
    # typed as people type it: lower case, spaces instead of dashes, O for 0 and l for 1
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert open_invite(data, typed) == (ENROLMENT, key)


def test_every_invite_has_its_own_code():
    key = new_sync_key()
    assert seal_invite(ENROLMENT, key)[1] != seal_invite(ENROLMENT, key)[1]


def test_a_wrong_code_is_one_clear_refusal():
    data, code = seal_invite(ENROLMENT, new_sync_key())
    wrong = ("1" if code[0] != "1" else "2") + code[1:]
    with pytest.raises(InviteError, match=r"^The invite code does not open this invite file"):
        open_invite(data, wrong)


def test_a_code_of_the_wrong_shape_says_what_a_code_looks_like():
    data, _code = seal_invite(ENROLMENT, new_sync_key())
    for bad in ("", "7KQ2M-XW9PA", "7KQ2M-XW9PA-3HD0C-T8NV!"):
        with pytest.raises(InviteError, match="20 letters and digits"):
            open_invite(data, bad)


def test_an_altered_or_foreign_invite_file_is_refused():
    data, code = seal_invite(ENROLMENT, new_sync_key())
    altered = data[:-1] + bytes([data[-1] ^ 1])
    with pytest.raises(InviteError, match="does not open"):
        open_invite(altered, code)
    with pytest.raises(InviteError, match="not a CPM Desktop invite file"):
        open_invite(b"%PDF-1.7 something else", code)


def test_normalised_codes_are_the_twenty_symbols():
    assert normalise_code("7kq2m-xw9pa 3hdoc-t8nve") == "7KQ2MXW9PA3HD0CT8NVE"


def test_an_enrolment_can_be_reached_through_another_name_of_the_hub():
    moved = ENROLMENT.reached_at("postgresql://admin:pw@10.0.0.5:5432/cpm?sslmode=verify-full")
    assert moved.url == "postgresql://hub_b@10.0.0.5:5432/cpm?sslmode=verify-full"
    assert moved.password == ENROLMENT.password and moved.role == ENROLMENT.role
