-- Outcomes that close the loop (issue 16, ADR 0016). Numbered 4.16 so that it does not clash with
-- other migrations written at the same time.

-- Applications as talent-demand-service published them (qiao.application.<stage>.v1): which
-- students an enterprise already invited (or who applied) for a demand. Read by demand id, once
-- per ranking. student_id is null once the student was forgotten (the row stays as a version
-- guard, naming nobody).
create table application_view (
    application_id   uuid         primary key,
    demand_id        uuid         not null,
    enterprise_id    uuid         not null,
    enterprise_code  varchar(18)  not null,
    student_id       varchar(32),
    started_by       varchar(10)  not null,
    status           varchar(12)  not null,
    source_version   bigint       not null,
    updated_at       timestamp with time zone not null
);
create index application_view_by_demand on application_view (demand_id, student_id);
create index application_view_by_student on application_view (student_id) where student_id is not null;

-- Hires (qiao.placement.recorded.v1): pseudonymous attributes only, no enterprise name, no
-- salary figure. student_id is null once the student was forgotten: the placement then counts in
-- outcomes and statistics without anyone behind it.
create table placement (
    placement_id      uuid         primary key,
    demand_id         uuid         not null,
    student_id        varchar(32),
    institution_code  varchar(20)  not null,
    major_code        varchar(8)   not null,
    degree            varchar(16)  not null,
    graduation_year   integer      not null,
    occupation_code   varchar(20)  not null,
    enterprise_id     uuid         not null,
    industry          varchar(10),
    division_code     varchar(6)   not null,
    salary_band       varchar(20)  not null,
    start_date        date         not null,
    days_to_offer     integer      not null,
    hired_at          timestamp with time zone not null
);
create index placement_by_institution on placement (institution_code, graduation_year);
create index placement_by_year on placement (graduation_year);
create index placement_by_student on placement (student_id) where student_id is not null;

-- The latest qiao.student.job-seeking-resumed.v1 per student: a hired student is ranked again only
-- when this is later than their latest hire (events of two topics: compared by time, not order).
create table job_seeking_resumed (
    student_id  varchar(32) primary key,
    resumed_at  timestamp with time zone not null
);

-- Government statistics: placements of a snapshot, by the market dimension (major class,
-- occupation, city), already suppressed like the market cells (ADR 0012).
create table market_statistics_placement_cell (
    as_of                 date        not null references market_statistics_snapshot on delete cascade,
    dimension             varchar(12) not null,
    graduation_year       integer     not null,
    position              integer     not null,
    cell_key              varchar(20),
    placements            bigint,
    median_days_to_offer  integer,
    p75_days_to_offer     integer,
    suppressed            boolean     not null,
    primary key (as_of, dimension, graduation_year, position)
);
