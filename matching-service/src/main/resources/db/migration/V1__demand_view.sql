-- matching-service's read model of demands, built from talent-demand events (never drafts).
create table demand_view (
    demand_id       uuid primary key,
    enterprise_id   uuid         not null,
    enterprise_name varchar(200) not null,
    title           varchar(200) not null,
    occupation_code varchar(16)  not null,
    major_codes     jsonb        not null,
    skills          jsonb        not null,
    headcount       integer      not null,
    filled_count    integer      not null,
    city            varchar(50)  not null,
    valid_through   date,
    status          varchar(16)  not null,
    source_version  bigint       not null,
    published_at    timestamp with time zone,
    updated_at      timestamp with time zone not null
);
