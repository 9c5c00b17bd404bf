-- The job's published tables (read by BI, finance and the workbook) and the staging tables one run
-- fills before it publishes.
--
-- sla_ticket_result has one partition per month, and sla_ticket_result_stage one per job execution: a
-- run's staged results become the month's partition in the publish transaction (detach, attach), so a
-- month of a million tickets is written once, not copied again. ticket_id is unique in the whole table
-- (a ticket that moves month is deleted from its old month on publish); the key includes the period
-- because PostgreSQL's unique indexes on partitioned tables must.

CREATE TABLE sla_ticket_result (
  ticket_id               text NOT NULL,         -- one row per ticket in the whole table
  period                  text NOT NULL,         -- YYYY-MM of closed_at in the reporting zone
  severity                smallint NOT NULL,
  customer_tier           text NOT NULL,         -- ENTERPRISE | SME | SMB
  account_id              text,
  account_name            text,
  category                text,
  channel                 text,
  subject                 text,
  integration             text,
  policy_version          text NOT NULL,
  ack_seconds             bigint NOT NULL,       -- support time to the effective acknowledgment
  response_seconds        bigint NOT NULL,       -- support time to the effective response
  ack_target_seconds      bigint NOT NULL,
  response_target_seconds bigint NOT NULL,
  ack_due_at              timestamptz NOT NULL,
  response_due_at         timestamptz NOT NULL,
  ack_status              text NOT NULL,         -- MET | BREACHED | EXEMPT
  response_status         text NOT NULL,
  ack_source              text NOT NULL,         -- ACKNOWLEDGED | RESPONDED | CLOSED
  response_source         text NOT NULL,         -- RESPONDED | CLOSED
  created_at              timestamptz,
  acknowledged_at         timestamptz,
  first_response_at       timestamptz,
  closed_at               timestamptz,
  job_execution_id        bigint NOT NULL,
  PRIMARY KEY (ticket_id, period)
) PARTITION BY LIST (period);

CREATE TABLE sla_rejected_ticket (
  ticket_id        text PRIMARY KEY,
  period           text NOT NULL,
  reason           text NOT NULL,                -- MISSING_CREATED_AT | UNKNOWN_SEVERITY | UNKNOWN_TIER | TIMESTAMP_BEFORE_CREATED
  detail           text NOT NULL,
  job_execution_id bigint NOT NULL
);
CREATE INDEX sla_rejected_ticket_period_idx ON sla_rejected_ticket (period);

CREATE TABLE sla_compliance_summary (
  period                  text NOT NULL,
  severity                smallint NOT NULL,
  customer_tier           text NOT NULL,         -- ENTERPRISE | SME | SMB | ALL
  tickets_closed          integer NOT NULL,
  tickets_evaluated       integer NOT NULL,
  ack_met                 integer NOT NULL,
  ack_breached            integer NOT NULL,
  response_met            integer NOT NULL,
  response_breached       integer NOT NULL,
  ack_compliance_pct      numeric(5,2),
  response_compliance_pct numeric(5,2),
  ack_p50_seconds         double precision,
  ack_p90_seconds         double precision,
  response_p50_seconds    double precision,
  response_p90_seconds    double precision,
  job_execution_id        bigint NOT NULL,
  PRIMARY KEY (period, severity, customer_tier)
);

-- Staged results, one partition per job execution (created by the run's prepare step).
CREATE TABLE sla_ticket_result_stage (LIKE sla_ticket_result INCLUDING DEFAULTS) PARTITION BY LIST (job_execution_id);
-- Rejects and summaries are small: UNLOGGED staging, copied on publish.
CREATE UNLOGGED TABLE sla_rejected_ticket_stage (LIKE sla_rejected_ticket INCLUDING DEFAULTS);
CREATE INDEX sla_rejected_ticket_stage_exec_idx ON sla_rejected_ticket_stage (job_execution_id);
CREATE UNLOGGED TABLE sla_compliance_summary_stage (LIKE sla_compliance_summary INCLUDING DEFAULTS);
