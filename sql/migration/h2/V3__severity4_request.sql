-- Finance's Severity 4 reconciliation list: every published Severity 4 ticket, met or not, exempt ones
-- included and marked. The monthly severity4-<YYYY-MM>.csv is this view for one period.
CREATE VIEW sla_severity4_request AS
SELECT period,
       ticket_id,
       account_id,
       account_name,
       category,
       channel,
       integration,
       subject,
       created_at,
       acknowledged_at,
       first_response_at,
       closed_at,
       ack_seconds,                                                  -- support time to the effective acknowledgment
       ack_target_seconds,
       ack_status,                                                   -- MET | BREACHED | EXEMPT
       response_seconds,                                             -- support time to the effective response
       response_target_seconds,
       response_status,
       ack_status = 'EXEMPT' AS exempt,                              -- third-party, no targets: not in any figure
       (ack_status = 'BREACHED' OR response_status = 'BREACHED') AS breached,
       policy_version
  FROM sla_ticket_result
 WHERE severity = 4;
