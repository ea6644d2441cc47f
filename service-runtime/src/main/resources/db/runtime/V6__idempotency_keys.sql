-- Idempotency-Key (IETF httpapi draft): the first successful answer to a POST, per caller and key,
-- so that a repeat returns it instead of acting twice. A row is claimed (IN_PROGRESS, committed at
-- once so concurrent repeats see it) before the request runs and completed with its answer after;
-- an answer that is not stored (any non-2xx) releases the row. Rows expire (expires_at) and are
-- deleted off the request path.
-- Text without a length limit where the caller decides the length (a path, a token's subject): a
-- claim must never fail on a long value, or a refused request would answer 500 instead of its problem.
create table idempotency_key (
    -- SHA-256 of subject, organisation and key: the lookup key, of a fixed size whatever the token holds
    scope_digest          bytea         primary key,
    caller_subject        text          not null,
    caller_organisation   text          not null,
    idempotency_key       varchar(255)  not null,
    request_method        varchar(16)   not null,
    request_path          text          not null,
    -- SHA-256 of the canonical JSON body; with method and path, what a repeat must match
    request_fingerprint   bytea         not null,
    state                 varchar(16)   not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    -- the claim's owner (one request in one instance): only it completes or releases the row
    owner                 uuid          not null,
    claimed_at            timestamptz   not null,
    expires_at            timestamptz   not null,
    response_status       integer,
    response_content_type text,
    response_location     text,
    response_etag         text,
    response_body         bytea,
    completed_at          timestamptz
);
create index idempotency_key_expires_at on idempotency_key (expires_at);
