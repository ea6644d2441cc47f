-- Tamper evidence: each stored event gets a link, SHA-256(previous link || canonical bytes of the
-- event row), in the order the chain processor saw them. Changing any stored byte breaks the chain.
create table event_hash_chain (
    position         bigserial    primary key,
    global_index     bigint       not null unique,
    event_identifier varchar(255) not null unique,
    link             bytea        not null,
    chained_at       timestamptz  not null default now()
);
