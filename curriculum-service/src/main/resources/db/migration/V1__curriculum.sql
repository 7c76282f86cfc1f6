-- curriculum-service: institutions, course plans and programmes (versioned), students (the only
-- place their personal data lives), cohort imports, the training orders it learns from
-- talent-demand-service, and proposals. Ids are time-ordered UUIDs (v7): keyset pages sort by id.

create table institution (
    id          uuid primary key,
    code        varchar(18)  not null unique,
    code_kind   varchar(16)  not null,
    name        varchar(200) not null,
    kind        varchar(20)  not null,
    city        varchar(50)  not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint not null
);

create table course_plan (
    id               uuid primary key,
    institution_id   uuid not null references institution (id),
    line_id          uuid not null,
    kind             varchar(10)  not null,
    title            varchar(200) not null,
    catalogue        varchar(20),
    major_code       varchar(7),
    cohort_year      integer,
    programme        jsonb,
    courses          jsonb not null,
    status           varchar(10) not null,
    plan_version     integer,
    supersedes_id    uuid,
    superseded_by_id uuid,
    contracts        jsonb not null,
    published_at     timestamp with time zone,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint not null,
    unique (line_id, plan_version)
);
create index course_plan_by_institution on course_plan (institution_id, id desc);
create index course_plan_by_line on course_plan (line_id, plan_version);
create index course_plan_by_major on course_plan (institution_id, major_code, cohort_year)
    where status = 'PUBLISHED';
-- One published version per line: two concurrent publications cannot both win.
create unique index course_plan_one_published on course_plan (line_id) where status = 'PUBLISHED';

create table student (
    id                     uuid primary key,
    institution_id         uuid not null references institution (id),
    pseudonymous_id        varchar(40)  not null unique,
    pseudonym_key_id       varchar(40)  not null,
    name                   varchar(100) not null,
    student_number         varchar(32)  not null,
    phone                  varchar(20),
    email                  varchar(200),
    major_code             varchar(7)   not null,
    degree                 varchar(12)  not null,
    graduation_year        integer      not null,
    cohort_year            integer,
    declared_skills        jsonb not null,
    passed_courses         jsonb not null,
    course_skills          jsonb not null,
    course_plan_id         uuid,
    preferred_cities       jsonb not null,
    consent_given          boolean not null,
    consent_text_version   varchar(50),
    consent_changed_at     timestamp with time zone,
    published_fingerprint  varchar(64),
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    version                bigint not null,
    unique (institution_id, student_number)
);
create index student_by_institution on student (institution_id, id desc);

-- Erased students by pseudonymous id alone, so an import cannot bring them back.
create table erased_student (
    pseudonymous_id varchar(40) primary key,
    erased_at       timestamp with time zone not null
);

create table student_import (
    id                  uuid primary key,
    institution_id      uuid not null references institution (id),
    format              varchar(10) not null,
    file_sha256         varchar(64) not null,
    file_bytes          bigint not null,
    status              varchar(10) not null,
    rows_read           bigint not null default 0,
    rows_created        bigint not null default 0,
    rows_updated        bigint not null default 0,
    rows_unchanged      bigint not null default 0,
    rows_invalid        bigint not null default 0,
    profiles_published  bigint not null default 0,
    profiles_forgotten  bigint not null default 0,
    failure             varchar(1000),
    created_at          timestamp with time zone not null,
    started_at          timestamp with time zone,
    finished_at         timestamp with time zone,
    version             bigint not null
);
create index student_import_by_institution on student_import (institution_id, id desc);

create table import_error (
    import_id   uuid    not null references student_import (id) on delete cascade,
    row_number  bigint  not null,
    column_name varchar(40)  not null,
    reason      varchar(500) not null,
    primary key (import_id, row_number, column_name)
);

create table training_order (
    id                     uuid primary key,
    enterprise_credit_code varchar(18)  not null,
    enterprise_name        varchar(200) not null,
    title                  varchar(200) not null,
    description            varchar(5000),
    major_codes            jsonb   not null,
    headcount              integer not null,
    cohort_year            integer not null,
    skills                 jsonb   not null,
    target_universities    jsonb   not null,
    proposal_deadline      date    not null,
    status                 varchar(12) not null,
    awarded_capacity       integer not null,
    awards                 jsonb   not null,
    version                bigint  not null,
    updated_at             timestamp with time zone not null
);
create index training_order_open on training_order (proposal_deadline) where status in ('OPEN', 'CONTRACTED');

create table proposal (
    id                uuid primary key,
    institution_id    uuid not null references institution (id),
    training_order_id uuid not null references training_order (id),
    course_plan_id    uuid not null references course_plan (id),
    major_code        varchar(7) not null,
    capacity          integer not null check (capacity >= 1),
    summary           varchar(5000),
    status            varchar(10) not null,
    awarded_capacity  integer,
    submitted_at      timestamp with time zone not null,
    withdrawn_at      timestamp with time zone,
    updated_at        timestamp with time zone not null,
    version           bigint not null
);
create index proposal_by_institution on proposal (institution_id, id desc);
create index proposal_by_order on proposal (training_order_id);
-- One live proposal per order and plan: a double click cannot submit twice.
create unique index proposal_one_live on proposal (training_order_id, course_plan_id) where status = 'SUBMITTED';
