namespace GoSmart.Privacy.PostgreSql;

/// <summary>The schema, as numbered migrations. A released migration is never edited: changes are new migrations.</summary>
internal static class PostgresSchema
{
    public static readonly (int Version, string Sql)[] Migrations =
    [
        (1, """
            CREATE TABLE privacy_requests (
                id uuid PRIMARY KEY,
                tenant_id text NOT NULL,
                subject_id text NOT NULL,
                subject_kind integer NOT NULL,
                kind integer NOT NULL,
                status integer NOT NULL,
                purpose text,
                is_open boolean NOT NULL,
                received_at timestamptz NOT NULL,
                due_at timestamptz NOT NULL,
                version bigint NOT NULL,
                payload text NOT NULL,
                seq bigserial NOT NULL
            );
            CREATE INDEX privacy_requests_subject ON privacy_requests (tenant_id, subject_id, kind) WHERE is_open;
            CREATE INDEX privacy_requests_status ON privacy_requests (status);
            CREATE TABLE privacy_request_steps (
                request_id uuid NOT NULL REFERENCES privacy_requests (id),
                handler text NOT NULL,
                state integer NOT NULL,
                attempts integer NOT NULL,
                updated_at timestamptz NOT NULL,
                result text,
                error text,
                PRIMARY KEY (request_id, handler)
            );
            CREATE TABLE privacy_audit (
                id bigserial PRIMARY KEY,
                at timestamptz NOT NULL,
                request_id uuid NOT NULL,
                tenant_id text NOT NULL,
                subject_hash text NOT NULL,
                event text NOT NULL,
                handler text,
                outcome text,
                count integer
            );
            CREATE INDEX privacy_audit_request ON privacy_audit (request_id, id);
            CREATE TABLE privacy_restrictions (
                tenant_id text NOT NULL,
                subject_id text NOT NULL,
                subject_kind integer NOT NULL,
                restricted boolean NOT NULL,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (tenant_id, subject_id, subject_kind)
            );
            CREATE TABLE privacy_objections (
                tenant_id text NOT NULL,
                subject_id text NOT NULL,
                subject_kind integer NOT NULL,
                purpose text NOT NULL,
                at timestamptz NOT NULL,
                PRIMARY KEY (tenant_id, subject_id, subject_kind, purpose)
            );
            CREATE TABLE consent_events (
                tenant_id text NOT NULL,
                sequence bigint NOT NULL,
                id uuid NOT NULL UNIQUE,
                subject_id text NOT NULL,
                subject_kind integer NOT NULL,
                purpose text NOT NULL,
                payload text NOT NULL,
                previous_hash text NOT NULL,
                hash text NOT NULL,
                PRIMARY KEY (tenant_id, sequence)
            );
            CREATE INDEX consent_events_subject ON consent_events (tenant_id, subject_id, subject_kind, sequence);
            CREATE TABLE consent_heads (
                tenant_id text PRIMARY KEY,
                sequence bigint NOT NULL,
                hash text NOT NULL
            );
            CREATE TABLE consent_latest (
                tenant_id text NOT NULL,
                subject_id text NOT NULL,
                subject_kind integer NOT NULL,
                purpose text NOT NULL,
                sequence bigint NOT NULL,
                PRIMARY KEY (tenant_id, subject_id, subject_kind, purpose)
            );
            """),
        (2, """
            ALTER TABLE privacy_request_steps ADD COLUMN owner text;
            ALTER TABLE privacy_request_steps ADD COLUMN lease_until timestamptz;
            CREATE TABLE privacy_engines (
                instance_id text PRIMARY KEY,
                service text NOT NULL,
                handlers text NOT NULL,
                heartbeat_at timestamptz NOT NULL
            );
            """),
        (3, """
            ALTER TABLE privacy_request_steps ADD COLUMN progress text;
            """),
        (4, """
            CREATE TABLE privacy_legal_holds (
                id uuid PRIMARY KEY,
                placed_at timestamptz NOT NULL,
                released_at timestamptz,
                payload text NOT NULL
            );
            CREATE TABLE privacy_legal_hold_blocks (
                hold_id uuid NOT NULL REFERENCES privacy_legal_holds (id),
                request_id uuid NOT NULL,
                handler text NOT NULL,
                at timestamptz NOT NULL,
                PRIMARY KEY (hold_id, request_id, handler)
            );
            """),
        (5, """
            CREATE TABLE privacy_erasure_replay (
                request_id uuid PRIMARY KEY,
                tenant_id text NOT NULL,
                completed_at timestamptz NOT NULL,
                payload text NOT NULL
            );
            CREATE INDEX privacy_erasure_replay_completed ON privacy_erasure_replay (completed_at);
            """),
        (6, """
            CREATE TABLE privacy_retention_cursors (
                rule text NOT NULL,
                handler text NOT NULL,
                version bigint NOT NULL,
                payload text NOT NULL,
                PRIMARY KEY (rule, handler)
            );
            CREATE TABLE privacy_retention_held (
                hold_id uuid NOT NULL,
                rule text NOT NULL,
                handler text NOT NULL,
                expired_after timestamptz NOT NULL,
                expired_before timestamptz NOT NULL,
                PRIMARY KEY (hold_id, rule, handler, expired_before)
            );
            """),
        (7, """
            CREATE TABLE privacy_subject_keys (
                tenant_id text NOT NULL,
                subject_hash text NOT NULL,
                wrapped_key text,
                created_at timestamptz NOT NULL,
                destroyed_at timestamptz,
                PRIMARY KEY (tenant_id, subject_hash)
            );
            """),
    ];
}
