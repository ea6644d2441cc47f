-- Integration events this service's consumer could not read or apply: each row is written when the
-- record is sent to <service>.dead-letter, and keeps the record's exact bytes so that an operator
-- can redeliver it through the consumer's own path (GET/POST /admin/dead-letters).
create table dead_letter (
    id               uuid          primary key,
    topic            varchar(255)  not null,
    partition_no     integer       not null,
    kafka_offset     bigint        not null,
    record_key       varchar(1000),
    event_id         uuid,
    event_type       varchar(255),
    schema_version   integer,
    rule             varchar(64)   not null,
    reason           text          not null,
    attempts         integer       not null,
    record_value     bytea,
    dead_lettered_at timestamptz   not null default now(),
    status           varchar(32)   not null,
    -- one row per consumed record, however often it is dead-lettered (a crash before the offset commit)
    unique (topic, partition_no, kafka_offset)
);
create index dead_letter_by_status on dead_letter (status, dead_lettered_at desc);

-- Every redelivery an operator asked for, with who asked and what came of it.
create table dead_letter_redelivery (
    id             bigserial    primary key,
    dead_letter_id uuid         not null references dead_letter (id),
    requested_by   varchar(255) not null,
    requested_at   timestamptz  not null,
    outcome        varchar(32)  not null,
    reason         text
);
create index dead_letter_redelivery_by_letter on dead_letter_redelivery (dead_letter_id, id);
