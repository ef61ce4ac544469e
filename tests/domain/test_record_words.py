"""The store's record and field names in the words of the screens; never snake_case, even for a new column."""
from __future__ import annotations

import re

import pytest

from cpm_desktop.domain.record_words import (
    COMMON_FIELDS,
    FIELDS,
    RECORDS,
    action_words,
    field_words,
    fields_words,
    readable,
    record_words,
)
from cpm_desktop.storage import models as m

SNAKE = re.compile(r"[a-z]+_[a-z_]+")
AUDITED = [mapper for mapper in m.Base.registry.mappers if issubclass(mapper.class_, m.Record)]


def test_every_audited_record_and_field_has_words():
    assert AUDITED
    for mapper in AUDITED:
        table = mapper.local_table.name
        assert table in RECORDS, table
        for column in mapper.column_attrs:
            assert (table, column.key) in FIELDS or column.key in COMMON_FIELDS, (table, column.key)
            words = field_words(table, column.key)
            assert not SNAKE.search(words) and words[0].isupper(), (table, column.key, words)


@pytest.mark.parametrize(("name", "words"), [("origin_device_uuid", "Origin device"), ("kept_clock", "Kept clock"),
                                             ("last_synced_at", "Last synced at"), ("change_id", "Change"),
                                             ("_uuid", "Uuid")])
def test_a_name_not_in_the_mapping_still_reads_as_words(name, words):
    assert readable(name) == words
    assert field_words("a_new_table", name) == words


def test_an_events_fields_in_words_without_the_bookkeeping():
    assert fields_words("risk_check", "assessment_uuid,checked_on,hlc,id,origin_device,source") == \
        "Checked on, Risk assessment, Source checked"
    assert fields_words("referral", "") == ""


def test_the_words_of_the_screens():
    assert field_words("risk_check", "assessment_uuid") == "Risk assessment"
    assert field_words("referral", "referred_on") == "Received on"
    assert record_words("professional_consulted") == "Professional consulted"
    assert action_words("update") == "Changed" and action_words("view") == "Viewed"
