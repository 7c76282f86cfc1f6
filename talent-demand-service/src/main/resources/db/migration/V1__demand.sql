create table demand (
    id              uuid primary key,
    enterprise_id   varchar(64)  not null,
    title           varchar(200) not null,
    occupation_code varchar(16)  not null,
    major_codes     jsonb        not null,
    skills          jsonb        not null,
    headcount       integer      not null check (headcount >= 1),
    city            varchar(50)  not null,
    valid_through   date,
    status          varchar(16)  not null,
    created_at      timestamp with time zone not null,
    published_at    timestamp with time zone,
    version         bigint       not null
);
create index demand_enterprise on demand (enterprise_id, id);
