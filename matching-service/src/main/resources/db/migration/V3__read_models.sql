-- What ranking, diagnosis, gap reports and statistics need beyond demands, each table built from
-- the owning service's events (never read from its database).

-- Demands: the enterprise's credit code (the org claim that owns the demand) and the degree floor.
alter table demand_view add column enterprise_code varchar(18);
alter table demand_view add column minimum_degree varchar(16);

-- Consented student profiles under their pseudonymous id; no name, number or contact ever.
-- skills: [{key, name, level, declared, fromCourses}], key = vocabulary code or "~" + text key.
create table student_profile (
    student_id        varchar(32)  primary key,
    institution_id    uuid         not null,
    institution_code  varchar(20)  not null,
    major_code        varchar(8)   not null,
    degree            varchar(16)  not null,
    graduation_year   integer      not null,
    cohort_year       integer,
    skills            jsonb        not null,
    preferred_cities  jsonb        not null,
    source_version    bigint       not null,
    updated_at        timestamp with time zone not null
);
create index student_profile_by_institution on student_profile (institution_code, major_code);

-- Skills both mentors of a completed internship confirmed; may arrive before the profile does.
create table verified_skill (
    student_id                 varchar(32)  not null,
    internship_id              uuid         not null,
    skill_key                  varchar(210) not null,
    skill_name                 varchar(200) not null,
    institution_mentor_rating  integer      not null,
    enterprise_mentor_rating   integer      not null,
    verified_at                timestamp with time zone not null,
    primary key (student_id, internship_id, skill_key)
);

-- Students who withdrew consent or were erased: a late or replayed event must not bring them back.
-- Only the pseudonymous id is kept.
create table forgotten_student (
    student_id    varchar(32) primary key,
    forgotten_at  timestamp with time zone not null
);

-- Course plans and programmes, every version; in force from published_at until ended_at
-- (superseded or retired). skills: [{key, name, level}].
create table course_plan_view (
    course_plan_id       uuid         primary key,
    line_id              uuid         not null,
    plan_version         integer      not null,
    institution_id       uuid         not null,
    institution_code     varchar(20)  not null,
    institution_name     varchar(200) not null,
    kind                 varchar(16)  not null,
    title                varchar(300) not null,
    major_code           varchar(8),
    cohort_year          integer,
    programme_seats      integer,
    skills               jsonb        not null,
    status               varchar(16)  not null,
    contracted_capacity  integer      not null,
    published_at         timestamp with time zone,
    ended_at             timestamp with time zone,
    source_version       bigint       not null,
    updated_at           timestamp with time zone not null
);
create index course_plan_view_by_institution on course_plan_view (institution_code, major_code);

-- Training orders (订单式培养) as talent-demand publishes them.
create table training_order_view (
    training_order_id    uuid         primary key,
    enterprise_id        uuid         not null,
    enterprise_code      varchar(18)  not null,
    title                varchar(300) not null,
    major_codes          jsonb        not null,
    headcount            integer      not null,
    cohort_year          integer      not null,
    skills               jsonb        not null,
    target_universities  jsonb        not null,
    status               varchar(16)  not null,
    awarded_capacity     integer      not null,
    source_version       bigint       not null,
    updated_at           timestamp with time zone not null
);

-- The last top 10 announced per demand, so a change is announced once even with several instances
-- (the row is replaced only if it still holds what the instance computed against).
create table demand_top_matches (
    demand_id    uuid        primary key,
    digest       varchar(64) not null,
    students     jsonb       not null,
    computed_at  timestamp with time zone not null
);
