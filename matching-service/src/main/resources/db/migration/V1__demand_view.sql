create table demand_view (
    demand_id       uuid primary key,
    enterprise_id   varchar(64)  not null,
    title           varchar(200) not null,
    occupation_code varchar(16)  not null,
    major_codes     jsonb        not null,
    skills          jsonb        not null,
    headcount       integer      not null,
    city            varchar(50)  not null,
    valid_through   date,
    status          varchar(16)  not null,
    source_version  bigint       not null,
    published_at    timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
