-- Budget authority per fiscal year and instrument, and each line's obligation against it.
create table budget_view (
    id          varchar(64) primary key,
    fiscal_year integer     not null,
    instrument  varchar(32) not null,
    doc         jsonb       not null
);
create index budget_view_fiscal_year on budget_view (fiscal_year);

create table budget_obligation_view (
    id        varchar(64) primary key,
    budget_id varchar(64) not null,
    doc       jsonb       not null
);
create index budget_obligation_view_budget on budget_obligation_view (budget_id);
