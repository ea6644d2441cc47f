-- A projection replay as every instance of the service sees it (ProjectionReplayer): one row per
-- projection replayed at least once, written by the instance that runs the replay. Which instance
-- may run one is decided by a PostgreSQL advisory lock held for the replay's whole length, not by
-- this row: a row left REPLAYING by an instance that died is read as FAILED (its lock is gone).
create table projection_replay (
    name              varchar(255) primary key,
    tables            text         not null,
    status            varchar(20)  not null,
    instance          varchar(255) not null,
    position          bigint       not null,
    total             bigint       not null,
    events_applied    bigint       not null,
    events_per_second double precision not null,
    started_at        timestamptz  not null,
    finished_at       timestamptz,
    error             text
);
