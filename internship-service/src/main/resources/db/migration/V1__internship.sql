-- internship-service: mentors, dual-mentor internships (双导师) and apprenticeships (高师带教),
-- weekly logs, mentor hours, evaluations, incidents; students known by pseudonymous id only.
-- Ids are time-ordered UUIDs (v7): keyset pages sort by id.

-- Students as curriculum-service publishes them (consented profiles): who may be placed, and where
-- they study. Deleted when curriculum-service says forget.
create table known_student (
    pseudonymous_id  varchar(40) primary key,
    institution_code varchar(18) not null,
    version          bigint      not null
);

create table mentor (
    id           uuid primary key,
    org_code     varchar(18)  not null,
    side         varchar(12)  not null,
    name         varchar(100) not null,
    title        varchar(100) not null,
    skills       jsonb        not null,
    capacity     integer      not null check (capacity between 1 and 50),
    -- Internships proposed, confirmed or active with this mentor: taken with a conditional update,
    -- so no two assignments can take the last place.
    assigned     integer      not null check (assigned >= 0 and assigned <= capacity),
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    version      bigint not null
);
create index mentor_by_org on mentor (org_code, id desc);

create table internship (
    id                     uuid primary key,
    kind                   varchar(16)  not null,
    student_id             varchar(40),
    forgotten              boolean      not null,
    institution_code       varchar(18)  not null,
    enterprise_code        varchar(18)  not null,
    demand_id              uuid,
    training_order_id      uuid,
    institution_mentor_id  uuid not null references mentor (id),
    enterprise_mentor_id   uuid not null references mentor (id),
    start_date             date         not null,
    end_date               date         not null,
    city                   varchar(50)  not null,
    place                  varchar(200) not null,
    goals                  jsonb        not null,
    status                 varchar(12)  not null,
    accepted_by            jsonb        not null,
    termination_reason     varchar(500),
    evaluations            jsonb        not null,
    verified_skills        jsonb        not null,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    version                bigint not null
);
create index internship_by_institution on internship (institution_code, id desc);
create index internship_by_enterprise on internship (enterprise_code, id desc);
create index internship_by_student on internship (student_id, id desc);
create index internship_by_institution_mentor on internship (institution_mentor_id, id desc);
create index internship_by_enterprise_mentor on internship (enterprise_mentor_id, id desc);

create table internship_log (
    id             uuid primary key,
    internship_id  uuid not null references internship (id),
    week_of        date not null,
    text           varchar(5000),
    hours          numeric(4, 1) not null check (hours >= 0 and hours <= 84),
    goals          jsonb not null,
    comments       jsonb not null,
    submitted_at   timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    version        bigint not null,
    unique (internship_id, week_of)
);

create table mentor_hours (
    id             uuid primary key,
    mentor_id      uuid not null references mentor (id),
    org_code       varchar(18) not null,
    internship_id  uuid references internship (id),
    day            date not null,
    kind           varchar(12) not null,
    hours          numeric(4, 1) not null check (hours > 0 and hours <= 24),
    created_at     timestamp with time zone not null
);
create index mentor_hours_by_org_day on mentor_hours (org_code, day);

create table incident (
    id             uuid primary key,
    internship_id  uuid not null references internship (id),
    type           varchar(20) not null,
    severity       varchar(12) not null,
    occurred_on    date not null,
    city           varchar(50) not null,
    description    varchar(5000),
    actions        varchar(5000),
    reported_by    varchar(18) not null,
    created_at     timestamp with time zone not null,
    version        bigint not null
);
create index incident_by_day on incident (occurred_on);
create index incident_by_internship on incident (internship_id, id desc);
