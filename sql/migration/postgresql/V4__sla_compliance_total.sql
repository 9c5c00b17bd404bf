-- Tickets that breached either target, per severity and tier: null for periods summarized before.
ALTER TABLE sla_compliance_summary ADD COLUMN tickets_with_breach integer;
ALTER TABLE sla_compliance_summary_stage ADD COLUMN tickets_with_breach integer;

-- The figures of all severities together for a period, per tier and for all tiers (4 rows per period:
-- ENTERPRISE, SME, SMB, ALL): the workbook's total rows. Computed and published with the summary, from
-- the same results, by the same rules; tickets_with_breach counts tickets that breached either target.
CREATE TABLE sla_compliance_total (
  period                  text NOT NULL,
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
  tickets_with_breach     integer NOT NULL,
  job_execution_id        bigint NOT NULL,
  PRIMARY KEY (period, customer_tier)
);

CREATE UNLOGGED TABLE sla_compliance_total_stage (LIKE sla_compliance_total INCLUDING DEFAULTS);
