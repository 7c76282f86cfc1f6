-- Where an internship takes place is a GB/T 2260 division code, not a typed name: government
-- statistics group incidents by its city-level code and so carry no free text.
alter table internship rename column city to division_code;
alter table internship alter column division_code type varchar(6);
alter table incident rename column city to city_code;
alter table incident alter column city_code type varchar(6);
create index incident_by_city on incident (city_code, occurred_on);
