namespace GoSmart.Privacy.Sqlite;

/// <summary>The schema, as numbered migrations. A released migration is never edited: changes are new migrations.</summary>
internal static class SqliteSchema
{
    public static readonly (int Version, string Sql)[] Migrations =
    [
        (1, """
            CREATE TABLE privacy_requests (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                subject_kind INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                status INTEGER NOT NULL,
                purpose TEXT,
                is_open INTEGER NOT NULL,
                received_at TEXT NOT NULL,
                due_at TEXT NOT NULL,
                version INTEGER NOT NULL,
                payload TEXT NOT NULL
            );
            CREATE INDEX privacy_requests_subject ON privacy_requests (tenant_id, subject_id, kind, is_open);
            CREATE INDEX privacy_requests_status ON privacy_requests (status);
            CREATE TABLE privacy_request_steps (
                request_id TEXT NOT NULL REFERENCES privacy_requests (id),
                handler TEXT NOT NULL,
                state INTEGER NOT NULL,
                attempts INTEGER NOT NULL,
                updated_at TEXT NOT NULL,
                result TEXT,
                error TEXT,
                PRIMARY KEY (request_id, handler)
            );
            CREATE TABLE privacy_audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                request_id TEXT NOT NULL,
                tenant_id TEXT NOT NULL,
                subject_hash TEXT NOT NULL,
                event TEXT NOT NULL,
                handler TEXT,
                outcome TEXT,
                count INTEGER
            );
            CREATE INDEX privacy_audit_request ON privacy_audit (request_id, id);
            CREATE TABLE privacy_restrictions (
                tenant_id TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                subject_kind INTEGER NOT NULL,
                restricted INTEGER NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (tenant_id, subject_id, subject_kind)
            );
            CREATE TABLE privacy_objections (
                tenant_id TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                subject_kind INTEGER NOT NULL,
                purpose TEXT NOT NULL,
                at TEXT NOT NULL,
                PRIMARY KEY (tenant_id, subject_id, subject_kind, purpose)
            );
            CREATE TABLE consent_events (
                tenant_id TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                id TEXT NOT NULL UNIQUE,
                subject_id TEXT NOT NULL,
                subject_kind INTEGER NOT NULL,
                purpose TEXT NOT NULL,
                payload TEXT NOT NULL,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL,
                PRIMARY KEY (tenant_id, sequence)
            );
            CREATE INDEX consent_events_subject ON consent_events (tenant_id, subject_id, subject_kind, sequence);
            CREATE TABLE consent_heads (
                tenant_id TEXT PRIMARY KEY,
                sequence INTEGER NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE TABLE consent_latest (
                tenant_id TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                subject_kind INTEGER NOT NULL,
                purpose TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                PRIMARY KEY (tenant_id, subject_id, subject_kind, purpose)
            );
            """),
        (2, """
            ALTER TABLE privacy_request_steps ADD COLUMN owner TEXT;
            ALTER TABLE privacy_request_steps ADD COLUMN lease_until TEXT;
            CREATE TABLE privacy_engines (
                instance_id TEXT PRIMARY KEY,
                service TEXT NOT NULL,
                handlers TEXT NOT NULL,
                heartbeat_at TEXT NOT NULL
            );
            """),
        (3, """
            ALTER TABLE privacy_request_steps ADD COLUMN progress TEXT;
            """),
        (4, """
            CREATE TABLE privacy_legal_holds (
                id TEXT PRIMARY KEY,
                placed_at TEXT NOT NULL,
                released_at TEXT,
                payload TEXT NOT NULL
            );
            CREATE TABLE privacy_legal_hold_blocks (
                hold_id TEXT NOT NULL REFERENCES privacy_legal_holds (id),
                request_id TEXT NOT NULL,
                handler TEXT NOT NULL,
                at TEXT NOT NULL,
                PRIMARY KEY (hold_id, request_id, handler)
            );
            """),
        (5, """
            CREATE TABLE privacy_erasure_replay (
                request_id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                completed_at TEXT NOT NULL,
                payload TEXT NOT NULL
            );
            CREATE INDEX privacy_erasure_replay_completed ON privacy_erasure_replay (completed_at);
            """),
        (6, """
            CREATE TABLE privacy_retention_cursors (
                rule TEXT NOT NULL,
                handler TEXT NOT NULL,
                version INTEGER NOT NULL,
                payload TEXT NOT NULL,
                PRIMARY KEY (rule, handler)
            );
            CREATE TABLE privacy_retention_held (
                hold_id TEXT NOT NULL,
                rule TEXT NOT NULL,
                handler TEXT NOT NULL,
                expired_after TEXT NOT NULL,
                expired_before TEXT NOT NULL,
                PRIMARY KEY (hold_id, rule, handler, expired_before)
            );
            """),
        (7, """
            CREATE TABLE privacy_subject_keys (
                tenant_id TEXT NOT NULL,
                subject_hash TEXT NOT NULL,
                wrapped_key TEXT,
                created_at TEXT NOT NULL,
                destroyed_at TEXT,
                PRIMARY KEY (tenant_id, subject_hash)
            );
            """),
    ];
}
