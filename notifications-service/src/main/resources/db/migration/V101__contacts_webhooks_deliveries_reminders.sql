-- E-mail contacts of consortia and agencies (read model of ContactBook).
create table contact_view (
    id           varchar(64)  primary key,
    organisation varchar(128) not null,
    doc          jsonb        not null
);
create index contact_view_organisation on contact_view (organisation);

-- Consortia the service has met (told something, or registered a contact): who call reminders go to.
create table known_consortium (
    organisation  varchar(128) primary key,
    first_seen_at timestamptz  not null
);

-- Webhook subscriptions (read model of Webhook).
create table webhook_view (
    id            varchar(64)  primary key,
    agency        varchar(128) not null,
    active        boolean      not null,
    registered_at timestamptz  not null,
    doc           jsonb        not null
);
create index webhook_view_agency on webhook_view (agency) where active;

-- The webhooks' HMAC secrets, deliberately outside the event store (which auditors read and export).
create table webhook_secret (
    webhook_id varchar(64) primary key,
    secret     text        not null
);

-- Deliveries: the operators' view and the senders' work queue. A row is claimed with
-- SELECT ... FOR UPDATE SKIP LOCKED, so several instances never try the same row at once.
create table delivery (
    id              varchar(64)  primary key,
    channel         varchar(16)  not null,
    status          varchar(16)  not null,
    next_attempt_at timestamptz,
    created_at      timestamptz  not null,
    source_event_id varchar(255) not null,
    doc             jsonb        not null
);
create index delivery_due on delivery (next_attempt_at) where status in ('PENDING', 'FAILED');
create index delivery_status on delivery (status, created_at desc);

-- Open calls' closing instants, and the closing reminders already sent (one per call and threshold).
create table call_deadline (
    id        varchar(64) primary key,
    closes_at timestamptz not null,
    doc       jsonb       not null
);
create index call_deadline_closes_at on call_deadline (closes_at);

create table closing_reminder (
    id        varchar(255) primary key,
    call_id   varchar(64)  not null,
    threshold varchar(8)   not null,
    doc       jsonb        not null
);
