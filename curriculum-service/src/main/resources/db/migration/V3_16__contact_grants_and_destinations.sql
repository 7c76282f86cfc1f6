-- Issue 16 (ADR 0015): contact grants released by a student's application or acceptance, the
-- disclosures of contact cards they allow, and graduate destinations (毕业去向).
-- Numbered 3.16 so that it does not clash with other migrations written at the same time.

-- The applications of students known here, as talent-demand-service last published them: only
-- what decides a grant (who started it, its status, its version for ordering events).
create table known_application (
    id          uuid primary key,
    student_id  varchar(40) not null,
    started_by  varchar(10) not null check (started_by in ('ENTERPRISE', 'STUDENT')),
    status      varchar(12) not null,
    version     bigint not null,
    updated_at  timestamp with time zone not null
);
create index known_application_by_student on known_application (student_id);

-- One grant per application: the enterprise may read the student's contact card while it is
-- active (not revoked, not ended). student_id is the pseudonymous id.
create table contact_grant (
    id                     uuid primary key,
    application_id         uuid not null unique,
    student_id             varchar(40)  not null,
    enterprise_id          uuid         not null,
    enterprise_credit_code varchar(18)  not null,
    enterprise_name        varchar(200) not null,
    granted_at             timestamp with time zone not null,
    ends_at                timestamp with time zone,
    revoked_at             timestamp with time zone,
    version                bigint not null
);
create index contact_grant_by_student on contact_grant (student_id, id desc);

-- Every read of a contact card: who read whose card under which grant, and when.
create table disclosure (
    id                     uuid primary key,
    grant_id               uuid not null references contact_grant (id) on delete cascade,
    application_id         uuid not null,
    student_id             varchar(40)  not null,
    enterprise_credit_code varchar(18)  not null,
    enterprise_name        varchar(200) not null,
    read_at                timestamp with time zone not null
);
create index disclosure_by_student on disclosure (student_id, id desc);
create index disclosure_by_grant on disclosure (grant_id);

-- A graduate's destination, part of the student's record (its changes are the record's version).
create table graduate_destination (
    student_id           uuid primary key references student (id) on delete cascade,
    employer_credit_code varchar(18)  not null,
    employer_name        varchar(200) not null,
    occupation_code      varchar(20)  not null,
    division_code        varchar(6)   not null,
    start_date           date         not null,
    source               varchar(12)  not null check (source in ('PLACEMENT', 'STUDENT', 'INSTITUTION')),
    state                varchar(12)  not null check (state in ('PREFILLED', 'CONFIRMED')),
    placement_id         uuid,
    placed_at            timestamp with time zone,
    confirmed_by         varchar(12) check (confirmed_by in ('STUDENT', 'INSTITUTION')),
    confirmed_at         timestamp with time zone,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null
);
