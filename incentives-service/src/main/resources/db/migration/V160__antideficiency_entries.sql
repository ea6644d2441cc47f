-- The Antideficiency evidence as a read model: one row per stored budget event, the budget before
-- and after it and what its check found, written by a tracking projection (so a replay rebuilds it
-- and GET /budgets/{id}/antideficiency-report can be held against it).
create table antideficiency_entry (
    id        varchar(96) primary key,
    budget_id varchar(64) not null,
    sequence  bigint      not null,
    doc       jsonb       not null
);
create index antideficiency_entry_budget on antideficiency_entry (budget_id, sequence);
