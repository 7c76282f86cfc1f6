-- Market statistics are published as dated snapshots (ADR 0012): computed once for a closed day
-- in China time, then never changed, so polling cannot see one graduate come or go.
create table market_statistics_snapshot (
    as_of        date        primary key,
    computed_at  timestamptz not null
);

-- The published cells, already suppressed: a cell of 1–4 graduates has no key (it is folded into
-- the one keyless, countless suppressed cell of its dimension and year).
create table market_statistics_cell (
    as_of            date        not null references market_statistics_snapshot on delete cascade,
    dimension        varchar(12) not null,
    graduation_year  integer     not null,
    position         integer     not null,
    cell_key         varchar(20),
    open_positions   bigint,
    graduates        bigint,
    suppressed       boolean     not null,
    primary key (as_of, dimension, graduation_year, position)
);
