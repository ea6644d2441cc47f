-- The service's event store (Axon JdbcEventStorageEngine), its tracking tokens, and the record of
-- integration events already applied. Service-owned migrations start at V100.
create table domain_event_entry (
    global_index         bigserial    primary key,
    event_identifier     varchar(255) not null unique,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    -- optimistic concurrency: two writers of the same aggregate version collide here (SQLState 23505)
    constraint domain_event_entry_aggregate_sequence unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null unique,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    primary key (aggregate_identifier, sequence_number)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

-- Consuming exactly once in effect: an integration event's id is recorded in the same transaction
-- as its effect, so a redelivery finds it here and has no second effect.
create table processed_integration_event (
    event_id     uuid         primary key,
    event_type   varchar(255) not null,
    topic        varchar(255) not null,
    partition_no integer      not null,
    kafka_offset bigint       not null,
    processed_at timestamptz  not null default now()
);
