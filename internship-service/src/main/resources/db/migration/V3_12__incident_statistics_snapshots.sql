-- Incident statistics are published as dated snapshots (ADR 0012): computed once for a closed day
-- in China time, then never changed. A snapshot holds the closed months of reporting, already
-- suppressed: city cells of at least 5, a province's remaining small city cells together when they
-- reach 5, else one countless suppressed cell for the month.
create table incident_statistics_snapshot (
    as_of        date        primary key,
    computed_at  timestamptz not null
);

create table incident_statistics_cell (
    as_of          date        not null references incident_statistics_snapshot on delete cascade,
    position       integer     not null,
    month          varchar(7)  not null,
    type           varchar(20),
    severity       varchar(12),
    province_code  varchar(6),
    city_code      varchar(6),
    incidents      bigint,
    suppressed     boolean     not null,
    primary key (as_of, position)
);
create index incident_statistics_cell_by_month on incident_statistics_cell (as_of, month);
