-- Applications (邀约 / 投递): one student (pseudonymous id) and one published demand, ADR 0014.

-- Students as curriculum-service publishes them (consented profiles), by pseudonymous id only:
-- who may be invited. A forgotten student keeps only the row as a tombstone (reason, time, the
-- highest profile version known), so a late or replayed profile does not bring them back (ADR 0009).
create table known_student (
    pseudonymous_id  varchar(40) primary key,
    version          bigint      not null,
    forgotten_reason varchar(20) check (forgotten_reason in ('CONSENT_WITHDRAWN', 'ERASED')),
    forgotten_at     timestamp with time zone,
    check ((forgotten_reason is null) = (forgotten_at is null))
);

-- A student's "never contact me" for one enterprise.
create table student_block (
    id            uuid primary key,
    student_id    varchar(40) not null,
    enterprise_id uuid        not null references enterprise (id),
    blocked_at    timestamp with time zone not null,
    unique (student_id, enterprise_id)
);

create table application (
    id            uuid primary key,
    demand_id     uuid        not null references demand (id),
    enterprise_id uuid        not null references enterprise (id),
    student_id    varchar(40) not null,
    started_by    varchar(10) not null check (started_by in ('ENTERPRISE', 'STUDENT')),
    status        varchar(12) not null,
    answer_by     timestamp with time zone not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint not null
);
create index application_by_demand on application (demand_id, id desc);
create index application_by_student on application (student_id, id desc);
create index application_due_to_expire on application (answer_by) where status in ('INVITED', 'APPLIED');
-- One open application per student and demand: a concurrent second one is a unique violation (409).
create unique index application_open_per_student_and_demand on application (demand_id, student_id)
    where status in ('INVITED', 'APPLIED', 'ACCEPTED', 'INTERVIEWING', 'OFFERED');
