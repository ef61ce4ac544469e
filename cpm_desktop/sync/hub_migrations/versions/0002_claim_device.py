"""A device enrolled by invite claims its enrolment with its store's own device uuid, before its first push

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 08:40:00
"""
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# The inviter cannot know the uuid of the store that will join (it may be an existing store, whose clocks and
# audit already name its uuid), so an invite enrols a placeholder uuid and `join` replaces it with the
# store's. Only the member itself may do so, and only while nothing in the log bears its old uuid: after the
# first push the device's identity is fixed for good.
CLAIM = r"""
CREATE FUNCTION hub.claim_device(p_device uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hub, pg_temp AS $$
DECLARE
    me hub.member;
BEGIN
    SELECT m.* INTO me FROM hub.member m WHERE m.role = session_user;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'only an enrolled device may claim its enrolment' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF me.device = p_device THEN
        RETURN;
    END IF;
    IF EXISTS (SELECT FROM hub.change_log c WHERE c.device = me.device::text) THEN
        RAISE EXCEPTION 'this device has already pushed changes under its enrolled uuid'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE hub.member SET device = p_device WHERE role = me.role;
END
$$;
REVOKE ALL ON FUNCTION hub.claim_device(uuid) FROM PUBLIC;
DO $do$
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION hub.claim_device(uuid) TO %I', hub.device_group());
END
$do$;
"""


def upgrade() -> None:
    op.execute(CLAIM)


def downgrade() -> None:
    op.execute("DROP FUNCTION hub.claim_device(uuid)")
