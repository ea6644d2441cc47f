-- Signed checkpoints of the hash chain's head (AuditCheckpoints): each says "at chain position P
-- the link was L and C events were chained", signed with the service's Ed25519 key, which lives
-- outside this database. Kept here for GET /audit/chain/checkpoints and the verifier; the copy on
-- the audit.checkpoints topic is the one a database owner cannot delete. Append-only (V5).
create table audit_checkpoint (
    position         bigint       primary key,
    service          varchar(100) not null,
    global_index     bigint       not null,
    event_identifier varchar(255) not null,
    link             varchar(64)  not null,
    event_count      bigint       not null,
    taken_at         varchar(40)  not null,
    key_id           varchar(64)  not null,
    signature        varchar(200) not null,
    recorded_at      timestamptz  not null default now()
);
