-- Idempotency-Key (IETF httpapi draft): the first successful answer to a POST, per caller and key,
-- so that a repeat returns it instead of acting twice. A row is claimed (IN_PROGRESS, committed at
-- once so concurrent repeats see it) before the request runs and completed with its answer after;
-- an answer that is not stored (any non-2xx) releases the row. Rows expire (expires_at) and are
-- deleted off the request path.
create table idempotency_key (
    caller_subject        varchar(255)  not null,
    caller_organisation   varchar(255)  not null,
    idempotency_key       varchar(255)  not null,
    request_method        varchar(16)   not null,
    request_path          varchar(4096) not null,
    -- SHA-256 of method, path and the canonical JSON body: the same key with another one is refused
    request_fingerprint   bytea         not null,
    state                 varchar(16)   not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    -- the claim's owner (one request in one instance): only it completes or releases the row
    owner                 uuid          not null,
    claimed_at            timestamptz   not null,
    expires_at            timestamptz   not null,
    response_status       integer,
    response_content_type varchar(255),
    response_location     varchar(4096),
    response_etag         varchar(255),
    response_body         bytea,
    completed_at          timestamptz,
    primary key (caller_subject, caller_organisation, idempotency_key)
);
create index idempotency_key_expires_at on idempotency_key (expires_at);
