-- Least privilege for the nightly job (run once as a superuser or the database owner; psql -v pw='...').
-- The job owns a schema of its own (its tables, Spring Batch's, Flyway's history) and may only read tickets.
CREATE ROLE sla_job LOGIN PASSWORD :'pw';
CREATE SCHEMA sla AUTHORIZATION sla_job;
GRANT USAGE ON SCHEMA public TO sla_job;
GRANT SELECT ON public.tickets TO sla_job;
ALTER ROLE sla_job SET search_path = sla, public;
-- Only --import writes tickets: give that to a separate role, used by the import run alone.
-- CREATE ROLE sla_import LOGIN PASSWORD '...' IN ROLE sla_job;
-- GRANT INSERT, UPDATE ON public.tickets TO sla_import;
