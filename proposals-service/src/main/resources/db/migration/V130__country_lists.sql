-- Versions of the country-group list loaded by Commerce (CountryListProjection); the bundled
-- version is not stored here.
create table country_list_view (
    id           varchar(64) primary key,
    effective_at timestamptz not null,
    doc          jsonb       not null
);
create index country_list_view_effective on country_list_view (effective_at);
