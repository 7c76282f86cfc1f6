-- Two first versions of a major's plan published at once would each start a line; only one plan
-- per institution, major and cohort may be published (the loser of the race gets 409).
create unique index course_plan_one_published_per_major on course_plan (institution_id, major_code, cohort_year)
    where status = 'PUBLISHED' and kind = 'MAJOR';
