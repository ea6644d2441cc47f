-- The program report's facts: one row per proposal with when it reached each stage and what it
-- targeted and requested, written by the replayable program-report projection.
create table program_fact (
    id      varchar(64) primary key,
    call_id varchar(64) not null,
    doc     jsonb       not null
);
create index program_fact_call on program_fact (call_id);
