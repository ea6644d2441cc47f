create table inbox_entry (
    id          varchar(64)  primary key,
    recipient   varchar(128) not null,
    read        boolean      not null,
    created_at  timestamptz  not null,
    doc         jsonb        not null
);
create index inbox_entry_recipient on inbox_entry (recipient, created_at desc);
