-- The job's published tables (read by BI, finance and the workbook) and the staging tables one run
-- fills before it publishes. Staging tables are plain tables in H2: a crashed run is redone from the start.

CREATE TABLE sla_ticket_result (
  ticket_id               varchar PRIMARY KEY,      -- one row per ticket in the whole table
  period                  varchar NOT NULL,         -- YYYY-MM of closed_at in the reporting zone
  severity                smallint NOT NULL,
  customer_tier           varchar NOT NULL,         -- ENTERPRISE | SME | SMB
  account_id              varchar,
  account_name            varchar,
  category                varchar,
  channel                 varchar,
  subject                 varchar,
  integration             varchar,
  policy_version          varchar NOT NULL,
  ack_seconds             bigint NOT NULL,       -- support time to the effective acknowledgment
  response_seconds        bigint NOT NULL,       -- support time to the effective response
  ack_target_seconds      bigint NOT NULL,
  response_target_seconds bigint NOT NULL,
  ack_due_at              timestamp with time zone NOT NULL,
  response_due_at         timestamp with time zone NOT NULL,
  ack_status              varchar NOT NULL,         -- MET | BREACHED | EXEMPT
  response_status         varchar NOT NULL,
  ack_source              varchar NOT NULL,         -- ACKNOWLEDGED | RESPONDED | CLOSED
  response_source         varchar NOT NULL,         -- RESPONDED | CLOSED
  created_at              timestamp with time zone,
  acknowledged_at         timestamp with time zone,
  first_response_at       timestamp with time zone,
  closed_at               timestamp with time zone,
  job_execution_id        bigint NOT NULL
);
CREATE INDEX sla_ticket_result_period_idx ON sla_ticket_result (period);

CREATE TABLE sla_rejected_ticket (
  ticket_id        varchar PRIMARY KEY,
  period           varchar NOT NULL,
  reason           varchar NOT NULL,                -- MISSING_CREATED_AT | UNKNOWN_SEVERITY | UNKNOWN_TIER | TIMESTAMP_BEFORE_CREATED
  detail           varchar NOT NULL,
  job_execution_id bigint NOT NULL
);
CREATE INDEX sla_rejected_ticket_period_idx ON sla_rejected_ticket (period);

CREATE TABLE sla_compliance_summary (
  period                  varchar NOT NULL,
  severity                smallint NOT NULL,
  customer_tier           varchar NOT NULL,         -- ENTERPRISE | SME | SMB | ALL
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

CREATE TABLE sla_ticket_result_stage AS SELECT * FROM sla_ticket_result WITH NO DATA;
CREATE INDEX sla_ticket_result_stage_exec_idx ON sla_ticket_result_stage (job_execution_id);
CREATE TABLE sla_rejected_ticket_stage AS SELECT * FROM sla_rejected_ticket WITH NO DATA;
CREATE INDEX sla_rejected_ticket_stage_exec_idx ON sla_rejected_ticket_stage (job_execution_id);
CREATE TABLE sla_compliance_summary_stage AS SELECT * FROM sla_compliance_summary WITH NO DATA;
