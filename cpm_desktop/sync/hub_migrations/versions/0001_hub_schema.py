"""The hub: an ordered log of sealed changes, its members (one role per device), row-level security

Revision ID: 0001
Revises:
Create Date: 2026-12-01 08:20:00
"""
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

# Roles are cluster-wide, so their names start with the database's: two hubs on one server never clash.
# The group's name is fixed into hub.device_group() now, so renaming the database later breaks nothing.
GROUP_AND_HELPERS = r"""
DO $do$
DECLARE
    grp name := left(current_database(), 50) || '_device';
    orphan name;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = grp) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', grp);
    END IF;
    -- A new hub has no devices. Any role still in the group was enrolled in an earlier database of this
    -- name, since dropped: remove it, so that no old laptop can log in to the new hub.
    FOR orphan IN SELECT r.rolname FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.member
                   WHERE am.roleid = (SELECT oid FROM pg_roles WHERE rolname = grp) LOOP
        EXECUTE format('DROP ROLE %I', orphan);
    END LOOP;
    EXECUTE format($f$CREATE FUNCTION hub.device_group() RETURNS name LANGUAGE sql IMMUTABLE
                      AS $g$SELECT %L::name$g$ $f$, grp);
END
$do$;

-- Device codes A, B, ... Z, AA, AB, ...: bijective base 26 of a sequence number.
CREATE FUNCTION hub.code_for(n bigint) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    code text := '';
BEGIN
    WHILE n > 0 LOOP
        n := n - 1;
        code := chr(65 + (n % 26)::int) || code;
        n := n / 26;
    END LOOP;
    RETURN code;
END
$$;
"""

TABLES = r"""
CREATE TABLE hub.member (
    role        name PRIMARY KEY,
    device      uuid NOT NULL UNIQUE,
    code        text NOT NULL UNIQUE,
    member_role text NOT NULL CHECK (member_role IN ('coordinator', 'lead', 'office')),
    all_areas   boolean NOT NULL DEFAULT false,
    may_invite  boolean NOT NULL DEFAULT false,
    enrolled_at timestamptz NOT NULL DEFAULT now()
);
CREATE SEQUENCE hub.member_code_seq;

CREATE TABLE hub.member_area (
    role name NOT NULL REFERENCES hub.member (role) ON DELETE CASCADE,
    area text NOT NULL CHECK (area <> ''),
    PRIMARY KEY (role, area)
);

-- Routing fields in the clear, the change itself sealed (AES-256-GCM) with a key the hub never sees.
-- GENERATED ALWAYS: no client can choose its own place in the order.
CREATE TABLE hub.change_log (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    change_id  uuid NOT NULL UNIQUE,
    device     text NOT NULL,
    area       text,
    entity     text NOT NULL,
    row_uuid   text NOT NULL,
    clock      text NOT NULL,
    nonce      bytea NOT NULL CHECK (octet_length(nonce) = 12),
    ciphertext bytea NOT NULL,
    pushed_at  timestamptz NOT NULL DEFAULT now()
);

-- A sequence number is drawn at insert but the row becomes visible at commit, so without this a reader could
-- see seq 12 before seq 11 commits, move past 11 and never see it. Every insert first takes one lock held
-- until its transaction ends, so pushes commit one after another and seq order is commit order. It is a
-- statement trigger, not a client habit, so that it holds for every writer. (The number is arbitrary but
-- fixed; advisory locks are per database, so other hubs on the server are not held up.)
CREATE FUNCTION hub.serialise_pushes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7269706572);
    RETURN NULL;
END
$$;
CREATE TRIGGER serialise_pushes BEFORE INSERT ON hub.change_log
    FOR EACH STATEMENT EXECUTE FUNCTION hub.serialise_pushes();
"""

# A device sees its own member rows (that is how the policies below know its device and areas), and, only
# while it is a member, the changes of the areas it holds (or of every area) and those for everyone; it may
# add changes only as itself, to areas it holds.
# Nobody but the owner may update or delete: there is no policy (and no grant) for either.
ROW_LEVEL_SECURITY = r"""
ALTER TABLE hub.member ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.member_area ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.change_log ENABLE ROW LEVEL SECURITY;

CREATE POLICY own_row ON hub.member FOR SELECT USING (role = current_user);
CREATE POLICY own_areas ON hub.member_area FOR SELECT USING (role = current_user);

CREATE POLICY read_held_areas ON hub.change_log FOR SELECT USING (
    EXISTS (SELECT FROM hub.member m WHERE m.role = current_user)
    AND (area IS NULL
         OR EXISTS (SELECT FROM hub.member m WHERE m.role = current_user AND m.all_areas)
         OR area IN (SELECT a.area FROM hub.member_area a WHERE a.role = current_user)));

CREATE POLICY push_as_self ON hub.change_log FOR INSERT WITH CHECK (
    device = (SELECT m.device::text FROM hub.member m WHERE m.role = current_user)
    AND (area IS NULL
         OR EXISTS (SELECT FROM hub.member m WHERE m.role = current_user AND m.all_areas)
         OR area IN (SELECT a.area FROM hub.member_area a WHERE a.role = current_user)));
"""

# Enrolment runs as the hub's owner (SECURITY DEFINER) rather than giving inviting devices CREATEROLE:
# a device role then holds no power over roles at all, and the rules of who may enrol whom live here, once.
# The client sends a SCRAM verifier, never the password itself. search_path is pinned, as for any definer.
ENROLMENT = r"""
CREATE FUNCTION hub.may_enrol(areas text[], all_areas boolean, may_invite boolean) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = hub, pg_temp AS $$
DECLARE
    inviter hub.member;
BEGIN
    IF pg_has_role(session_user, current_user, 'MEMBER') THEN
        RETURN;  -- the hub's owner (or a superuser)
    END IF;
    SELECT * INTO inviter FROM hub.member m WHERE m.role = session_user;
    IF NOT FOUND OR NOT inviter.may_invite THEN
        RAISE EXCEPTION 'this device may not enrol or change members' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT inviter.all_areas AND (all_areas OR may_invite OR EXISTS (
            SELECT FROM unnest(areas) AS wanted(area)
            WHERE wanted.area NOT IN (SELECT a.area FROM hub.member_area a WHERE a.role = session_user))) THEN
        RAISE EXCEPTION 'a device may give only the areas it holds itself' USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

CREATE FUNCTION hub.enrol(p_device uuid, p_member_role text, p_areas text[], p_all_areas boolean,
                          p_may_invite boolean, p_verifier text)
RETURNS TABLE (role name, code text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hub, pg_temp AS $$
DECLARE
    new_code text;
    new_role name;
BEGIN
    PERFORM hub.may_enrol(p_areas, p_all_areas, p_may_invite);
    new_code := hub.code_for(nextval('hub.member_code_seq'));
    new_role := left(current_database(), 50) || '_' || lower(new_code);
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', new_role, p_verifier, hub.device_group());
    INSERT INTO hub.member (role, device, code, member_role, all_areas, may_invite)
        VALUES (new_role, p_device, new_code, p_member_role, p_all_areas, p_may_invite);
    INSERT INTO hub.member_area (role, area) SELECT DISTINCT new_role, unnest(p_areas);
    RETURN QUERY SELECT new_role, new_code;
END
$$;

CREATE FUNCTION hub.set_member_areas(p_device uuid, p_areas text[], p_all_areas boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hub, pg_temp AS $$
DECLARE
    target hub.member;
BEGIN
    SELECT m.* INTO target FROM hub.member m WHERE m.device = p_device;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no device % is enrolled in this hub', p_device USING ERRCODE = 'no_data_found';
    END IF;
    -- The caller must be able to enrol the member both as it is and as it will be: a coordinator who may
    -- invite can never take areas from the lead, nor give anyone an area it does not hold itself.
    PERFORM hub.may_enrol(ARRAY(SELECT a.area FROM hub.member_area a WHERE a.role = target.role),
                          target.all_areas, target.may_invite);
    PERFORM hub.may_enrol(p_areas, p_all_areas, target.may_invite);
    UPDATE hub.member SET all_areas = p_all_areas WHERE role = target.role;
    DELETE FROM hub.member_area WHERE role = target.role;
    INSERT INTO hub.member_area (role, area) SELECT DISTINCT target.role, unnest(p_areas);
END
$$;
"""

# Minimal grants: devices connect, read the log and their own member rows, add to the log, and call the two
# enrolment functions (which check the caller themselves). No TEMP, no CREATE, no UPDATE or DELETE anywhere.
# (A trigger function needs no grant: it runs for whoever inserts, checked when the trigger was made.)
GRANTS = r"""
DO $do$
DECLARE
    grp name := hub.device_group();
BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), grp);
    REVOKE ALL ON SCHEMA hub FROM PUBLIC;
    REVOKE ALL ON ALL FUNCTIONS IN SCHEMA hub FROM PUBLIC;
    EXECUTE format('GRANT USAGE ON SCHEMA hub TO %I', grp);
    EXECUTE format('GRANT SELECT ON hub.change_log, hub.member, hub.member_area TO %I', grp);
    EXECUTE format('GRANT INSERT (change_id, device, area, entity, row_uuid, clock, nonce, ciphertext) '
                   'ON hub.change_log TO %I', grp);
    EXECUTE format('GRANT EXECUTE ON FUNCTION hub.enrol(uuid, text, text[], boolean, boolean, text), '
                   'hub.set_member_areas(uuid, text[], boolean) TO %I', grp);
END
$do$;
"""


def upgrade() -> None:
    for block in (GROUP_AND_HELPERS, TABLES, ROW_LEVEL_SECURITY, ENROLMENT, GRANTS):
        op.execute(block)


def downgrade() -> None:
    op.execute("DROP TABLE hub.change_log, hub.member_area, hub.member CASCADE")
    op.execute("DROP SEQUENCE hub.member_code_seq")
    op.execute("DROP FUNCTION hub.enrol, hub.set_member_areas, hub.may_enrol, hub.serialise_pushes, hub.code_for, "
               "hub.device_group")
