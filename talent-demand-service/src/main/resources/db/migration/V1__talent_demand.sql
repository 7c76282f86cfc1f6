-- talent-demand-service: enterprises, demands, templates, training orders (+ proposals received),
-- technical challenges (+ interests). Ids are time-ordered UUIDs (v7): keyset pages sort by id.

create table enterprise (
    id             uuid primary key,
    credit_code    varchar(18)  not null unique,
    name           varchar(200) not null,
    size_class     varchar(10)  not null,
    industry       varchar(100) not null,
    division_code  varchar(6)   not null,
    contact_name   varchar(100) not null,
    contact_phone  varchar(30),
    contact_email  varchar(200),
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    version        bigint not null
);

create table demand (
    id              uuid primary key,
    enterprise_id   uuid not null references enterprise (id),
    title           varchar(200) not null,
    description     varchar(5000),
    occupation_code varchar(10)  not null,
    major_codes     jsonb        not null,
    minimum_degree  varchar(12),
    skills          jsonb        not null,
    headcount       integer      not null check (headcount >= 1),
    filled_count    integer      not null check (filled_count >= 0 and filled_count <= headcount),
    city            varchar(50)  not null,
    salary_min      integer check (salary_min >= 0),
    salary_max      integer check (salary_max >= 0),
    employment_type varchar(12)  not null,
    start_date      date,
    valid_through   date         not null,
    status          varchar(10)  not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    published_at    timestamp with time zone,
    version         bigint not null
);
create index demand_by_status on demand (status, id desc);
create index demand_by_enterprise on demand (enterprise_id, id desc);
create index demand_by_occupation on demand (occupation_code, id desc);
create index demand_due_to_expire on demand (valid_through) where status = 'PUBLISHED';
create index demand_major_codes on demand using gin (major_codes);

create table demand_template (
    occupation_code varchar(10)  primary key,
    occupation_name varchar(100) not null,
    industry        varchar(50)  not null,
    skills          jsonb        not null,
    major_codes     jsonb        not null,
    minimum_degree  varchar(12),
    updated_at      timestamp with time zone not null
);

create table training_order (
    id                  uuid primary key,
    enterprise_id       uuid not null references enterprise (id),
    title               varchar(200) not null,
    description         varchar(5000),
    major_codes         jsonb   not null,
    headcount           integer not null check (headcount >= 1),
    cohort_year         integer not null,
    skills              jsonb   not null,
    target_universities jsonb   not null,
    proposal_deadline   date    not null,
    funding_note        varchar(1000),
    status              varchar(12) not null,
    awarded_capacity    integer not null check (awarded_capacity >= 0 and awarded_capacity <= headcount),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint not null
);
create index training_order_by_enterprise on training_order (enterprise_id, id desc);
create index training_order_by_status on training_order (status, id desc);

create table proposal (
    id                uuid primary key,
    training_order_id uuid not null references training_order (id),
    university_code   varchar(20)  not null,
    university_name   varchar(200) not null,
    course_plan_id    uuid,
    summary           varchar(5000),
    capacity          integer not null check (capacity >= 1),
    status            varchar(10) not null,
    rejection_reason  varchar(200),
    awarded_capacity  integer,
    submitted_at      timestamp with time zone not null,
    received_at       timestamp with time zone not null,
    awarded_at        timestamp with time zone
);
create index proposal_by_order on proposal (training_order_id, id);

create table challenge (
    id                   uuid primary key,
    enterprise_id        uuid not null references enterprise (id),
    title                varchar(200)  not null,
    description          varchar(10000) not null,
    discipline_codes     jsonb not null,
    skills               jsonb not null,
    budget_min           integer check (budget_min >= 0),
    budget_max           integer check (budget_max >= 0),
    deadline             date  not null,
    status               varchar(10) not null,
    interest_count       integer not null,
    selected_interest_id uuid,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              bigint not null
);
create index challenge_by_enterprise on challenge (enterprise_id, id desc);
create index challenge_by_status on challenge (status, id desc);

create table challenge_interest (
    id              uuid primary key,
    challenge_id    uuid not null references challenge (id),
    university_code varchar(20)  not null,
    contact_name    varchar(100) not null,
    message         varchar(2000),
    registered_at   timestamp with time zone not null,
    unique (challenge_id, university_code)
);
