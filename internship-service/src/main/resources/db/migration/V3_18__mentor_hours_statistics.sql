-- Issue 18: mentors' hours in aggregate for government, as daily snapshots (like incidents',
-- ADR 0012): a snapshot never changes once computed.
create table mentor_hours_statistics_snapshot (
    as_of        date        primary key,
    computed_at  timestamptz not null
);

create table mentor_hours_statistics_cell (
    as_of        date          not null references mentor_hours_statistics_snapshot on delete cascade,
    position     integer       not null,
    month        varchar(7)    not null,
    side         varchar(12),
    kind         varchar(12),
    mentors      bigint,
    hours        numeric(12, 2),
    suppressed   boolean       not null,
    primary key (as_of, position)
);
create index mentor_hours_statistics_cell_by_month on mentor_hours_statistics_cell (as_of, month);
