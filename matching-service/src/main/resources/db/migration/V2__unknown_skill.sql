-- Skill names from events that the vocabulary does not know, for curators to add as skills or
-- aliases. Keyed by the normalised name (SkillText.key).
create table unknown_skill (
    skill_key      varchar(200) primary key,
    text           varchar(200) not null,
    occurrences    bigint       not null,
    first_seen_at  timestamp with time zone not null,
    last_seen_at   timestamp with time zone not null
);
create index unknown_skill_by_occurrences on unknown_skill (occurrences desc, skill_key);
