-- Interviews, offers and hires of applications (issue 16, ADR 0014).

-- What a placement needs to say about the student, from their published profile: pseudonymous
-- attributes only (institution, major, degree, graduation year), never the person.
alter table known_student
    add column institution_code varchar(18),
    add column major_code       varchar(8),
    add column degree           varchar(12),
    add column graduation_year  integer;

-- Why the platform, not a party, ended an application (the demand filled, closed or expired; the
-- student revoked the contact grant or was forgotten). Null when a party's own move ended it.
alter table application
    add column end_reason       varchar(20)
        check (end_reason in ('DEMAND_FILLED', 'DEMAND_CLOSED', 'DEMAND_EXPIRED', 'CONTACT_REVOKED', 'STUDENT_FORGOTTEN')),
    add column offer_salary_min integer,
    add column offer_salary_max integer,
    add column offer_start_date date,
    add column offer_division_code varchar(6),
    add column offered_at       timestamp with time zone,
    add column hired_at         timestamp with time zone,
    add constraint application_offer_complete check (
        (offered_at is null) = (offer_salary_min is null)
        and (offered_at is null) = (offer_salary_max is null)
        and (offered_at is null) = (offer_start_date is null)
        and (offered_at is null) = (offer_division_code is null));
-- A forgotten student's ended applications are kept only as counts: their id is removed.
alter table application alter column student_id drop not null;
drop index application_due_to_expire;
create index application_due_to_expire on application (answer_by)
    where status in ('INVITED', 'APPLIED', 'OFFERED');

-- An interview round of an application: the enterprise proposes one to three slots, the student
-- picks one or asks for others, either side cancels.
create table interview (
    id               uuid primary key,
    application_id   uuid        not null references application (id),
    status           varchar(20) not null
        check (status in ('PROPOSED', 'SCHEDULED', 'OTHERS_REQUESTED', 'CANCELLED')),
    slots            jsonb       not null,
    chosen_slot      integer,
    mode             varchar(10) not null check (mode in ('ONLINE', 'ON_SITE')),
    division_code    varchar(6),
    note             varchar(1000),
    student_note     varchar(1000),
    cancelled_by     varchar(10) check (cancelled_by in ('ENTERPRISE', 'STUDENT')),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint not null,
    check ((mode = 'ON_SITE') = (division_code is not null)),
    check ((status = 'SCHEDULED') = (chosen_slot is not null) or status = 'CANCELLED')
);
create index interview_by_application on interview (application_id, id);
-- At most one live round per application.
create unique index interview_live_per_application on interview (application_id)
    where status in ('PROPOSED', 'SCHEDULED');
